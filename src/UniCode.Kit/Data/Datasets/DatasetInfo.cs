namespace UniCode.Kit.Data.Datasets;

/// <summary>One embedded dataset in the <see cref="DatasetCatalog"/>: what it is, where it comes from, and whether it is here.</summary>
/// <param name="Name">The catalog name ("fashion-mnist", "emoji", "shapes", "wordnet").</param>
/// <param name="Description">What it holds.</param>
/// <param name="AptPackage">The Debian package that provides it, or null for generated data.</param>
/// <param name="Licence">Its licence and holder.</param>
/// <param name="Installed">Whether its files are present (always true for generated data).</param>
/// <param name="Location">The folder it is read from, when installed.</param>
/// <param name="Counts">Item counts by part (e.g. train/test), read from the files; empty when not installed or unbounded.</param>
/// <param name="Problem">Why it is unusable although installed (e.g. a corrupt file), or null.</param>
public sealed record DatasetInfo(
    string Name,
    string Description,
    string? AptPackage,
    string Licence,
    bool Installed,
    string? Location,
    IReadOnlyDictionary<string, long> Counts,
    string? Problem)
{
    /// <summary>Installed and readable.</summary>
    public bool Available => Installed && Problem is null;
}

/// <summary>The outcome of <see cref="DatasetCatalog.Install"/>.</summary>
/// <param name="Packages">The packages asked for.</param>
/// <param name="Command">The command line that ran.</param>
/// <param name="ExitCode">Its exit code (0 is success); -1 when it could not be started.</param>
/// <param name="Output">Its standard output and error, interleaved as read.</param>
public sealed record InstallResult(IReadOnlyList<string> Packages, string Command, int ExitCode, string Output)
{
    /// <summary>The command succeeded.</summary>
    public bool Succeeded => ExitCode == 0;
}

/// <summary>The outcome of <see cref="DatasetCatalog.Prepare"/>.</summary>
/// <param name="Before">The catalog before installing.</param>
/// <param name="Install">The install that ran, or null when nothing was missing or installing was not asked for.</param>
/// <param name="After">The catalog afterwards.</param>
public sealed record PrepareReport(IReadOnlyList<DatasetInfo> Before, InstallResult? Install, IReadOnlyList<DatasetInfo> After)
{
    /// <summary>Every dataset is available afterwards.</summary>
    public bool AllAvailable => After.All(d => d.Available);
}

using System.Text;
using System.Text.Json;
using UniCode.Kit.Experiments.Claims;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Experiments;

/// <summary>
/// What one <c>unicode reproduce</c> run of a table leaves beside its CSV and Markdown (<c>&lt;name&gt;.json</c>): the
/// claims checked, the direction checks, the wall time, the artifacts and the machine. The results README is generated
/// from every record in the folder, so reproducing one table updates its rows and keeps the others'.
/// </summary>
/// <param name="Name">The experiment's short name (table1 ...).</param>
/// <param name="Title">Its title.</param>
/// <param name="Profile">The profile it ran at.</param>
/// <param name="Machine">The machine it ran on (cores, libtorch, OS).</param>
/// <param name="Finished">When it finished (UTC).</param>
/// <param name="WallSeconds">Its wall time.</param>
/// <param name="Claims">The paper's claims, checked.</param>
/// <param name="Directions">One line per metric: whether our ordering of the rows matches the paper's.</param>
/// <param name="Artifacts">What it trained or reused.</param>
/// <param name="Figures">The pictures written beside the table (empty in records written before the kit made them).</param>
/// <param name="TrainingWallSeconds">The wall time of the latest run of this table at this profile that trained at least
/// one artifact: what the table costs from an empty cache (null when no such run is known).</param>
public sealed record ReproductionRecord(
    string Name, string Title, string Profile, string Machine, DateTimeOffset Finished, double WallSeconds,
    IReadOnlyList<ClaimOutcome> Claims, IReadOnlyList<string> Directions, IReadOnlyList<ArtifactUse> Artifacts, IReadOnlyList<FigureFile>? Figures = null,
    double? TrainingWallSeconds = null)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The table's verdict over its claims: yes when all reproduce, no when none does, else partly
    /// (inconclusive when none could be checked).</summary>
    public string Verdict
    {
        get
        {
            var checkedClaims = Claims.Where(c => c.Verdict != "inconclusive").ToList();
            return checkedClaims.Count == 0 ? "inconclusive"
                : checkedClaims.All(c => c.Verdict == "yes") && checkedClaims.Count == Claims.Count ? "yes"
                : checkedClaims.All(c => c.Verdict == "no") ? "no"
                : "partly";
        }
    }

    /// <summary>True when the run trained at least one artifact (a run that reused everything only measured).</summary>
    public bool Trained => Artifacts.Any(a => !a.Reused);

    /// <summary>The record of a finished run. A run that reused every artifact keeps the training wall time of
    /// <paramref name="previous"/> (the record it replaces, at the same profile), so that a rerun from the cache does not
    /// hide what the table costs from scratch.</summary>
    /// <param name="result">The run's result.</param>
    /// <param name="machine">The machine it ran on.</param>
    /// <param name="finished">When it finished.</param>
    /// <param name="previous">The record this run replaces, if any.</param>
    public static ReproductionRecord Of(ExperimentResult result, string machine, DateTimeOffset finished, ReproductionRecord? previous = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var record = new ReproductionRecord(result.Name, result.Table.Title, result.Table.Provenance.Profile, machine, finished, result.WallSeconds,
            result.Claims, [.. result.Directions.Checks.Select(c => c.ToString())], result.Artifacts,
            [.. result.Figures.Select(f => new FigureFile(f.Name, f.FileName(result.Name), f.Caption))]);
        var inherited = previous is not null && previous.Name == record.Name && previous.Profile == record.Profile
            ? previous.TrainingWallSeconds ?? (previous.Trained ? previous.WallSeconds : null)
            : null;
        return record with { TrainingWallSeconds = record.Trained ? record.WallSeconds : inherited };
    }

    /// <summary>Writes the record to <c>&lt;folder&gt;/&lt;name&gt;.json</c>, atomically.</summary>
    /// <param name="folder">The results folder.</param>
    /// <returns>The file written.</returns>
    public string Write(string folder)
    {
        var path = Path.Combine(folder, $"{Name}.json");
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, Json)));
        return path;
    }

    /// <summary>Every record in <paramref name="folder"/> (files named like an experiment of <paramref name="names"/>
    /// with .json), in the order of <paramref name="names"/>.</summary>
    /// <param name="folder">The results folder.</param>
    /// <param name="names">The experiments' names, in report order.</param>
    /// <exception cref="InvalidDataException">A record file is not a record (the message names it).</exception>
    public static IReadOnlyList<ReproductionRecord> ReadAll(string folder, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var records = new List<ReproductionRecord>();
        foreach (var name in names)
        {
            var path = Path.Combine(folder, $"{name}.json");
            if (File.Exists(path))
            {
                records.Add(Read(path));
            }
        }

        return records;
    }

    /// <summary>The record in <paramref name="path"/>.</summary>
    /// <param name="path">A file <see cref="Write"/> wrote.</param>
    /// <exception cref="InvalidDataException">It is not a complete record (the message names it).</exception>
    public static ReproductionRecord Read(string path)
    {
        try
        {
            var record = JsonSerializer.Deserialize<ReproductionRecord>(File.ReadAllText(path), Json);
            return record is { Name: not null, Title: not null, Profile: not null, Machine: not null, Claims: not null, Directions: not null, Artifacts: not null }
                && (record.Figures ?? []).All(f => f is { Name: not null, File: not null, Caption: not null })
                ? record
                : throw new InvalidDataException($"'{path}' is not a reproduction record: a field is missing");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a reproduction record: {e.Message}", e);
        }
    }
}

/// <summary>A figure's file in a results folder, its name and its caption.</summary>
/// <param name="Name">What it shows, in a few words (e.g. "Unified answers").</param>
/// <param name="File">Its file name, beside the record.</param>
/// <param name="Caption">What it shows, in a line.</param>
public sealed record FigureFile(string Name, string File, string Caption);

namespace UniCode.Kit.Tests.Reporting;

/// <summary>
/// Tests that find plotly.js or Chromium, or change the environment variables that locate them, run one
/// at a time: a test pointing UNICODE_PLOTLY_JS at a bogus path must not break another test's rendering.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReportingEnvironment
{
    public const string Name = "Reporting environment (plotly.js, Chromium)";
}

/// <summary>Sets an environment variable for the duration of a test and restores it afterwards.</summary>
internal sealed class EnvironmentOverride : IDisposable
{
    private readonly string name;
    private readonly string? previous;

    public EnvironmentOverride(string name, string? value)
    {
        this.name = name;
        previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(name, previous);
}

/// <summary>A temporary folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("unicode-reporting-tests-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

using UniCode.Torch;

namespace UniCode.Kit.Processes;

/// <summary>How <see cref="ExternalProcess.Run"/> runs a program.</summary>
public sealed record ExternalProcessOptions : IOptions
{
    /// <summary>Wall-clock limit; past it the whole process tree is killed and a <see cref="TimeoutException"/> thrown. Positive, at most a day.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Environment variables to set (a null value removes the variable); the rest are inherited.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The working folder; null for the current one.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How to install the program, added to the error when it is missing (e.g. "apt-get install -y chromium").</summary>
    public string? InstallHint { get; init; }

    /// <inheritdoc/>
    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, $"{nameof(Timeout)} must be positive and at most a day, not {Timeout}");
        }

        if (Environment is null || Environment.Keys.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"{nameof(Environment)} must not be null or hold an empty variable name", nameof(Environment));
        }

        if (WorkingDirectory is not null && !Directory.Exists(WorkingDirectory))
        {
            throw new ArgumentException($"{nameof(WorkingDirectory)} '{WorkingDirectory}' is not a folder", nameof(WorkingDirectory));
        }
    }
}

namespace UniCode.Kit.Processes;

/// <summary>How an <see cref="ExternalProcess"/> run ended.</summary>
/// <param name="CommandLine">The program and its arguments, space-separated (for messages and logs).</param>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="StandardOutput">Everything it wrote to stdout.</param>
/// <param name="StandardError">Everything it wrote to stderr.</param>
/// <param name="Output">Its stdout and stderr lines in the order they arrived (what a terminal would show).</param>
/// <param name="Elapsed">Wall-clock time from start to exit.</param>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError, string Output, TimeSpan Elapsed)
{
    /// <summary>Whether the exit code is 0.</summary>
    public bool Succeeded => ExitCode == 0;
}

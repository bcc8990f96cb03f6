namespace UniCode.Kit.Processes;

/// <summary>An <see cref="ExternalProcess"/> could not start because its program is not installed (or not executable).</summary>
public sealed class ProgramNotFoundException : FileNotFoundException
{
    /// <summary>Creates the error.</summary>
    /// <param name="program">The program as it was asked for (a name looked up on PATH, or a path).</param>
    /// <param name="message">What went wrong and how to install the program.</param>
    /// <param name="inner">The operating system's error.</param>
    public ProgramNotFoundException(string program, string message, Exception? inner = null)
        : base(message, program, inner)
    {
        Program = program;
    }

    /// <summary>The program as it was asked for.</summary>
    public string Program { get; }
}

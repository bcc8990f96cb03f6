namespace UniCode.Notebooks;

/// <summary>
/// A notebook that cannot be run at all: the input is a folder, the output folder is a file, or the kernel
/// is not installed or did not start. The message names the file and the problem in one line.
/// </summary>
public sealed class NotebookRunException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The notebook (or output folder) concerned.</param>
    /// <param name="problem">What is wrong, in one sentence.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NotebookRunException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem}", innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The notebook or folder concerned.</summary>
    public string Path { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}

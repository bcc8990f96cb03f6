namespace UniCode.Notebooks.Serialization;

/// <summary>A notebook file that is not valid nbformat 4 JSON; the message names the file and the problem.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file (or other source) that was read.</param>
    /// <param name="problem">What is wrong, e.g. where a required field is missing.</param>
    /// <param name="innerException">The parser error, if any.</param>
    public NotebookFormatException(string source, string problem, Exception? innerException = null)
        : base($"Notebook '{source}' is not a valid nbformat 4 notebook: {problem}", innerException)
    {
        SourceName = source;
        Problem = problem;
    }

    /// <summary>The file (or other source) that was read.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}

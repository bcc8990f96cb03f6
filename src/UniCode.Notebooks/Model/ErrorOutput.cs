namespace UniCode.Notebooks.Model;

/// <summary>A failure of a cell (nbformat <c>error</c>).</summary>
public sealed class ErrorOutput : CellOutput
{
    /// <summary>Creates an error output.</summary>
    /// <param name="errorName">The error's name (<c>ename</c>), e.g. an exception type.</param>
    /// <param name="errorValue">The error's message (<c>evalue</c>).</param>
    /// <param name="traceback">The traceback, one entry per line.</param>
    public ErrorOutput(string errorName, string errorValue, IEnumerable<string> traceback)
    {
        ArgumentNullException.ThrowIfNull(errorName);
        ArgumentNullException.ThrowIfNull(errorValue);
        ArgumentNullException.ThrowIfNull(traceback);
        ErrorName = errorName;
        ErrorValue = errorValue;
        Traceback = traceback.ToArray();
    }

    /// <inheritdoc/>
    public override string OutputType => "error";

    /// <summary>The error's name (<c>ename</c>).</summary>
    public string ErrorName { get; }

    /// <summary>The error's message (<c>evalue</c>).</summary>
    public string ErrorValue { get; }

    /// <summary>The traceback lines.</summary>
    public IReadOnlyList<string> Traceback { get; }
}

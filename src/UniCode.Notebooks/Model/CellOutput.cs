namespace UniCode.Notebooks.Model;

/// <summary>One output of a code cell; the subclasses mirror nbformat's four output types.</summary>
public abstract class CellOutput
{
    private protected CellOutput()
    {
    }

    /// <summary>The nbformat <c>output_type</c>: <c>stream</c>, <c>display_data</c>, <c>execute_result</c> or <c>error</c>.</summary>
    public abstract string OutputType { get; }
}

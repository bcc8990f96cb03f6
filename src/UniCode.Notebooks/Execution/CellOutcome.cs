using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Execution;

/// <summary>The result of running one C# cell.</summary>
/// <param name="Outputs">The cell's outputs in order, ending with the error output when it failed.</param>
/// <param name="Error">The error output, or <c>null</c> when the cell succeeded.</param>
/// <param name="TimedOut">Whether the cell exceeded the cell timeout (it may still be running).</param>
internal sealed record CellOutcome(IReadOnlyList<CellOutput> Outputs, ErrorOutput? Error, bool TimedOut)
{
    /// <summary>A cell that failed before running, with the error as its only output.</summary>
    public static CellOutcome Failed(ErrorOutput error) => new([error], error, TimedOut: false);
}

namespace UniCode.Notebooks;

/// <summary>What a notebook run did.</summary>
/// <param name="InputPath">The full path of the notebook that was run.</param>
/// <param name="OutputPath">The full path of the executed copy.</param>
/// <param name="CellsRun">How many code cells were submitted to the kernel (failed ones included).</param>
/// <param name="Failures">The cells that failed, in order.</param>
public sealed record NotebookRunResult(string InputPath, string OutputPath, int CellsRun, IReadOnlyList<CellFailure> Failures)
{
    /// <summary>Whether every executed cell succeeded.</summary>
    public bool Succeeded => Failures.Count == 0;

    /// <summary>Whether the run stopped early (fail-fast or a cell timeout), leaving later code cells unrun.</summary>
    public bool Stopped { get; init; }
}

namespace UniCode.Kit.Reporting.Tables;

/// <summary>One row of a <see cref="ResultTable"/>: its label and one cell per column.</summary>
/// <param name="Label">The row's label (the method, setup, paradigm ...); the direction check matches rows by it.</param>
/// <param name="Cells">One cell per column, in column order.</param>
/// <param name="IsPaper">True for the paper's reference numbers, false for this kit's.</param>
public sealed record ResultRow(string Label, IReadOnlyList<ResultCell> Cells, bool IsPaper)
{
    /// <summary>"paper" or "ours": how the row is marked in every output.</summary>
    public string Source => IsPaper ? ResultTable.PaperSource : ResultTable.OursSource;
}

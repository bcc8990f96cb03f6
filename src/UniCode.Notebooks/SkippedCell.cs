namespace UniCode.Notebooks;

/// <summary>A code cell the runner did not run because another kernel owns it (F#, PowerShell, markdown, ...).</summary>
/// <param name="CellIndex">Zero-based index of the cell in the notebook's cell list.</param>
/// <param name="Kernel">The kernel that owns the cell, e.g. <c>fsharp</c>.</param>
public sealed record SkippedCell(int CellIndex, string Kernel);

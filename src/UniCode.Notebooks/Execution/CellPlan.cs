namespace UniCode.Notebooks.Execution;

/// <summary>What to do with one code cell: which kernel owns it and, for C#, the code to compile.</summary>
/// <param name="Kernel">The canonical kernel name, e.g. <c>csharp</c>, <c>fsharp</c>, <c>markdown</c>.</param>
/// <param name="Code">For C# cells, the source with kernel-selector lines blanked (line numbers kept); otherwise <c>null</c>.</param>
/// <param name="Problem">For C# cells, why the cell cannot run here (an unsupported directive), or <c>null</c>.</param>
internal sealed record CellPlan(string Kernel, string? Code, string? Problem)
{
    public bool IsCSharp => Kernel == Model.PolyglotMetadata.CSharpKernel;
}

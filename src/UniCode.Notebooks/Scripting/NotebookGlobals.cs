using UniCode.Notebooks.Execution;
using UniCode.Notebooks.Model;
using UniCode.Notebooks.Rendering;

namespace UniCode.Notebooks.Scripting;

/// <summary>
/// The members notebook cells can call without qualification, matching .NET Interactive's
/// <c>display(...)</c> and <c>HTML(...)</c> so a notebook runs unchanged in VS Code and in the runner.
/// </summary>
/// <remarks>The lower-case <c>display</c> is .NET Interactive's spelling, kept so cells compile in both.</remarks>
public sealed class NotebookGlobals
{
    private CellOutputCollector? _currentCell;

    internal NotebookGlobals()
    {
    }

    /// <summary>The running cell's collector; set by the runner around each cell.</summary>
    internal CellOutputCollector? CurrentCell
    {
        get => Volatile.Read(ref _currentCell);
        set => Volatile.Write(ref _currentCell, value);
    }

    /// <summary>
    /// Shows <paramref name="value"/> as an output of the running cell, rendered by
    /// <see cref="DisplayRenderer"/>; the returned handle can replace it later.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called while no cell is running (e.g. from a leftover background task).</exception>
    public DisplayedValue display(object? value)
    {
        var cell = CurrentCell
            ?? throw new InvalidOperationException("display(...) was called while no notebook cell was running.");
        var output = new DisplayDataOutput(DisplayRenderer.Render(value));
        cell.Add(output);
        return new DisplayedValue(output);
    }

    /// <summary>Marks <paramref name="html"/> as HTML, so displaying it (or ending a cell with it) shows <c>text/html</c>.</summary>
    public HtmlContent HTML(string html) => new(html);
}

namespace UniCode.Notebooks.Model;

/// <summary>The kind of a notebook cell (nbformat <c>cell_type</c>).</summary>
public enum CellType
{
    /// <summary>A code cell (<c>"code"</c>): has outputs and an execution count.</summary>
    Code,

    /// <summary>A markdown cell (<c>"markdown"</c>): prose, may carry attachments.</summary>
    Markdown,

    /// <summary>A raw cell (<c>"raw"</c>): passed through untouched by every tool.</summary>
    Raw,
}

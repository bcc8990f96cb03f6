namespace UniCode.Kit.Reporting.Tables;

/// <summary>
/// A table of results in the shape of one of the paper's tables: named columns (metrics know whether
/// higher or lower is better), this kit's rows, and the paper's reference rows kept apart and marked
/// <c>paper</c>. It always carries its <see cref="ResultProvenance"/>, renders as CSV, Markdown and HTML,
/// and checks whether the ordering of its rows on each metric matches the paper's
/// (<see cref="CheckDirections"/>): at our small scale the direction is what must be reproduced.
/// </summary>
[UniCode.Torch.Display.TypeFormatterSource(typeof(UniCode.Kit.Reporting.Formatting.KitFormatterSource))]
public sealed partial class ResultTable
{
    /// <summary>How this kit's rows are marked.</summary>
    public const string OursSource = "ours";

    /// <summary>How the paper's rows are marked.</summary>
    public const string PaperSource = "paper";

    /// <summary>The note on the paper's rows when none is given.</summary>
    public const string DefaultPaperNote = "numbers reported in the paper";

    private readonly List<ResultColumn> columns;
    private readonly List<ResultRow> rows = [];
    private readonly List<ResultRow> paperRows = [];

    /// <summary>An empty table.</summary>
    /// <param name="title">The caption, e.g. <c>Table 3: visual tokenizer choice</c>.</param>
    /// <param name="rowHeader">The header of the label column, e.g. <c>tokenizer</c>.</param>
    /// <param name="columns">The value columns, at least one, with distinct names.</param>
    /// <param name="provenance">Where this table's own numbers come from (profile and note).</param>
    /// <param name="paperNote">What the paper rows are, e.g. <c>numbers reported in the paper (Table 3; Vicuna-7B, 256x256)</c>.</param>
    public ResultTable(string title, string rowHeader, IEnumerable<ResultColumn> columns, ResultProvenance provenance, string paperNote = DefaultPaperNote)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(rowHeader);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(paperNote);
        this.columns = [.. columns];
        if (this.columns.Count == 0)
        {
            throw new ArgumentException($"table '{title}' needs at least one column", nameof(columns));
        }

        if (this.columns.Any(c => c is null))
        {
            throw new ArgumentException($"table '{title}' has a null column", nameof(columns));
        }

        var duplicate = this.columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"table '{title}' has two columns named '{duplicate.Key}'", nameof(columns));
        }

        Title = title;
        RowHeader = rowHeader;
        Provenance = provenance;
        PaperNote = paperNote.Trim();
    }

    /// <summary>The caption.</summary>
    public string Title { get; }

    /// <summary>The header of the label column.</summary>
    public string RowHeader { get; }

    /// <summary>Where this table's own numbers come from.</summary>
    public ResultProvenance Provenance { get; }

    /// <summary>What the paper rows are.</summary>
    public string PaperNote { get; }

    /// <summary>The value columns.</summary>
    public IReadOnlyList<ResultColumn> Columns => columns;

    /// <summary>This kit's rows, in the order added.</summary>
    public IReadOnlyList<ResultRow> Rows => rows;

    /// <summary>The paper's reference rows, in the order added.</summary>
    public IReadOnlyList<ResultRow> PaperRows => paperRows;

    /// <summary>Adds a row of this kit's results.</summary>
    /// <param name="label">The row label; unique among this kit's rows.</param>
    /// <param name="cells">One value per column (use <c>"-"</c> or <see cref="ResultCell.Missing"/> for a missing one).</param>
    /// <returns>This table, to chain calls.</returns>
    public ResultTable AddRow(string label, params ResultCell[] cells) => Add(rows, label, cells, isPaper: false);

    /// <summary>Adds a row of this kit's results from numbers (null or NaN: missing).</summary>
    /// <param name="label">The row label; unique among this kit's rows.</param>
    /// <param name="values">One number per column.</param>
    /// <returns>This table, to chain calls.</returns>
    public ResultTable AddRow(string label, IEnumerable<double?> values) => AddRow(label, Cells(values));

    /// <summary>Adds a row of this kit's results from numbers (NaN: missing).</summary>
    /// <param name="label">The row label; unique among this kit's rows.</param>
    /// <param name="values">One number per column.</param>
    /// <returns>This table, to chain calls.</returns>
    public ResultTable AddRow(string label, IEnumerable<double> values) => AddRow(label, Cells(values?.Select(v => (double?)v)));

    /// <summary>Adds a row of the paper's reference numbers.</summary>
    /// <param name="label">The row label; the direction check pairs it with this kit's row of the same label.</param>
    /// <param name="cells">One value per column, as the paper prints them (<c>"-"</c> for missing, <c>"~31"</c> for approximate).</param>
    /// <returns>This table, to chain calls.</returns>
    public ResultTable AddPaperRow(string label, params ResultCell[] cells) => Add(paperRows, label, cells, isPaper: true);

    /// <summary>Adds a row of the paper's reference numbers from numbers (null or NaN: missing).</summary>
    /// <param name="label">The row label.</param>
    /// <param name="values">One number per column.</param>
    /// <returns>This table, to chain calls.</returns>
    public ResultTable AddPaperRow(string label, IEnumerable<double?> values) => AddPaperRow(label, Cells(values));

    /// <summary>The index of a column by name.</summary>
    /// <param name="column">The column's name.</param>
    public int ColumnIndex(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var index = columns.FindIndex(c => string.Equals(c.Name, column, StringComparison.Ordinal));
        return index >= 0
            ? index
            : throw new ArgumentException(
                $"table '{Title}' has no column '{column}' (columns: {string.Join(", ", columns.Select(c => c.Name))})", nameof(column));
    }

    /// <summary>This kit's value in row <paramref name="label"/>, column <paramref name="column"/>.</summary>
    /// <param name="label">The row label.</param>
    /// <param name="column">The column name.</param>
    public ResultCell Value(string label, string column) => Find(rows, label, "row").Cells[ColumnIndex(column)];

    /// <summary>The paper's value in row <paramref name="label"/>, column <paramref name="column"/>.</summary>
    /// <param name="label">The row label.</param>
    /// <param name="column">The column name.</param>
    public ResultCell PaperValue(string label, string column) => Find(paperRows, label, "paper row").Cells[ColumnIndex(column)];

    /// <summary>The Markdown rendering (title, provenance, table).</summary>
    public override string ToString() => ToMarkdown();

    private static ResultCell[] Cells(IEnumerable<double?>? values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.Select(v => (ResultCell)v)];
    }

    private ResultTable Add(List<ResultRow> target, string label, ResultCell[] cells, bool isPaper)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(cells);
        var kind = isPaper ? "paper row" : "row";
        if (cells.Length != columns.Count)
        {
            throw new ArgumentException(
                $"table '{Title}', {kind} '{label}': {cells.Length} values for {columns.Count} columns ({string.Join(", ", columns.Select(c => c.Name))})",
                nameof(cells));
        }

        if (target.Any(r => string.Equals(r.Label, label, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"table '{Title}' already has a {kind} labelled '{label}'", nameof(label));
        }

        target.Add(new ResultRow(label, [.. cells], isPaper));
        return this;
    }

    private ResultRow Find(List<ResultRow> source, string label, string kind)
    {
        ArgumentNullException.ThrowIfNull(label);
        return source.Find(r => string.Equals(r.Label, label, StringComparison.Ordinal))
            ?? throw new KeyNotFoundException($"table '{Title}' has no {kind} labelled '{label}'");
    }
}

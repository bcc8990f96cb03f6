using System.Text;

namespace UniCode.Kit.Reporting.Tables;

// Markdown: a heading, the provenance, and a GitHub-flavoured table with the paper's rows last.
public sealed partial class ResultTable
{
    /// <summary>
    /// The table as Markdown: a <c>###</c> heading with the title, the provenance line, a line saying what the
    /// <c>paper</c> rows are (when there are any), then a table whose first column marks each row <c>ours</c>
    /// or <c>paper</c>. Metric headers carry an arrow (↑ higher is better, ↓ lower is better); missing values are <c>-</c>.
    /// </summary>
    public string ToMarkdown()
    {
        var builder = new StringBuilder();
        builder.Append("### ").Append(MarkdownText.Cell(Title)).Append("\n\n");
        builder.Append(MarkdownText.Cell(Provenance.ToString())).Append("\n\n");
        if (paperRows.Count > 0)
        {
            builder.Append("Rows marked paper: ").Append(MarkdownText.Cell(PaperNote)).Append("\n\n");
        }

        AppendMarkdownRow(builder, ["source", RowHeader, .. columns.Select(HeaderText)], escape: true);
        AppendMarkdownRow(builder, ["---", "---", .. columns.Select(c => c.IsMetric ? "---:" : "---")], escape: false);
        foreach (var row in rows.Concat(paperRows))
        {
            AppendMarkdownRow(builder, [row.Source, row.Label, .. row.Cells.Select((cell, i) => cell.Display(columns[i].Decimals))], escape: true);
        }

        return builder.ToString();
    }

    /// <summary>Writes <see cref="ToMarkdown"/> to <paramref name="path"/> (UTF-8), atomically.</summary>
    /// <param name="path">The file.</param>
    public void WriteMarkdown(string path) => WriteText(path, ToMarkdown());

    private static string HeaderText(ResultColumn column) =>
        !column.IsMetric ? column.Name : column.Name + (column.HigherIsBetter ? " \u2191" : " \u2193");

    private static void AppendMarkdownRow(StringBuilder builder, IEnumerable<string> cells, bool escape)
    {
        builder.Append('|');
        foreach (var cell in cells)
        {
            builder.Append(' ').Append(escape ? MarkdownText.Cell(cell) : cell).Append(" |");
        }

        builder.Append('\n');
    }
}

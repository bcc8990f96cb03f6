using System.Text;

namespace UniCode.Kit.Reporting.Tables;

// HTML: a self-contained fragment (its own scoped style) for notebooks, or a whole page for results/.
public sealed partial class ResultTable
{
    // Scoped by the wrapper's class so that a notebook page's other outputs are not restyled.
    private const string Style =
        "<style>\n"
        + ".unicode-result-table table{border-collapse:collapse;font-family:sans-serif;font-size:14px}\n"
        + ".unicode-result-table caption{font-weight:600;text-align:left;padding:4px 0}\n"
        + ".unicode-result-table th,.unicode-result-table td{border:1px solid #ccc;padding:3px 8px}\n"
        + ".unicode-result-table td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
        + ".unicode-result-table tbody.paper td{color:#555;font-style:italic;background:#f4f4f4}\n"
        + ".unicode-result-table tr.section th{text-align:left;background:#e8e8e8;font-weight:600}\n"
        + ".unicode-result-table p.provenance{font-family:sans-serif;font-size:12px;color:#444;margin:4px 0}\n"
        + "</style>\n";

    /// <summary>
    /// The table as a self-contained HTML fragment (notebooks render it inline): a scoped style, a table with
    /// the title as caption, this kit's rows in <c>tbody.ours</c>, the paper's rows in a separate
    /// <c>tbody.paper</c> under a heading row that says what they are, and the provenance below. All text is escaped.
    /// </summary>
    public string ToHtml()
    {
        var builder = new StringBuilder();
        builder.Append("<div class=\"unicode-result-table\">\n").Append(Style).Append("<table>\n");
        builder.Append("<caption>").Append(HtmlText.Escape(Title)).Append("</caption>\n");
        builder.Append("<thead>\n<tr><th>source</th><th>").Append(HtmlText.Escape(RowHeader)).Append("</th>");
        foreach (var column in columns)
        {
            builder.Append("<th title=\"").Append(column.GoalText).Append("\">").Append(HtmlText.Escape(column.Name));
            if (column.IsMetric)
            {
                builder.Append(column.HigherIsBetter ? " &#8593;" : " &#8595;");
            }

            builder.Append("</th>");
        }

        builder.Append("</tr>\n</thead>\n");
        if (rows.Count > 0)
        {
            builder.Append("<tbody class=\"ours\">\n");
            AppendHtmlRows(builder, rows);
            builder.Append("</tbody>\n");
        }

        if (paperRows.Count > 0)
        {
            builder.Append("<tbody class=\"paper\">\n<tr class=\"section\"><th colspan=\"")
                .Append(columns.Count + 2).Append("\">paper: ").Append(HtmlText.Escape(PaperNote)).Append("</th></tr>\n");
            AppendHtmlRows(builder, paperRows);
            builder.Append("</tbody>\n");
        }

        builder.Append("</table>\n<p class=\"provenance\">").Append(HtmlText.Escape(Provenance.ToString())).Append("</p>\n</div>\n");
        return builder.ToString();
    }

    /// <summary>Writes a complete HTML page holding <see cref="ToHtml"/> to <paramref name="path"/>, atomically.</summary>
    /// <param name="path">The file.</param>
    public void WriteHtml(string path) => WriteText(path, HtmlText.Document(Title, ToHtml()));

    private void AppendHtmlRows(StringBuilder builder, IEnumerable<ResultRow> source)
    {
        foreach (var row in source)
        {
            builder.Append("<tr><td>").Append(row.Source).Append("</td><td>").Append(HtmlText.Escape(row.Label)).Append("</td>");
            for (var i = 0; i < columns.Count; i++)
            {
                var cell = row.Cells[i];
                builder.Append(cell.Number is null ? "<td>" : "<td class=\"num\">")
                    .Append(HtmlText.Escape(cell.Display(columns[i].Decimals))).Append("</td>");
            }

            builder.Append("</tr>\n");
        }
    }
}

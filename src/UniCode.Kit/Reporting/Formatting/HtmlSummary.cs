using System.Globalization;
using System.Text;

namespace UniCode.Kit.Reporting.Formatting;

/// <summary>Small HTML building blocks for <see cref="IDisplayable"/> implementations: a titled table of figures.</summary>
public static class HtmlSummary
{
    /// <summary>A two-column table of named values under a bold title.</summary>
    /// <param name="title">The caption.</param>
    /// <param name="rows">Names and values (escaped here).</param>
    public static string Table(string title, IEnumerable<(string Name, string Value)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var html = new StringBuilder();
        html.Append("<table><caption style=\"text-align:left\"><b>").Append(HtmlText.Escape(title ?? string.Empty)).Append("</b></caption>");
        foreach (var (name, value) in rows)
        {
            html.Append("<tr><td>").Append(HtmlText.Escape(name)).Append("</td><td>").Append(HtmlText.Escape(value)).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    /// <summary>A grid of integers (e.g. a code map layer) as an HTML table.</summary>
    /// <param name="title">The caption.</param>
    /// <param name="values">Rows of values.</param>
    public static string Grid(string title, long[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var html = new StringBuilder();
        html.Append("<table style=\"font-family:monospace;font-size:11px\"><caption style=\"text-align:left\">")
            .Append(HtmlText.Escape(title ?? string.Empty)).Append("</caption>");
        for (var i = 0; i < values.GetLength(0); i++)
        {
            html.Append("<tr>");
            for (var j = 0; j < values.GetLength(1); j++)
            {
                html.Append("<td>").Append(values[i, j].ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</table>").ToString();
    }

    /// <summary>A progress bar with a label.</summary>
    /// <param name="fraction">Done, in [0, 1].</param>
    /// <param name="label">The text beside it.</param>
    public static string Progress(double fraction, string label)
    {
        var value = Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1);
        return $"<div><progress value=\"{value.ToString("F3", CultureInfo.InvariantCulture)}\" max=\"1\" style=\"width:320px\"></progress> " +
               $"<span style=\"font-family:monospace\">{HtmlText.Escape(label ?? string.Empty)}</span></div>";
    }
}

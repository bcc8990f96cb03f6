using System.Globalization;
using System.Text;

namespace UniCode.Kit.Reporting.Tables;

/// <summary>
/// The direction checks of every metric of a <see cref="ResultTable"/>, with the table's title and
/// provenance. Renders as Markdown and HTML for notebooks (one row per metric; disagreeing pairs listed).
/// </summary>
[UniCode.Torch.Display.TypeFormatterSource(typeof(UniCode.Kit.Reporting.Formatting.KitFormatterSource))]
public sealed class DirectionReport
{
    /// <summary>A report over <paramref name="checks"/>.</summary>
    /// <param name="title">The table's title.</param>
    /// <param name="provenance">The table's provenance.</param>
    /// <param name="checks">One check per metric.</param>
    public DirectionReport(string title, ResultProvenance provenance, IReadOnlyList<DirectionCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(checks);
        Title = title;
        Provenance = provenance;
        Checks = checks;
    }

    /// <summary>The table's title.</summary>
    public string Title { get; }

    /// <summary>The table's provenance.</summary>
    public ResultProvenance Provenance { get; }

    /// <summary>One check per metric, in column order.</summary>
    public IReadOnlyList<DirectionCheck> Checks { get; }

    /// <summary>The check of metric <paramref name="column"/>.</summary>
    /// <param name="column">The metric's name.</param>
    public DirectionCheck this[string column] =>
        Checks.FirstOrDefault(c => string.Equals(c.Column, column, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"direction report of '{Title}' has no metric '{column}'");

    /// <summary>How many metrics agree.</summary>
    public int AgreeCount => Checks.Count(c => c.Verdict == DirectionVerdict.Agree);

    /// <summary>How many metrics could be compared (not inconclusive).</summary>
    public int ComparedCount => Checks.Count(c => c.Verdict != DirectionVerdict.Inconclusive);

    /// <summary>A heading line, then one block per metric.</summary>
    public override string ToString() =>
        $"Direction check vs paper: {Title} ({Provenance}): {AgreeCount}/{ComparedCount} metrics agree\n"
        + string.Join('\n', Checks.Select(c => c.ToString()));

    /// <summary>Markdown: a heading with the provenance and a table with one row per metric.</summary>
    public string ToMarkdown()
    {
        var builder = new StringBuilder();
        builder.Append("#### Direction check vs paper: ").Append(MarkdownText.Cell(Title)).Append("\n\n");
        builder.Append(MarkdownText.Cell(Provenance.ToString())).Append(". ")
            .Append(AgreeCount).Append('/').Append(ComparedCount).Append(" metrics agree.\n\n");
        builder.Append("| metric | goal | verdict | pairs agreeing | Kendall tau | pairs not reproduced |\n");
        builder.Append("| --- | --- | --- | ---: | ---: | --- |\n");
        foreach (var check in Checks)
        {
            var misses = check.Disagreements.Count == 0 ? "-" : string.Join("; ", check.Disagreements.Select(PairText));
            builder.Append("| ").Append(MarkdownText.Cell(check.Column))
                .Append(" | ").Append(check.GoalText)
                .Append(" | ").Append(check.VerdictText)
                .Append(" | ").Append(Fraction(check))
                .Append(" | ").Append(check.TauText)
                .Append(" | ").Append(MarkdownText.Cell(misses)).Append(" |\n");
        }

        return builder.ToString();
    }

    /// <summary>A self-contained HTML fragment: the same content as <see cref="ToMarkdown"/>, verdicts coloured.</summary>
    public string ToHtml()
    {
        var builder = new StringBuilder();
        builder.Append("<div class=\"unicode-direction-report\">\n<style>\n")
            .Append(".unicode-direction-report table{border-collapse:collapse;font-family:sans-serif;font-size:14px}\n")
            .Append(".unicode-direction-report caption{font-weight:600;text-align:left;padding:4px 0}\n")
            .Append(".unicode-direction-report th,.unicode-direction-report td{border:1px solid #ccc;padding:3px 8px;vertical-align:top}\n")
            .Append(".unicode-direction-report td.agree{color:#1a7f37;font-weight:600}\n")
            .Append(".unicode-direction-report td.disagree{color:#c62828;font-weight:600}\n")
            .Append(".unicode-direction-report td.inconclusive{color:#777}\n")
            .Append(".unicode-direction-report p{font-family:sans-serif;font-size:12px;color:#444;margin:4px 0}\n")
            .Append("</style>\n<table>\n<caption>Direction check vs paper: ").Append(HtmlText.Escape(Title)).Append("</caption>\n")
            .Append("<thead><tr><th>metric</th><th>goal</th><th>verdict</th><th>pairs agreeing</th><th>Kendall tau</th><th>pairs not reproduced</th></tr></thead>\n<tbody>\n");
        foreach (var check in Checks)
        {
            builder.Append("<tr><td>").Append(HtmlText.Escape(check.Column)).Append("</td><td>").Append(check.GoalText)
                .Append("</td><td class=\"").Append(check.VerdictText).Append("\">").Append(check.VerdictText)
                .Append("</td><td>").Append(Fraction(check)).Append("</td><td>").Append(check.TauText).Append("</td><td>");
            builder.Append(check.Disagreements.Count == 0 ? "-" : string.Join("<br>", check.Disagreements.Select(p => HtmlText.Escape(PairText(p)))));
            builder.Append("</td></tr>\n");
        }

        builder.Append("</tbody>\n</table>\n<p>").Append(HtmlText.Escape(Provenance.ToString())).Append(". ")
            .Append(AgreeCount).Append('/').Append(ComparedCount).Append(" metrics agree.</p>\n</div>\n");
        return builder.ToString();
    }

    private static string Fraction(DirectionCheck check) =>
        check.Pairs.Count == 0 ? "-" : $"{check.Agreeing}/{check.Pairs.Count} ({(100 * check.AgreementFraction).ToString("F0", CultureInfo.InvariantCulture)}%)";

    private static string PairText(DirectionPair pair) => pair.ToString();
}

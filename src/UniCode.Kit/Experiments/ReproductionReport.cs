using System.Globalization;
using System.Text;
using UniCode.Kit.Reporting.Tables;

namespace UniCode.Kit.Experiments;

/// <summary>
/// The summary <c>unicode reproduce</c> writes beside the tables: for each experiment, its claim, whether our ordering
/// agrees with the paper's on every metric (yes), on some (partly) or on none (no), its wall time and artifacts, and
/// the machine it ran on.
/// </summary>
public static class ReproductionReport
{
    /// <summary>The verdict of one experiment: "yes" when every compared metric orders rows as the paper does, "no" when
    /// none does, "partly" in between, "inconclusive" when nothing could be compared.</summary>
    /// <param name="directions">The experiment's direction checks.</param>
    public static string Verdict(DirectionReport directions)
    {
        ArgumentNullException.ThrowIfNull(directions);
        var compared = directions.Checks.Where(c => c.Verdict != DirectionVerdict.Inconclusive).ToList();
        if (compared.Count == 0)
        {
            return "inconclusive";
        }

        var agreeing = compared.Count(c => c.Verdict == DirectionVerdict.Agree);
        return agreeing == compared.Count ? "yes" : agreeing == 0 ? "no" : "partly";
    }

    /// <summary>The Markdown summary of a reproduction run.</summary>
    /// <param name="results">The experiments' results, in run order.</param>
    /// <param name="profile">The profile they ran at.</param>
    /// <param name="machine">A line describing the machine (cores, libtorch, OS).</param>
    public static string ToMarkdown(IReadOnlyList<ExperimentResult> results, string profile, string machine)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Reproduction at {profile}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}. Total wall time {results.Sum(r => r.WallSeconds) / 60:F1} min.");
        text.AppendLine();
        text.AppendLine("| table | reproduced | metrics (ours vs the paper's order) | wall time | artifacts reused |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var result in results)
        {
            var metrics = string.Join("; ", result.Directions.Checks.Select(c => $"{c.Column}: {c.VerdictText}"));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| [{result.Table.Title}]({result.Name}.md) | {Verdict(result.Directions)} | {metrics} | {result.WallSeconds / 60:F1} min | {result.ReusedCount} of {result.Artifacts.Count} |");
        }

        foreach (var result in results)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {result.Table.Title}");
            text.AppendLine();
            text.AppendLine(result.Directions.ToMarkdown());
        }

        return text.ToString();
    }
}

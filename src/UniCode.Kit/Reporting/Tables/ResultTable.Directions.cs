namespace UniCode.Kit.Reporting.Tables;

// The direction check: does our ranking of rows on a metric match the paper's?
public sealed partial class ResultTable
{
    /// <summary>
    /// Compares the ranking of this kit's rows with the paper's rows of the same labels on one metric:
    /// for every pair the paper orders, whether this kit orders it the same way, plus Kendall's tau-b.
    /// </summary>
    /// <param name="column">A metric column's name.</param>
    public DirectionCheck CheckDirection(string column)
    {
        var index = ColumnIndex(column);
        var metric = columns[index];
        if (!metric.IsMetric)
        {
            throw new ArgumentException($"table '{Title}': column '{column}' is descriptive, not a metric, and has no direction", nameof(column));
        }

        var ours = Numbers(rows, index);
        var paper = Numbers(paperRows, index);
        var labels = ours.Keys.Where(paper.ContainsKey).ToList();
        var unmatched = rows.Concat(paperRows).Select(r => r.Label).Distinct(StringComparer.Ordinal)
            .Where(l => !labels.Contains(l, StringComparer.Ordinal)).ToList();

        // Orient every comparison so that a positive order means "better".
        var sign = metric.HigherIsBetter ? 1 : -1;
        var pairs = new List<DirectionPair>();
        var paperTies = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                var (a, b) = (labels[i], labels[j]);
                var paperOrder = sign * Order(paper[a], paper[b]);
                if (paperOrder == 0)
                {
                    paperTies++;
                    continue;
                }

                var (better, worse) = paperOrder > 0 ? (a, b) : (b, a);
                var ourOrder = sign * Order(ours[better], ours[worse]);
                var outcome = ourOrder > 0 ? PairOutcome.Agree : ourOrder < 0 ? PairOutcome.Flip : PairOutcome.Tie;
                pairs.Add(new DirectionPair(better, worse, paper[better], paper[worse], ours[better], ours[worse], outcome));
            }
        }

        return new DirectionCheck(
            metric.Name,
            metric.HigherIsBetter,
            labels,
            pairs,
            paperTies,
            unmatched,
            KendallTauB(labels.Select(l => ours[l]).ToArray(), labels.Select(l => paper[l]).ToArray()),
            Best(labels, ours, sign),
            Best(labels, paper, sign));
    }

    /// <summary>The direction check for every metric column, in column order.</summary>
    public DirectionReport CheckDirections() =>
        new(Title, Provenance, [.. columns.Where(c => c.IsMetric).Select(c => CheckDirection(c.Name))]);

    /// <summary>Kendall's tau-b: (concordant - discordant) / sqrt((n0 - tiesX) (n0 - tiesY)); NaN when undefined.</summary>
    internal static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0, total = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                total++;
                var product = Order(x[i], x[j]) * Order(y[i], y[j]);
                concordant += product > 0 ? 1 : 0;
                discordant += product < 0 ? 1 : 0;
                tiesX += x[i] == x[j] ? 1 : 0;
                tiesY += y[i] == y[j] ? 1 : 0;
            }
        }

        var denominator = Math.Sqrt((double)(total - tiesX) * (total - tiesY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }

    private static Dictionary<string, double> Numbers(List<ResultRow> source, int index) =>
        source.Where(r => r.Cells[index].Number is not null)
            .ToDictionary(r => r.Label, r => r.Cells[index].Number!.Value, StringComparer.Ordinal);

    private static string? Best(List<string> labels, Dictionary<string, double> values, int sign) =>
        labels.Count == 0 ? null : labels.MaxBy(l => sign * values[l]);

    // A comparison rather than Math.Sign(a - b), which throws on the NaN that inf - inf gives.
    private static int Order(double a, double b) => a > b ? 1 : a < b ? -1 : 0;
}

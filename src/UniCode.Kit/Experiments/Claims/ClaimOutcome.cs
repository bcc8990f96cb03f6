using System.Globalization;
using UniCode.Kit.Reporting.Tables;

namespace UniCode.Kit.Experiments.Claims;

/// <summary>
/// A claim checked against a table: "yes" when every comparison holds in our numbers, "no" when none does, "partly"
/// in between, "inconclusive" when a number is missing for all of them; and the evidence, one line per comparison with
/// our values and the paper's. A comparison whose two cells carry standard errors is also judged against sampling
/// noise: when the margin is smaller than twice the standard error of the difference, √(se₁² + se₂²) (the cells are
/// treated as independent, which overstates the noise of two models scored on the same questions), its direction is
/// not established, and the evidence and <see cref="WithinNoise"/> say so.
/// </summary>
/// <param name="Text">The claim.</param>
/// <param name="Verdict">yes, partly, no or inconclusive.</param>
/// <param name="Evidence">Per comparison: what it is, ours, the paper's, and whether it holds.</param>
/// <param name="LikelyReason">Why it most likely does not reproduce (empty when it does).</param>
/// <param name="WithinNoise">How many of the checked comparisons are within twice their standard error (0 in records
/// written before the kit measured errors).</param>
public sealed record ClaimOutcome(string Text, string Verdict, IReadOnlyList<string> Evidence, string LikelyReason, int WithinNoise = 0)
{
    /// <summary>A margin under this many standard errors of the difference is within noise (about 95% two-sided).</summary>
    public const double NoiseStandardErrors = 2;

    /// <summary>Checks <paramref name="claim"/> against <paramref name="table"/>'s rows (ours) and paper rows.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="table">The experiment's table.</param>
    /// <exception cref="ArgumentException">The claim names a column or row the table lacks (the message names it).</exception>
    public static ClaimOutcome Check(PaperClaim claim, ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(table);
        var evidence = new List<string>();
        var holding = 0;
        var checkable = 0;
        var noisy = 0;
        foreach (var comparison in claim.Comparisons)
        {
            var column = table.Columns[table.ColumnIndex(comparison.Column)];
            var betterCell = table.Value(comparison.Better, comparison.Column);
            var worseCell = table.Value(comparison.Worse, comparison.Column);
            var (better, worse) = (betterCell.Number, worseCell.Number);
            var paper = PaperText(table, comparison);
            if (better is not { } b || worse is not { } w || double.IsNaN(b) || double.IsNaN(w))
            {
                evidence.Add($"{comparison}: ours not measured{paper}");
                continue;
            }

            checkable++;
            // Orient so that a positive margin means Better is ahead, then allow the tolerance.
            var margin = (column.HigherIsBetter ? b - w : w - b) + (comparison.Tolerance * Math.Abs(w));
            var holds = comparison.Tolerance > 0 ? margin >= 0 : margin > 0;
            holding += holds ? 1 : 0;
            var noise = betterCell.StandardError is { } eb && worseCell.StandardError is { } ew ? NoiseStandardErrors * Math.Sqrt((eb * eb) + (ew * ew)) : (double?)null;
            var withinNoise = noise is { } n && Math.Abs(margin) < n;
            noisy += withinNoise ? 1 : 0;
            var noiseText = noise is not { } bound ? string.Empty
                : withinNoise ? $", within noise (margin {N(Math.Abs(margin))} < 2 SE {N(bound)})"
                : $", beyond noise (margin {N(Math.Abs(margin))} ≥ 2 SE {N(bound)})";
            evidence.Add($"{comparison}: ours {N(b)} vs {N(w)}{paper}: {(holds ? "holds" : "does not hold")}{noiseText}");
        }

        var verdict = checkable == 0 ? "inconclusive" : holding == checkable && checkable == claim.Comparisons.Count ? "yes" : holding == 0 ? "no" : "partly";
        return new ClaimOutcome(claim.Text, verdict, evidence, verdict == "yes" ? string.Empty : claim.LikelyReason, noisy);
    }

    private static string PaperText(ResultTable table, ClaimComparison comparison)
    {
        var labels = table.PaperRows.Select(r => r.Label).ToHashSet(StringComparer.Ordinal);
        if (!labels.Contains(comparison.Better) || !labels.Contains(comparison.Worse))
        {
            return string.Empty;
        }

        var better = table.PaperValue(comparison.Better, comparison.Column).Number;
        var worse = table.PaperValue(comparison.Worse, comparison.Column).Number;
        return better is { } b && worse is { } w ? $" (paper {N(b)} vs {N(w)})" : string.Empty;
    }

    private static string N(double value) => value.ToString(Math.Abs(value) >= 100 ? "F0" : "0.0#", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace UniCode.Kit.Reporting.Tables;

/// <summary>
/// Whether this kit's rows rank like the paper's on one metric. Rows are matched by label; only labels
/// with a number on both sides take part. Every pair the paper orders is a <see cref="DirectionPair"/>;
/// pairs the paper ties say nothing about direction and are only counted (<see cref="PaperTies"/>).
/// </summary>
/// <param name="Column">The metric.</param>
/// <param name="HigherIsBetter">The metric's direction (it names which row of a pair is "better").</param>
/// <param name="Labels">The labels compared, in the order of this kit's rows.</param>
/// <param name="Pairs">Every pair of <paramref name="Labels"/> that the paper orders.</param>
/// <param name="PaperTies">Pairs the paper's values tie (left out of <paramref name="Pairs"/>).</param>
/// <param name="Unmatched">Labels of either side without a number on the other (not compared).</param>
/// <param name="KendallTau">Kendall's tau-b between the two sides' values over <paramref name="Labels"/> (NaN when undefined).</param>
/// <param name="OursBest">This kit's best label among <paramref name="Labels"/> (null when there are none).</param>
/// <param name="PaperBest">The paper's best label among <paramref name="Labels"/> (null when there are none).</param>
public sealed record DirectionCheck(
    string Column,
    bool HigherIsBetter,
    IReadOnlyList<string> Labels,
    IReadOnlyList<DirectionPair> Pairs,
    int PaperTies,
    IReadOnlyList<string> Unmatched,
    double KendallTau,
    string? OursBest,
    string? PaperBest)
{
    /// <summary>Pairs this kit orders as the paper does.</summary>
    public int Agreeing => Pairs.Count(p => p.Outcome == PairOutcome.Agree);

    /// <summary>The pairs this kit does not reproduce (flipped or tied), which the report lists.</summary>
    public IReadOnlyList<DirectionPair> Disagreements => [.. Pairs.Where(p => p.Outcome != PairOutcome.Agree)];

    /// <summary>The fraction of the paper's ordered pairs that this kit orders the same way (NaN when there are none).</summary>
    public double AgreementFraction => Pairs.Count == 0 ? double.NaN : (double)Agreeing / Pairs.Count;

    /// <summary>Agree when every ordered pair agrees, Disagree when any does not, Inconclusive when there is no ordered pair.</summary>
    public DirectionVerdict Verdict => Pairs.Count == 0
        ? DirectionVerdict.Inconclusive
        : Agreeing == Pairs.Count ? DirectionVerdict.Agree : DirectionVerdict.Disagree;

    /// <summary>"higher is better" or "lower is better".</summary>
    public string GoalText => HigherIsBetter ? "higher is better" : "lower is better";

    /// <summary>A one-line summary followed by the pairs that disagree, one per line.</summary>
    public override string ToString()
    {
        var line = $"{Column} ({GoalText}): {VerdictText}, {Agreeing}/{Pairs.Count} pairs agree, Kendall tau {TauText}";
        var details = Disagreements.Select(p => "\n  " + p);
        return line + string.Concat(details);
    }

    /// <summary>"agree", "disagree" or "inconclusive".</summary>
    public string VerdictText => Verdict.ToString().ToLowerInvariant();

    /// <summary>Kendall's tau with two decimals, or "n/a".</summary>
    public string TauText => double.IsNaN(KendallTau) ? "n/a" : KendallTau.ToString("F2", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace UniCode.Kit.Reporting.Tables;

/// <summary>
/// One pair of rows on one metric, named by the paper's verdict: <see cref="Better"/> is the row the paper
/// finds better (higher, or lower for a lower-is-better metric), with both sides' values.
/// </summary>
/// <param name="Better">The label the paper ranks better.</param>
/// <param name="Worse">The label the paper ranks worse.</param>
/// <param name="PaperBetter">The paper's value for <paramref name="Better"/>.</param>
/// <param name="PaperWorse">The paper's value for <paramref name="Worse"/>.</param>
/// <param name="OursBetter">This kit's value for <paramref name="Better"/>.</param>
/// <param name="OursWorse">This kit's value for <paramref name="Worse"/>.</param>
/// <param name="Outcome">Whether this kit agrees, flips or ties the pair.</param>
public sealed record DirectionPair(
    string Better, string Worse, double PaperBetter, double PaperWorse, double OursBetter, double OursWorse, PairOutcome Outcome)
{
    /// <summary>E.g. <c>iter &gt; dual (paper 53.1 vs 9.3; ours 0.41 vs 0.45: flipped)</c>.</summary>
    public override string ToString()
    {
        var verdict = Outcome switch
        {
            PairOutcome.Agree => "agrees",
            PairOutcome.Flip => "flipped",
            _ => "tied in ours",
        };
        return $"{Better} > {Worse} (paper {N(PaperBetter)} vs {N(PaperWorse)}; ours {N(OursBetter)} vs {N(OursWorse)}: {verdict})";
    }

    // Four significant digits: enough to see an ordering, short enough to read in a sentence.
    private static string N(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}

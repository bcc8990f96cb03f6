using UniCode.Kit.Reporting.Tables;

namespace UniCode.Kit.Tests.Reporting.Tables;

public sealed class DirectionCheckTests
{
    private static ResultTable Accuracy(double a, double b, double c)
    {
        var table = new ResultTable("acc", "setup", [ResultColumn.Higher("VQA2")], new ResultProvenance("Smoke"));
        table.AddRow("A", a).AddRow("B", b).AddRow("C", c);
        table.AddPaperRow("A", 10.0).AddPaperRow("B", 20.0).AddPaperRow("C", 30.0);
        return table;
    }

    private static ResultTable Fid(double iter, double dual, double frozen)
    {
        var table = new ResultTable("Table 4", "paradigm", [ResultColumn.Lower("FID ImgNet")], new ResultProvenance("Quick"));
        table.AddRow("frozen", frozen).AddRow("dual", dual).AddRow("iter", iter);
        table.AddPaperRow("frozen", 34.45).AddPaperRow("dual", 8.87).AddPaperRow("iter", 6.72);
        return table;
    }

    [Fact]
    public void Same_ordering_at_a_different_scale_agrees_with_tau_one()
    {
        var check = Accuracy(0.1, 0.2, 0.5).CheckDirection("VQA2");
        Assert.Equal(DirectionVerdict.Agree, check.Verdict);
        Assert.Equal(3, check.Pairs.Count);
        Assert.Equal(3, check.Agreeing);
        Assert.Equal(1.0, check.AgreementFraction);
        Assert.Equal(1.0, check.KendallTau, 12);
        Assert.Empty(check.Disagreements);
        Assert.Equal("C", check.OursBest);
        Assert.Equal("C", check.PaperBest);
    }

    [Fact]
    public void A_swapped_pair_is_reported_as_flipped_with_both_sides_values()
    {
        var check = Accuracy(0.1, 0.5, 0.2).CheckDirection("VQA2");
        Assert.Equal(DirectionVerdict.Disagree, check.Verdict);
        var flip = Assert.Single(check.Disagreements);
        Assert.Equal(("C", "B"), (flip.Better, flip.Worse));
        Assert.Equal((30.0, 20.0, 0.2, 0.5), (flip.PaperBetter, flip.PaperWorse, flip.OursBetter, flip.OursWorse));
        Assert.Equal(PairOutcome.Flip, flip.Outcome);
        Assert.Equal(2.0 / 3.0, check.AgreementFraction, 12);
        Assert.Equal(0.33333333333333337, check.KendallTau, 12); // scipy.stats.kendalltau
        Assert.Equal("B", check.OursBest);
        Assert.Contains("C > B (paper 30 vs 20; ours 0.2 vs 0.5: flipped)", check.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lower_is_better_metrics_name_the_lowest_value_the_better_row()
    {
        var agree = Fid(iter: 20, dual: 25, frozen: 90).CheckDirection("FID ImgNet");
        Assert.Equal(DirectionVerdict.Agree, agree.Verdict);
        Assert.False(agree.HigherIsBetter);
        Assert.Equal("iter", agree.OursBest);
        Assert.Equal("iter", agree.PaperBest);
        Assert.All(agree.Pairs, p => Assert.True(p.PaperBetter < p.PaperWorse));

        var disagree = Fid(iter: 30, dual: 25, frozen: 90).CheckDirection("FID ImgNet");
        Assert.Equal(DirectionVerdict.Disagree, disagree.Verdict);
        var flip = Assert.Single(disagree.Disagreements);
        Assert.Equal(("iter", "dual"), (flip.Better, flip.Worse));
        Assert.Equal("dual", disagree.OursBest);
        Assert.Equal("iter", disagree.PaperBest);
    }

    [Fact]
    public void Reversing_every_value_disagrees_on_every_pair()
    {
        var check = Fid(iter: 90, dual: 25, frozen: 20).CheckDirection("FID ImgNet");
        Assert.Equal(DirectionVerdict.Disagree, check.Verdict);
        Assert.Equal(0, check.Agreeing);
        Assert.Equal(-1.0, check.KendallTau, 12);
        Assert.Equal(0.0, check.AgreementFraction);
    }

    [Fact]
    public void Missing_values_and_unmatched_labels_are_left_out_and_listed()
    {
        var table = new ResultTable("t", "m", [ResultColumn.Higher("acc")], new ResultProvenance("Smoke"));
        table.AddRow("A", 1.0).AddRow("B", "-").AddRow("C", 3.0).AddRow("ours only", 9.0);
        table.AddPaperRow("A", 10.0).AddPaperRow("B", 20.0).AddPaperRow("C", 30.0).AddPaperRow("paper only", 1.0);
        var check = table.CheckDirection("acc");
        Assert.Equal(["A", "C"], check.Labels);
        Assert.Equal(["B", "ours only", "paper only"], check.Unmatched);
        Assert.Equal(PairOutcome.Agree, Assert.Single(check.Pairs).Outcome);
        Assert.Equal(DirectionVerdict.Agree, check.Verdict);
    }

    [Fact]
    public void Too_few_comparable_rows_is_inconclusive()
    {
        var table = new ResultTable("t", "m", [ResultColumn.Higher("acc"), ResultColumn.Lower("FID")], new ResultProvenance("Smoke"));
        table.AddRow("A", 1.0, 5.0).AddRow("B", 2.0, 6.0);
        table.AddPaperRow("A", 10.0, "-").AddPaperRow("B", 10.0, 7.0);
        var report = table.CheckDirections();
        Assert.Equal(DirectionVerdict.Inconclusive, report["acc"].Verdict); // the paper ties A and B
        Assert.Equal(1, report["acc"].PaperTies);
        Assert.Equal(DirectionVerdict.Inconclusive, report["FID"].Verdict); // only B has both
        Assert.True(double.IsNaN(report["FID"].KendallTau));
        Assert.True(double.IsNaN(report["FID"].AgreementFraction));
        Assert.Equal(0, report.ComparedCount);
    }

    [Fact]
    public void A_tie_in_our_numbers_does_not_reproduce_the_paper()
    {
        var check = Accuracy(0.1, 0.3, 0.3).CheckDirection("VQA2");
        Assert.Equal(DirectionVerdict.Disagree, check.Verdict);
        Assert.Equal(PairOutcome.Tie, Assert.Single(check.Disagreements).Outcome);
    }

    [Fact]
    public void Kendall_tau_b_matches_scipy_with_ties()
    {
        // scipy.stats.kendalltau([1, 2, 2, 3, 5], [2, 1, 3, 3, 4]) = 0.6666666666666666
        Assert.Equal(0.6666666666666666, ResultTable.KendallTauB([1, 2, 2, 3, 5], [2, 1, 3, 3, 4]), 12);
    }

    [Fact]
    public void Descriptive_columns_have_no_direction()
    {
        var table = new ResultTable("t", "m", [ResultColumn.Descriptive("params"), ResultColumn.Lower("FID")], new ResultProvenance("Smoke"));
        Assert.Throws<ArgumentException>(() => table.CheckDirection("params"));
        Assert.Equal(["FID"], table.CheckDirections().Checks.Select(c => c.Column));
    }

    [Fact]
    public void Report_renders_verdicts_and_pairs_in_markdown_and_html()
    {
        var table = new ResultTable("Table 4", "paradigm", [ResultColumn.Higher("VQA2"), ResultColumn.Lower("FID")], new ResultProvenance("Quick"));
        table.AddRow("dual", 0.1, 25.0).AddRow("iter", 0.5, 30.0);
        table.AddPaperRow("dual", 9.3, 8.87).AddPaperRow("iter", 53.1, 6.72);
        var report = table.CheckDirections();
        Assert.Equal(1, report.AgreeCount);
        Assert.Equal(2, report.ComparedCount);
        var markdown = report.ToMarkdown();
        Assert.Contains("| VQA2 | higher is better | agree | 1/1 (100%) | 1.00 | - |", markdown, StringComparison.Ordinal);
        Assert.Contains("| FID | lower is better | disagree | 0/1 (0%) | -1.00 | iter > dual (paper 6.72 vs 8.87; ours 30 vs 25: flipped) |", markdown, StringComparison.Ordinal);
        Assert.Contains("1/2 metrics agree", markdown, StringComparison.Ordinal);
        var html = report.ToHtml();
        Assert.Contains("<td class=\"agree\">agree</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"disagree\">disagree</td>", html, StringComparison.Ordinal);
        Assert.Contains("iter &gt; dual", html, StringComparison.Ordinal);
    }
}

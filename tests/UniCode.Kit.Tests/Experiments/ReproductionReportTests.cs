using UniCode.Kit.Experiments;
using UniCode.Kit.Reporting.Tables;

namespace UniCode.Kit.Tests.Experiments;

public sealed class ReproductionReportTests
{
    private static ExperimentResult Result(double oursA, double oursB)
    {
        var table = new ResultTable("T", "row", [ResultColumn.Lower("rFID"), ResultColumn.Higher("PSNR")], new ResultProvenance("Smoke"));
        table.AddRow("A", [oursA, 20.0]).AddRow("B", [oursB, 22.0]);
        table.AddPaperRow("A", [2.0, 20.0]).AddPaperRow("B", [3.0, 21.0]);
        return new ExperimentResult("t", table, table.CheckDirections(), 60, [new ArtifactUse("x", true)]);
    }

    [Fact]
    public void A_reversed_direction_on_every_metric_is_marked_no_and_a_mixed_one_partly()
    {
        var reversed = new ResultTable("T", "row", [ResultColumn.Lower("rFID")], new ResultProvenance("Smoke"));
        reversed.AddRow("A", [5.0]).AddRow("B", [1.0]).AddPaperRow("A", [2.0]).AddPaperRow("B", [3.0]);

        Assert.Equal("no", ReproductionReport.Verdict(reversed.CheckDirections()));
        Assert.Equal("partly", ReproductionReport.Verdict(Result(5.0, 1.0).Directions));
        Assert.Equal("yes", ReproductionReport.Verdict(Result(1.0, 5.0).Directions));
    }

    [Fact]
    public void The_summary_lists_every_table_with_its_verdict_wall_time_and_reuse()
    {
        var markdown = ReproductionReport.ToMarkdown([Result(1.0, 5.0)], "Smoke", "2 cores");

        Assert.Contains("| [T](t.md) | yes |", markdown, StringComparison.Ordinal);
        Assert.Contains("1.0 min", markdown, StringComparison.Ordinal);
        Assert.Contains("1 of 1", markdown, StringComparison.Ordinal);
        Assert.Contains("Machine: 2 cores", markdown, StringComparison.Ordinal);
    }
}

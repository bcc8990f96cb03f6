using UniCode.Kit.Experiments;
using UniCode.Kit.Experiments.Claims;
using UniCode.Kit.Experiments.Figures;
using UniCode.Kit.Reporting.Images;
using UniCode.Kit.Reporting.Tables;
using UniCode.Kit.Tests.Data;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Experiments;

public sealed class ReproductionReportTests
{
    private static readonly PaperClaim AOverB = PaperClaim.Of("A beats B on rFID and PSNR", "B is overfit", new ClaimComparison("rFID", "A", "B"), new ClaimComparison("PSNR", "A", "B"));

    private static ResultTable Table(double oursA, double oursB)
    {
        var table = new ResultTable("T", "row", [ResultColumn.Lower("rFID"), ResultColumn.Higher("PSNR")], new ResultProvenance("Smoke"));
        table.AddRow("A", [oursA, 22.0]).AddRow("B", [oursB, 20.0]);
        table.AddPaperRow("A", [2.0, 21.0]).AddPaperRow("B", [3.0, 20.0]);
        return table;
    }

    private static ExperimentResult Result(double oursA, double oursB)
    {
        var table = Table(oursA, oursB);
        return new ExperimentResult("t", table, table.CheckDirections(), [ClaimOutcome.Check(AOverB, table)], 60, [new ArtifactUse("x", true)]);
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
    public void A_claim_holds_when_every_comparison_does_and_is_no_when_every_one_is_reversed()
    {
        var reversed = Table(5.0, 1.0);
        reversed.AddRow("C", [9.0, 1.0]);
        var none = PaperClaim.Of("A beats B and C beats A on PSNR", "-", new ClaimComparison("PSNR", "B", "A"), new ClaimComparison("PSNR", "C", "A"));

        Assert.Equal("yes", ClaimOutcome.Check(AOverB, Table(1.0, 5.0)).Verdict);
        Assert.Equal("partly", ClaimOutcome.Check(AOverB, reversed).Verdict);
        Assert.Equal("no", ClaimOutcome.Check(none, reversed).Verdict);
        Assert.Equal(string.Empty, ClaimOutcome.Check(AOverB, Table(1.0, 5.0)).LikelyReason);
        Assert.Equal("B is overfit", ClaimOutcome.Check(AOverB, reversed).LikelyReason);
        Assert.Contains("rFID: ours 5.0 vs 1.0 (paper 2.0 vs 3.0): does not hold", ClaimOutcome.Check(AOverB, reversed).Evidence[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_tolerance_lets_a_slightly_worse_row_hold_and_a_missing_number_is_inconclusive()
    {
        var within = PaperClaim.Of("A costs little rFID", "-", new ClaimComparison("rFID", "A", "B", Tolerance: 0.25));
        var missing = new ResultTable("T", "row", [ResultColumn.Lower("rFID")], new ResultProvenance("Smoke"));
        missing.AddRow("A", [ResultCell.Missing]).AddRow("B", [1.0]);

        Assert.Equal("yes", ClaimOutcome.Check(within, Table(1.2, 1.0)).Verdict);
        Assert.Equal("no", ClaimOutcome.Check(within, Table(1.3, 1.0)).Verdict);
        Assert.Equal("inconclusive", ClaimOutcome.Check(within, missing).Verdict);
        Assert.Throws<ArgumentException>(() => ClaimOutcome.Check(PaperClaim.Of("x", "-", new ClaimComparison("FID", "A", "B")), Table(1, 2)));
    }

    [Fact]
    public void A_rerun_from_the_cache_keeps_the_wall_time_of_the_run_that_trained()
    {
        var table = Table(1.0, 5.0);
        ExperimentResult Run(double seconds, bool reused) => new("t", table, table.CheckDirections(), [], seconds, [new ArtifactUse("x", reused)]);

        var trained = ReproductionRecord.Of(Run(3600, reused: false), "2 cores", DateTimeOffset.UnixEpoch);
        var rerun = ReproductionRecord.Of(Run(300, reused: true), "2 cores", DateTimeOffset.UnixEpoch, trained);
        var again = ReproductionRecord.Of(Run(290, reused: true), "2 cores", DateTimeOffset.UnixEpoch, rerun);
        var atAnotherProfile = ReproductionRecord.Of(Run(290, reused: true), "2 cores", DateTimeOffset.UnixEpoch, trained with { Profile = "Quick" });

        Assert.Equal(3600, trained.TrainingWallSeconds);
        Assert.Equal((300, 3600), (rerun.WallSeconds, rerun.TrainingWallSeconds!.Value));
        Assert.Equal(3600, again.TrainingWallSeconds);
        Assert.Null(atAnotherProfile.TrainingWallSeconds);
        var markdown = ReproductionReport.ToMarkdown([again], []);
        Assert.Contains("| T | Smoke | inconclusive | 4.8 min | 1 of 1 | 60.0 min | 2 cores |", markdown, StringComparison.Ordinal);
        Assert.Contains("With training, for the 1 of them whose training run is recorded: 60.0 min.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_margin_under_twice_the_standard_error_of_the_difference_is_marked_within_noise()
    {
        // A's VQA leads B's by 0.6 points; each has a standard error of 2.2, so 2 SE of the difference is 2·√(2·2.2²) ≈ 6.2.
        static ResultTable Vqa(double a, double b, double error)
        {
            var table = new ResultTable("T", "row", [ResultColumn.Higher("VQA %")], new ResultProvenance("Quick"));
            table.AddRow("A", [ResultCell.Measured(a, error)]).AddRow("B", [ResultCell.Measured(b, error)]);
            return table;
        }

        var claim = PaperClaim.Of("A beats B on VQA", "-", new ClaimComparison("VQA %", "A", "B"));

        var close = ClaimOutcome.Check(claim, Vqa(46.4, 45.8, 2.2));
        var clear = ClaimOutcome.Check(claim, Vqa(60.0, 45.8, 2.2));
        var unmeasured = ClaimOutcome.Check(AOverB, Table(1.0, 5.0));

        Assert.Equal(("yes", 1), (close.Verdict, close.WithinNoise));
        Assert.EndsWith("holds, within noise (margin 0.6 < 2 SE 6.22)", close.Evidence[0], StringComparison.Ordinal);
        Assert.Equal(("yes", 0), (clear.Verdict, clear.WithinNoise));
        Assert.EndsWith("holds, beyond noise (margin 14.2 ≥ 2 SE 6.22)", clear.Evidence[0], StringComparison.Ordinal);
        Assert.Equal(0, unmeasured.WithinNoise);
        Assert.DoesNotContain("noise", unmeasured.Evidence[0], StringComparison.Ordinal);
        var result = new ExperimentResult("t", Vqa(46.4, 45.8, 2.2), Vqa(46.4, 45.8, 2.2).CheckDirections(), [close], 60, []);
        Assert.Contains("| A beats B on VQA | **yes**, within noise |", ReproductionReport.ToMarkdown([ReproductionRecord.Of(result, "2 cores", DateTimeOffset.UnixEpoch)], []), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_keeps_its_noise_count_and_one_written_before_errors_reads_as_none()
    {
        using var temp = new TempFolder();
        var claim = new ClaimOutcome("c", "yes", ["a", "b"], string.Empty, WithinNoise: 1);
        var result = new ExperimentResult("t", Table(1.0, 5.0), Table(1.0, 5.0).CheckDirections(), [claim], 60, []);
        var path = ReproductionRecord.Of(result, "2 cores", DateTimeOffset.UnixEpoch).Write(temp.Path);

        Assert.Equal(1, ReproductionRecord.Read(path).Claims[0].WithinNoise);
        Assert.Contains("| c | **yes**, 1 of 2 within noise |", ReproductionReport.ToMarkdown([ReproductionRecord.Read(path)], []), StringComparison.Ordinal);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json["Claims"]![0]!.AsObject().Remove("WithinNoise");
        File.WriteAllText(path, json.ToJsonString());
        Assert.Equal(0, ReproductionRecord.Read(path).Claims[0].WithinNoise);
    }

    [Fact]
    public void The_readme_lists_every_claim_with_its_verdict_and_every_table_with_its_wall_time_reuse_and_machine()
    {
        var records = new[] { ReproductionRecord.Of(Result(5.0, 1.0), "2 cores", DateTimeOffset.UnixEpoch) };

        var markdown = ReproductionReport.ToMarkdown(records, [new Table10Reconstruction()], "earlier.md");

        Assert.Contains("| [t](t.md) (Smoke) | A beats B on rFID and PSNR | **partly** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| B is overfit |", markdown, StringComparison.Ordinal);
        Assert.Contains("| T | Smoke | partly | 1.0 min | 1 of 1 | not recorded | 2 cores |", markdown, StringComparison.Ordinal);
        Assert.Contains("`./unicode reproduce table10 --profile Quick`", markdown, StringComparison.Ordinal);
        Assert.Contains("[earlier.md](earlier.md)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## What the models did", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_links_each_tables_figures_by_their_file_names()
    {
        var result = Result(1.0, 5.0) with { Figures = [new ExperimentFigure("A answers", "the first 8 \"questions\"", Grid())] };
        var record = ReproductionRecord.Of(result, "2 cores", DateTimeOffset.UnixEpoch);

        var markdown = ReproductionReport.ToMarkdown([record], []);

        Assert.Equal("t_a_answers.png", record.Figures!.Single().File);
        Assert.Contains("- T (Smoke): [A answers](t_a_answers.png \"the first 8 'questions'\")", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_written_before_figures_existed_reads_with_none_and_an_incomplete_figure_is_refused_by_file()
    {
        using var temp = new TempFolder();
        var path = ReproductionRecord.Of(Result(1.0, 5.0), "2 cores", DateTimeOffset.UnixEpoch).Write(temp.Path);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("Figures");
        File.WriteAllText(path, json.ToJsonString());

        var read = ReproductionRecord.Read(path);

        Assert.True(read.Figures is null or { Count: 0 });
        json["Figures"] = System.Text.Json.Nodes.JsonNode.Parse("[{\"File\": \"t_a.png\"}]");
        File.WriteAllText(path, json.ToJsonString());
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => ReproductionRecord.Read(path)).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("## What the models did", ReproductionReport.ToMarkdown([read], []), StringComparison.Ordinal);
    }

    private static ImageGrid Grid()
    {
        using var images = Tensor.Zeros([2, 1, 4, 4]);
        return ImageGrid.Create(images);
    }

    [Fact]
    public void A_record_round_trips_through_its_file_and_a_corrupt_one_is_refused_by_name()
    {
        using var temp = new TempFolder();
        var record = ReproductionRecord.Of(Result(1.0, 5.0), "2 cores", DateTimeOffset.UnixEpoch);
        var path = record.Write(temp.Path);

        var read = ReproductionRecord.ReadAll(temp.Path, ["t", "absent"]).Single();
        File.WriteAllText(path, "{\"Name\": \"t\"");

        Assert.Equal(record.Claims.Single().Text, read.Claims.Single().Text);
        Assert.Equal(record.Claims.Single().Evidence, read.Claims.Single().Evidence);
        Assert.Equal(record.Directions, read.Directions);
        Assert.Equal("yes", read.Verdict);
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => ReproductionRecord.Read(path)).Message, StringComparison.Ordinal);
    }
}

using UniCode.Kit.Configuration;
using UniCode.Kit.Experiments;
using UniCode.Kit.Tests.Data;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Experiments;

public sealed class Table6ResolutionTests
{
    [Fact]
    public void A_smoke_run_tests_sizes_around_the_training_one_raw_sizes_and_a_model_trained_larger_leaving_what_does_not_fit_empty()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();

        var result = new Table6Resolution().Run(new ExperimentContext(Profile.Smoke, new ArtifactCache(temp.Path), null, TextWriter.Null));

        // Smoke trains at 16 with a coarsest reduction of 8; 8 is too small to draw, so the sizes start at 16.
        string[] labels = [Table6Resolution.Label(16), Table6Resolution.Label(24), Table6Resolution.Label(32), Table6Resolution.Label(40), Table6Resolution.Raw, Table6Resolution.TrainedLabel(24)];
        Assert.Equal(labels, result.Table.Rows.Select(r => r.Label));
        Assert.All(labels.Where(l => l != Table6Resolution.Label(40)), l => Assert.InRange(result.Table.Value(l, "VQA %").Number!.Value, 0, 100));
        Assert.Null(result.Table.Value(Table6Resolution.Label(40), "VQA %").Number); // 125 code tokens do not fit Smoke's 128 positions
        Assert.Equal(16, result.Table.Value(Table6Resolution.Label(32), "image cells").Number);
        Assert.Equal([Table6Resolution.Label(16), Table6Resolution.Label(24), Table6Resolution.Label(32), Table6Resolution.Raw, Table6Resolution.TrainedLabel(24)],
            result.Table.PaperRows.Select(r => r.Label));
        Assert.Equal(2, result.Claims.Count);
        Assert.Equal(4, result.Claims[0].Evidence.Count);
        Assert.Equal(2, result.Artifacts.Count);
        Assert.Equal([.. labels.Where(l => l != Table6Resolution.Label(40) && l != Table6Resolution.Raw).Select(l => $"{l} answers")], result.Figures.Select(f => f.Name));
    }
}

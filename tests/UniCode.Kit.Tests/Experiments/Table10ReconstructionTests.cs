using UniCode.Kit.Configuration;
using UniCode.Kit.Experiments;
using UniCode.Kit.Reporting.Tables;
using UniCode.Kit.Tests.Data;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Experiments;

public sealed class Table10ReconstructionTests
{
    [Fact]
    public void A_smoke_run_yields_every_row_and_column_and_a_second_run_reuses_every_artifact()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();
        var cache = new ArtifactCache(temp.Path);
        var experiment = new Table10Reconstruction();

        var first = experiment.Run(new ExperimentContext(Profile.Smoke, cache, null, TextWriter.Null));
        var second = experiment.Run(new ExperimentContext(Profile.Smoke, cache, null, TextWriter.Null));

        string[] labels = ["VQ-GAN", "VQ-UniCode", "RQ-VAE", "RQ-UniCode", "HQ-VAE", "HQ-UniCode"];
        Assert.Equal(labels, first.Table.Rows.Select(r => r.Label));
        foreach (var label in labels)
        {
            Assert.True(first.Table.Value(label, "PSNR").Number > 0, label);
            Assert.NotNull(first.Table.Value(label, "rFID").Number);
        }

        Assert.True(first.Table.Value("HQ-UniCode", "cos(C, C_L)").Number > 0.99);
        Assert.Equal(7, first.Artifacts.Count);
        Assert.Equal(0, first.ReusedCount);
        Assert.Equal(7, second.ReusedCount);
        Assert.Equal([.. labels.Select(l => $"{l} reconstructions")], first.Figures.Select(f => f.Name));
        Assert.All(first.Figures, f => Assert.Equal(16, f.Grid.Count)); // 8 originals above their 8 reconstructions
        Assert.NotEqual(DirectionVerdict.Inconclusive, first.Directions["rFID"].Verdict);
    }
}

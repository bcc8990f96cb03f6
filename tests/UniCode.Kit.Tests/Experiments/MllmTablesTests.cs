using UniCode.Kit.Configuration;
using UniCode.Kit.Experiments;
using UniCode.Kit.Tests.Data;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Experiments;

public sealed class MllmTablesTests
{
    [Fact]
    public void Tables_1_3_and_4_at_smoke_yield_every_row_and_column_and_share_their_artifacts()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();
        var cache = new ArtifactCache(temp.Path);

        var results = new IExperiment[] { new Table1Paradigms(), new Table3Tokenizers(), new Table4Codebooks() }
            .Select(e => e.Run(new ExperimentContext(Profile.Smoke, cache, null, TextWriter.Null))).ToList();

        Assert.Equal(["Projector", "SeparateVocab", "Unified"], results[0].Table.Rows.Select(r => r.Label));
        Assert.Equal(["VQ-GAN", "RQ-VAE", "HQ-VAE"], results[1].Table.Rows.Select(r => r.Label));
        Assert.Equal(["Frozen", "Dual", "Iterative"], results[2].Table.Rows.Select(r => r.Label));
        foreach (var result in results)
        {
            Assert.All(result.Table.Rows, r => Assert.InRange(r.Cells[0].Number!.Value, 0, 100));
            Assert.All(result.Table.Rows, r => Assert.InRange(result.Table.Value(r.Label, "POPE %").Number!.Value, 0, 100));
            Assert.Equal(result.Table.Rows.Count, result.Artifacts.Count);
        }

        // Answers for every row, drawn images for the rows that can draw (the projector cannot).
        Assert.Equal(["Projector answers", "SeparateVocab answers", "SeparateVocab drawn", "Unified answers", "Unified drawn"], results[0].Figures.Select(f => f.Name));
        Assert.All(results[0].Figures, f => Assert.Equal(8, f.Grid.Count));
        Assert.Null(results[0].Table.Value("Projector", "FID").Number);
        Assert.NotNull(results[0].Table.Value("Unified", "FID").Number);
        Assert.True(results[1].Artifacts.Single(a => a.What.Contains("HqVae", StringComparison.Ordinal)).Reused, "Table 3's HQ-VAE row is Table 1's Unified model");
        Assert.True(results[2].Artifacts.Single(a => a.What.Contains("Iterative", StringComparison.Ordinal)).Reused);
    }
}

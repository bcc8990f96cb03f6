using UniCode.Kit.Configuration;
using UniCode.Kit.Experiments;
using UniCode.Kit.Multimodal.Tasks;
using UniCode.Kit.Reporting.Tables;
using UniCode.Kit.Tests.Data;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Experiments;

public sealed class Table5DecompressionTests
{
    [Fact]
    public void The_with_row_adds_both_decompression_tasks_and_nothing_else()
    {
        var without = Table5Decompression.RecipeFor(Profile.Smoke, "shapes", decompression: false);
        var with = Table5Decompression.RecipeFor(Profile.Smoke, "shapes", decompression: true);

        Assert.DoesNotContain(without.Tasks, t => t.Task is TaskKind.Decompression or TaskKind.SegmentedDecompression);
        Assert.Equal([.. without.Tasks.Select(t => t.Task), TaskKind.Decompression, TaskKind.SegmentedDecompression], with.Tasks.Select(t => t.Task));
        Assert.Equal(without with { Tasks = with.Tasks }, with);
    }

    [Fact]
    public void A_smoke_run_yields_both_rows_with_an_fid_under_each_conditioning()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();

        var result = new Table5Decompression().Run(new ExperimentContext(Profile.Smoke, new ArtifactCache(temp.Path), null, TextWriter.Null));

        Assert.Equal([Table5Decompression.Without, Table5Decompression.With], result.Table.Rows.Select(r => r.Label));
        foreach (var row in result.Table.Rows)
        {
            foreach (var column in new[] { "FID class", "FID text", "FID uncond" })
            {
                Assert.True(result.Table.Value(row.Label, column).Number >= 0, $"{row.Label}, {column}");
            }

            Assert.InRange(result.Table.Value(row.Label, "class acc %").Number!.Value, 0, 100);
        }

        Assert.Equal(4, result.Artifacts.Count);
        Assert.Equal(
            [.. new[] { Table5Decompression.Without, Table5Decompression.With }.SelectMany(l => new[] { $"{l} class", $"{l} unconditional", $"{l} text" })],
            result.Figures.Select(f => f.Name));
        Assert.Equal(10, result.Figures[0].Grid.Count); // one drawn image per Fashion-MNIST class
        Assert.NotEqual(DirectionVerdict.Inconclusive, result.Directions["FID text"].Verdict);
    }
}

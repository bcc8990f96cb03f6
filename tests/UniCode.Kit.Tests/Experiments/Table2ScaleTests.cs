using UniCode.Kit.Configuration;
using UniCode.Kit.Experiments;
using UniCode.Kit.Reporting.Tables;
using UniCode.Kit.Tests.Data;
using UniCode.Kit.Training.Multimodal;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Experiments;

public sealed class Table2ScaleTests
{
    [Fact]
    public void Each_row_trains_its_tokenizer_on_more_than_the_row_before()
    {
        var counts = Enumerable.Range(0, Table2Scale.Labels.Count)
            .Select(row => TokenizerRecipes.Splits(Table2Scale.RecipeFor(Profile.Smoke, row).Tokenizer))
            .Select(s => (Train: s.Train.Count, Test: s.Test.Count)).ToList();

        Assert.True(counts[1].Train > counts[0].Train);
        Assert.Equal(counts[1].Train + counts[1].Test, counts[2].Train);
        Assert.Equal(counts[2].Train, counts[3].Train);
        Assert.Null(Table2Scale.RecipeFor(Profile.Smoke, 2).Tokenizer.NetworkWidth);
        Assert.Equal(64, Table2Scale.RecipeFor(Profile.Smoke, 3).Tokenizer.NetworkWidth);
        Assert.Equal(ConfigHash.Of(MllmRecipe.For(Profile.Smoke)), ConfigHash.Of(Table2Scale.RecipeFor(Profile.Smoke, 0)));
    }

    [Fact]
    public void A_smoke_run_yields_every_row_and_column()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();

        var result = new Table2Scale().Run(new ExperimentContext(Profile.Smoke, new ArtifactCache(temp.Path), null, TextWriter.Null));

        Assert.Equal(Table2Scale.Labels, result.Table.Rows.Select(r => r.Label));
        Assert.All(Table2Scale.Labels, l => Assert.InRange(result.Table.Value(l, "VQA %").Number!.Value, 0, 100));
        Assert.All(Table2Scale.Labels, l => Assert.InRange(result.Table.Value(l, "POPE %").Number!.Value, 0, 100));
        Assert.Equal(4, result.Artifacts.Count);
        Assert.NotEqual(DirectionVerdict.Inconclusive, result.Directions["VQA %"].Verdict);
    }
}

using UniCode.Kit.Configuration;
using UniCode.Kit.Tests.Data;
using UniCode.Kit.Training.Language;
using UniCode.Kit.Vision.Codebooks;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Training.Language;

public sealed class LanguageModelRecipeTests
{
    [Fact]
    public void A_second_call_reuses_the_cached_model_and_its_embedding_table_is_C_L()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();
        var cache = new ArtifactCache(temp.Path);
        var recipe = LanguageModelRecipe.For(Profile.Smoke);
        var second = new StringWriter();

        using var trained = recipe.TrainOrLoad(cache);
        using var reused = recipe.TrainOrLoad(cache, log: second);
        using var language = LanguageCodebook.FromCheckpoint(trained.Path, LanguageModelRecipe.EmbeddingTensorName);

        Assert.False(trained.Reused);
        Assert.True(reused.Reused);
        Assert.Contains("reused", second.ToString());
        Assert.True(double.IsFinite(trained.Perplexity) && trained.Perplexity > 1, $"perplexity {trained.Perplexity}");
        Assert.Equal(trained.Perplexity, reused.Perplexity);
        Assert.Equal(recipe.Training.Steps, reused.History.Count);
        Assert.Equal([recipe.Model.VocabSize, recipe.Model.Dim], language.Table.Shape);
        Assert.True(language.Table.AllClose(trained.Model.TokenEmbedding.Detach()));
    }

    [Fact]
    public void A_model_vocabulary_other_than_the_tokenizers_is_refused()
    {
        var recipe = LanguageModelRecipe.For(Profile.Smoke);
        var wrong = recipe with { Model = recipe.Model with { VocabSize = recipe.Text.VocabularySize + 1 } };

        var error = Assert.Throws<ArgumentException>(wrong.Validate);
        Assert.Contains("vocabulary", error.Message);
    }
}

using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Tests.Data;
using UniCode.Kit.Training.Language;

namespace UniCode.Kit.Tests.Training.Language;

public sealed class TextTokenizerRecipeTests
{
    private static readonly TextTokenizerRecipe Small = new()
    {
        VocabularySize = 320,
        Corpus = new PretrainingCorpusOptions { Glosses = 0, ShapesScenes = 40, EmojiCaptions = false },
    };

    [Fact]
    public void A_second_call_reuses_the_cached_tokenizer_and_says_so()
    {
        using var temp = new TempFolder();
        var cache = new ArtifactCache(temp.Path);
        var first = new StringWriter();
        var second = new StringWriter();

        var trained = Small.TrainOrLoad(cache, first);
        var reused = Small.TrainOrLoad(cache, second);

        Assert.Contains("training BPE", first.ToString());
        Assert.Contains("reused", second.ToString());
        Assert.Equal(trained.VocabularySize, reused.VocabularySize);
        Assert.Equal(trained.Encode("How many red circles are there?"), reused.Encode("How many red circles are there?"));
        Assert.True(trained.VocabularySize <= 320);
    }

    [Fact]
    public void The_words_of_the_tasks_become_few_tokens()
    {
        using var temp = new TempFolder();
        var tokenizer = Small.TrainOrLoad(new ArtifactCache(temp.Path));

        // Byte-level BPE starts at one token per byte; trained on the Shapes text, a frequent word is one or two.
        Assert.True(tokenizer.Encode(" circle").Length <= 2);
    }

    [Fact]
    public void A_vocabulary_smaller_than_the_bytes_and_special_tokens_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { VocabularySize = 100 }).Validate());
        Assert.Contains(nameof(TextTokenizerRecipe.VocabularySize), error.Message);
    }
}

using UniCode.Kit.Data;
using UniCode.Kit.Data.Shapes;

namespace UniCode.Kit.Tests.Data;

public sealed class PretrainingCorpusTests
{
    private static readonly PretrainingCorpusOptions ShapesOnly = new() { Glosses = 0, ShapesScenes = 5, EmojiCaptions = false };

    [Fact]
    public void The_corpus_holds_each_scenes_caption_and_its_questions_with_answers()
    {
        var corpus = PretrainingCorpus.Build(ShapesOnly);
        var shapes = new ShapesDataset(ShapesOnly.ShapesOptions);

        Assert.Contains(shapes.Scene(3).Caption, corpus.Texts);
        var qa = shapes.QuestionsAt(3)[0];
        Assert.Contains($"{qa.Question} {qa.Answer}", corpus.Texts);
        Assert.Contains("This is a trouser.", corpus.Texts);
    }

    [Fact]
    public void The_gloss_sample_is_seeded_and_has_the_asked_size()
    {
        var options = ShapesOnly with { ShapesScenes = 0, FashionClassNames = false, Glosses = 50, Seed = 2 };

        var a = PretrainingCorpus.Build(options);
        var b = PretrainingCorpus.Build(options);
        var c = PretrainingCorpus.Build(options with { Seed = 3 });

        Assert.Equal(50, a.Count);
        Assert.Equal(a.Texts, b.Texts);
        Assert.NotEqual(a.Texts, c.Texts);
    }

    [Fact]
    public void A_gloss_count_below_minus_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PretrainingCorpus.Build(ShapesOnly with { Glosses = -2 }));
    }
}

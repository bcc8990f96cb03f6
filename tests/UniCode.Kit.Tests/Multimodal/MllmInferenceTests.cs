using UniCode.Kit.Language;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Vision;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Multimodal;

public sealed class MllmInferenceTests
{
    [Theory]
    [InlineData(MllmParadigm.Unified, TokenizerKind.HqVae)]
    [InlineData(MllmParadigm.SeparateVocab, TokenizerKind.RqVae)]
    public void Drawing_decodes_exactly_one_image_of_codes_per_prompt(MllmParadigm paradigm, TokenizerKind kind)
    {
        using var scope = new DisposeScope();
        using var tiny = new TinyMllm(paradigm, kind);
        var inference = new MllmInference(tiny.Model, images: new SamplingOptions { Temperature = 1, Seed = 5 });

        var images = inference.Generate(["a red circle", "two blue squares and a green triangle"], size: 16);
        var classes = inference.GenerateClass(["t-shirt"], size: 16);
        var again = new MllmInference(tiny.Model, images: new SamplingOptions { Temperature = 1, Seed = 5 }).Generate(["a red circle", "two blue squares and a green triangle"], size: 16);

        Assert.Equal([2, 3, 16, 16], images.Shape);
        Assert.Equal([1, 3, 16, 16], classes.Shape);
        Assert.True(images.Equal(again), "the same seed draws the same images");
        Assert.InRange(images.Min().Item<float>(), 0, 1);
        Assert.InRange(images.Max().Item<float>(), 0, 1);
    }

    [Theory]
    [InlineData(MllmParadigm.Unified)]
    [InlineData(MllmParadigm.Projector)]
    public void Asking_answers_every_question_in_order_whatever_its_length(MllmParadigm paradigm)
    {
        using var scope = new DisposeScope();
        using var tiny = new TinyMllm(paradigm);
        var inference = new MllmInference(tiny.Model, answers: new SamplingOptions { Temperature = 0, MaxNewTokens = 4 });
        var images = Enumerable.Range(0, 3).Select(i => TinyMllm.Shapes.Get(i).Image).ToArray();
        string[] questions = ["What colour is the object in the top left?", "Why?", "What colour is the object in the top left?"];

        var answers = inference.Ask(images, questions);
        var one = inference.Ask(images[1], questions[1]);

        Assert.Equal(3, answers.Count);
        Assert.Equal(answers[1], one);
        Assert.All(answers, a => Assert.NotNull(a));
    }

    [Fact]
    public void The_projector_paradigm_cannot_draw()
    {
        using var scope = new DisposeScope();
        using var tiny = new TinyMllm(MllmParadigm.Projector);

        var error = Assert.Throws<NotSupportedException>(() => new MllmInference(tiny.Model).Generate("a red circle", size: 16));

        Assert.Contains("understanding only", error.Message);
    }

    [Fact]
    public void Questions_and_images_must_pair_up()
    {
        using var scope = new DisposeScope();
        using var tiny = new TinyMllm(MllmParadigm.Unified);

        var error = Assert.Throws<ArgumentException>(() => new MllmInference(tiny.Model).Ask([TinyMllm.Shapes.Get(0).Image], ["a", "b"]));

        Assert.Contains("1 images but 2 questions", error.Message);
    }
}

using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Multimodal.Tasks;
using UniCode.Kit.Tests.Data;
using UniCode.Kit.Training.Multimodal;
using UniCode.Kit.Vision.Codebooks;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Training.Multimodal;

public sealed class MllmRecipeTests
{
    private static readonly QuestionKind[] Colour = [QuestionKind.ColourAtPosition];

    [Fact]
    public void A_smoke_mllm_answers_shapes_colour_questions_above_chance_and_a_second_run_reuses_it()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();
        var cache = new ArtifactCache(temp.Path);
        var smoke = MllmRecipe.For(Profile.Smoke);
        // A tokenizer trained long enough for its codes to carry colour. 8 steps leave them nearly constant; 150 were
        // enough on an AVX2 host but left 6% usage (14 dB) on an AVX-512 one, where every answer became the commonest
        // colour. 300 reach about 60% usage and 40% colour accuracy on both thread counts.
        var recipe = smoke with
        {
            Tasks = [new(TaskKind.Vqa, 1)],
            QuestionKinds = Colour,
            Tokenizer = smoke.Tokenizer with { Training = smoke.Tokenizer.Training with { Steps = 300 } },
        };
        var log = new StringWriter();

        using var trained = recipe.TrainOrLoad(cache);
        using var reused = recipe.TrainOrLoad(cache, log: log);
        // One object per scene: its colour is read off the codes without a position lookup, which a 2-layer model
        // learns in a few hundred steps.
        var size = recipe.Tokenizer.ImageSize;
        var single = new ShapesDataset(new ShapesOptions { Size = size, MinObjects = 1, MaxObjects = 1, Seed = 3 });
        using (var tuner = new InstructionTuner(trained.Model, new TaskMixture([(MllmTasks.Vqa(single, Colour), 1.0)]), recipe.Tuning with { Steps = 300, BatchSize = 32, LearningRate = 1e-3 }))
        {
            tuner.Train();
        }

        var test = new ShapesDataset(new ShapesOptions { Size = size, MinObjects = 1, MaxObjects = 1, Seed = 9, Count = 300 });
        var result = MllmEvaluation.Vqa(new MllmInference(trained.Model), test, 200, Colour);

        Assert.False(trained.Reused);
        Assert.True(reused.Reused);
        Assert.Contains("mllm: reused", log.ToString());
        Assert.Equal(recipe.Tuning.Steps, reused.History.Count);
        Assert.True(trained.History[^1].Loss < trained.History[0].Loss, $"loss {trained.History[0].Loss} -> {trained.History[^1].Loss}");
        var chance = 1.0 / ShapeAttributes.Colours.Count;
        Assert.True(result.Accuracy.Accuracy > chance + 0.1,
            $"colour accuracy {result.Accuracy.Accuracy:P1} (tokenizer: {trained.Tokenizer}) (chance {chance:P1}); e.g. {string.Join("; ", result.Samples.Take(5).Select(s => $"{s.Question.Question} -> '{s.Prediction}' ({s.Question.Answer})"))}");
    }

    [Fact]
    public void Unified_needs_a_codebook_shared_with_the_lm_and_the_others_a_separate_one()
    {
        var unified = MllmRecipe.For(Profile.Smoke, MllmParadigm.Unified);
        var separate = MllmRecipe.For(Profile.Smoke, MllmParadigm.SeparateVocab);

        var wrongUnified = unified with { Tokenizer = unified.Tokenizer.WithParadigm(CodebookParadigm.Separate) };
        var wrongSeparate = separate with { Tokenizer = separate.Tokenizer.WithParadigm(CodebookParadigm.Iterative) };

        Assert.Contains("Unified", Assert.Throws<ArgumentException>(wrongUnified.Validate).Message);
        Assert.Contains("Separate", Assert.Throws<ArgumentException>(wrongSeparate.Validate).Message);
        Assert.Equal(CodebookParadigm.Separate, separate.Tokenizer.Paradigm);
    }

    [Fact]
    public void The_projector_paradigm_refuses_a_task_that_writes_an_image()
    {
        var recipe = MllmRecipe.For(Profile.Smoke, MllmParadigm.Projector) with { Tasks = [new(TaskKind.Vqa, 1), new(TaskKind.TextToImage, 1)] };

        var error = Assert.Throws<ArgumentException>(recipe.Validate);

        Assert.Contains("understanding only", error.Message);
        Assert.DoesNotContain(MllmRecipe.For(Profile.Smoke, MllmParadigm.Projector).Tasks, t => t.Task == TaskKind.TextToImage);
    }
}

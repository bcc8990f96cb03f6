using UniCode.Kit.Data;
using UniCode.Kit.Language;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Multimodal.Tasks;
using UniCode.Kit.Tests.Data;
using UniCode.Kit.Tests.Multimodal;
using UniCode.Kit.Training.Multimodal;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Training.Multimodal;

public sealed class InstructionTunerTests
{
    private static TaskMixture Mixture() => new([
        (MllmTasks.Vqa(TinyMllm.Shapes, [QuestionKind.ColourAtPosition]), 1.0),
        (MllmTasks.TextToImage(TinyMllm.Shapes), 0.5),
        (MllmTasks.Decompression(TinyMllm.Shapes), 0.5)]);

    private static InstructionTuningOptions Options(int steps) => new() { Steps = steps, BatchSize = 4, WarmupSteps = 1, CheckpointEvery = 3, LearningRate = 3e-3 };

    [Fact]
    public void A_killed_and_resumed_run_ends_with_the_same_numbers_as_an_uninterrupted_one()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();
        using var whole = new TinyMllm(MllmParadigm.Unified);
        using (var tuner = new InstructionTuner(whole.Model, Mixture(), Options(6)))
        {
            tuner.Train();
        }

        using var first = new TinyMllm(MllmParadigm.Unified);
        using var cancel = new CancellationTokenSource();
        using (var tuner = new InstructionTuner(first.Model, Mixture(), Options(6)))
        {
            var progress = new InlineProgress(p =>
            {
                if (p.Step == 3)
                {
                    cancel.Cancel();
                }
            });
            Assert.Throws<OperationCanceledException>(() => tuner.Train(progress, temp.Path, cancel.Token));
        }

        using var resumed = new TinyMllm(MllmParadigm.Unified);
        IReadOnlyList<InstructionStepRecord> history;
        using (var tuner = new InstructionTuner(resumed.Model, Mixture(), Options(6)))
        {
            Assert.True(tuner.TryResume(temp.Path));
            Assert.Equal(3, tuner.StepsDone);
            tuner.Train(checkpointDirectory: temp.Path);
            history = tuner.History;
        }

        Assert.Equal(6, history.Count);
        foreach (var (name, tensor) in whole.Model.StateDict())
        {
            Assert.True(tensor.Equal(resumed.Model.StateDict()[name]), $"{name} differs after resuming");
        }
    }

    [Fact]
    public void Stage_two_never_changes_the_frozen_tokenizer_and_lowers_the_loss()
    {
        using var scope = new DisposeScope();
        using var tiny = new TinyMllm(MllmParadigm.Unified);
        var before = tiny.Tokenizer.StateDict().ToDictionary(p => p.Key, p => p.Value.Clone());
        using var tuner = new InstructionTuner(tiny.Model, Mixture(), Options(30));

        tuner.Train();

        foreach (var (name, tensor) in tiny.Tokenizer.StateDict())
        {
            Assert.True(tensor.Equal(before[name]), $"the tokenizer's {name} changed");
        }

        Assert.True(tuner.History.TakeLast(5).Average(h => h.Loss) < tuner.History.Take(5).Average(h => h.Loss));
    }

    [Fact]
    public void Lora_trains_the_adapters_and_the_new_code_rows_only()
    {
        using var scope = new DisposeScope();
        var lora = new LoraOptions { Rank = 2, Alpha = 4 };
        using var tokenizer = Tests.Vision.TinyTokenizers.Create(Kit.Vision.TokenizerKind.VqGan, channels: 3);
        var text = Tests.Text.TestTokenizers.Small;
        using var plain = new Transformer(TransformerOptions.Llama(text.VocabularySize, dim: 16, layers: 1, heads: 2, context: 128));
        using var model = new Mllm(plain.WithLora(lora), tokenizer, text, MllmParadigm.SeparateVocab);
        var mixture = new TaskMixture([(MllmTasks.Vqa(TinyMllm.Shapes), 1.0)]);

        using var tuner = new InstructionTuner(model, mixture, Options(1) with { Lora = lora });
        var full = Assert.Throws<ArgumentException>(() => new InstructionTuner(model, mixture, Options(1)));

        var trainable = model.NamedParameters().Where(p => p.Parameter.RequiresGrad).Select(p => p.Name).ToArray();
        Assert.All(trainable, n => Assert.True(Transformer.IsLora(n) || n.StartsWith("projector.", StringComparison.Ordinal) || n is "language.tokenEmbedding" or "language.head", n));
        Assert.Contains("language.tokenEmbedding", trainable);
        Assert.Contains("LoRA", full.Message);
    }

    [Fact]
    public void The_mixture_draws_the_same_batch_for_the_same_seed_and_step_and_follows_the_weights()
    {
        var mixture = new TaskMixture([(MllmTasks.Vqa(TinyMllm.Shapes), 3.0), (MllmTasks.Captions(TinyMllm.Shapes), 1.0)]);

        var a = mixture.Batch(7, 400, seed: 1);
        var b = mixture.Batch(7, 400, seed: 1);
        var c = mixture.Batch(8, 400, seed: 1);

        Assert.Equal(a.Select(e => e.Dialogue.Id), b.Select(e => e.Dialogue.Id));
        Assert.NotEqual(a.Select(e => e.Dialogue.Id), c.Select(e => e.Dialogue.Id));
        Assert.InRange(a.Count(e => e.Kind == TaskKind.Vqa) / 400.0, 0.68, 0.82);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaskMixture([(MllmTasks.Vqa(TinyMllm.Shapes), 0.0)]));
    }
}

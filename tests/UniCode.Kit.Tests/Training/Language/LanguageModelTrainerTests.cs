using UniCode.Kit.Language;
using UniCode.Kit.Tests.Data;
using UniCode.Kit.Text;
using UniCode.Kit.Training.Language;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Training.Language;

public sealed class LanguageModelTrainerTests
{
    private static readonly string[] Texts =
        [.. Enumerable.Range(0, 40).Select(i => $"there are {i % 5} red circles and {i % 3} blue squares in scene {i % 7}.")];

    private static readonly LanguageModelTrainingOptions Options = new()
    {
        Steps = 30,
        BatchSize = 4,
        BlockSize = 32,
        LearningRate = 3e-3,
        WarmupSteps = 3,
        CheckpointEvery = 10,
        EvaluateEvery = 10,
        EvaluationBlocks = 4,
        ValidationFraction = 0.1,
        Seed = 3,
    };

    private static TokenStream Stream(out BpeTokenizer tokenizer)
    {
        tokenizer = BpeTokenizer.Train(Texts, new BpeTrainerOptions { VocabularySize = 300 });
        return TokenStream.Pack(Texts, tokenizer, 0.1, seed: 1);
    }

    private static Transformer Model(int vocab) => new(TransformerOptions.Gpt2(vocab, dim: 32, layers: 2, heads: 2, context: 32) with { Seed = 5 });

    [Fact]
    public void Packing_frames_every_text_and_holds_whole_texts_out()
    {
        var stream = Stream(out var tokenizer);

        Assert.Equal(40, stream.Train.Count(id => id == tokenizer.BosId) + stream.Validation.Count(id => id == tokenizer.BosId));
        Assert.Equal(4, stream.Validation.Count(id => id == tokenizer.BosId));
        Assert.Equal(tokenizer.BosId, stream.Validation[0]);
        Assert.Equal(tokenizer.EosId, stream.Validation[^1]);
    }

    [Fact]
    public void Training_lowers_the_held_out_perplexity()
    {
        using var scope = new DisposeScope();
        var stream = Stream(out var tokenizer);
        using var model = Model(tokenizer.VocabularySize);
        using var trainer = new LanguageModelTrainer(model, stream, Options);
        var before = trainer.Perplexity();

        trainer.Train();

        Assert.Equal(30, trainer.History.Count);
        Assert.True(trainer.ValidationPerplexity < before / 4, $"perplexity {before} -> {trainer.ValidationPerplexity}");
        Assert.True(trainer.History[^1].Loss < trainer.History[0].Loss);
    }

    [Fact]
    public void A_resumed_run_ends_with_the_numbers_of_an_uninterrupted_one()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();
        var stream = Stream(out var tokenizer);
        double straight;
        using (var model = Model(tokenizer.VocabularySize))
        using (var trainer = new LanguageModelTrainer(model, stream, Options))
        {
            trainer.Train();
            straight = trainer.History[^1].Loss;
        }

        using (var model = Model(tokenizer.VocabularySize))
        using (var trainer = new LanguageModelTrainer(model, stream, Options with { Steps = 30 }))
        {
            using var cancel = new CancellationTokenSource();
            var progress = new InlineProgress(p => { if (p.Step == 20) { cancel.Cancel(); } });
            Assert.Throws<OperationCanceledException>(() => trainer.Train(progress, temp.Path, cancel.Token));
        }

        using (var model = Model(tokenizer.VocabularySize))
        using (var trainer = new LanguageModelTrainer(model, stream, Options))
        {
            Assert.True(trainer.TryResume(temp.Path));
            Assert.Equal(20, trainer.StepsDone);
            trainer.Train(checkpointDirectory: temp.Path);
            Assert.Equal(straight, trainer.History[^1].Loss, 5);
        }
    }

    [Fact]
    public void A_checkpoint_of_another_model_shape_is_refused_with_its_path()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();
        var stream = Stream(out var tokenizer);
        var path = Path.Combine(temp.Path, "lm.safetensors");
        using (var model = Model(tokenizer.VocabularySize))
        using (var trainer = new LanguageModelTrainer(model, stream, Options))
        {
            trainer.SaveCheckpoint(path);
        }

        using var other = new Transformer(TransformerOptions.Gpt2(tokenizer.VocabularySize, dim: 16, layers: 1, heads: 2, context: 32));
        using var refusing = new LanguageModelTrainer(other, stream, Options);
        var error = Assert.Throws<InvalidDataException>(() => refusing.LoadCheckpoint(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_block_longer_than_the_context_is_refused()
    {
        var stream = Stream(out var tokenizer);
        using var model = Model(tokenizer.VocabularySize);
        var error = Assert.Throws<ArgumentException>(() => new LanguageModelTrainer(model, stream, Options with { BlockSize = 64 }));
        Assert.Contains("context", error.Message);
    }
}

using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Language;
using UniCode.Kit.Tests.Data;
using UniCode.Kit.Tests.Vision;
using UniCode.Kit.Text;
using UniCode.Kit.Training.Language;
using UniCode.Kit.Training.Multimodal;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Training.Multimodal;

public sealed class StageOneTrainerTests
{
    private const int Vocabulary = 300;
    private static readonly string[] Texts =
        [.. Enumerable.Range(0, 60).Select(i => $"there are {i % 5} red circles and {i % 3} blue squares in scene {i % 7}.")];

    private static readonly Lazy<BpeTokenizer> Text = new(() => BpeTokenizer.Train(Texts, new BpeTrainerOptions { VocabularySize = Vocabulary }));
    private static readonly ShapesDataset Images = new(new ShapesOptions { Size = 16, Count = 64, Seed = 2 });

    private static LanguageModelTrainingOptions LanguageOptions => new() { BatchSize = 4, BlockSize = 32, WarmupSteps = 1, LearningRate = 3e-3, EvaluateEvery = 5, EvaluationBlocks = 2 };

    private static TokenizerTrainingOptions TokenizerOptions(CodebookParadigm paradigm, int steps = 10) => new()
    {
        Steps = steps,
        BatchSize = 8,
        WarmupSteps = 1,
        CheckpointEvery = 5,
        AlignmentEvery = 1,
        Codebook = new CodebookOptions { Paradigm = paradigm },
    };

    private static (Transformer Model, VisualTokenizer Tokenizer) Parts()
    {
        var model = new Transformer(TransformerOptions.Llama(Vocabulary, dim: 16, layers: 1, heads: 2, context: 32) with { Seed = 3 });
        var tokenizer = VisualTokenizers.Create(TinyTokenizers.Options(TokenizerKind.VqGan, channels: 3, codebookSize: Vocabulary, dim: 16), new Generator(4));
        return (model, tokenizer);
    }

    private static StageOneTrainer Trainer(Transformer model, VisualTokenizer tokenizer, CodebookParadigm paradigm, int steps = 10) =>
        new(model, TokenStream.Pack(Texts, Text.Value, 0.1, seed: 1), LanguageOptions, tokenizer, Images, TokenizerOptions(paradigm, steps));

    [Fact]
    public void Dual_copies_both_ways_so_the_lm_table_is_the_tokenizers_codebook_over_s()
    {
        using var scope = new DisposeScope();
        var (model, tokenizer) = Parts();
        using var _ = model;
        using var __ = tokenizer;
        var initial = model.TokenEmbedding.Detach().Clone();
        using var trainer = Trainer(model, tokenizer, CodebookParadigm.Dual);

        trainer.Train();

        var scale = trainer.Tokenizer.Language!.Scale;
        Assert.True((tokenizer.Codebook / scale).AllClose(model.TokenEmbedding.Detach(), 1e-5, 1e-6), "the tokenizer's update reached the LM's table");
        Assert.False(model.TokenEmbedding.Detach().AllClose(initial), "the table moved");
    }

    [Fact]
    public void Frozen_leaves_the_table_unchanged_on_both_sides()
    {
        using var scope = new DisposeScope();
        var (model, tokenizer) = Parts();
        using var _ = model;
        using var __ = tokenizer;
        var initial = model.TokenEmbedding.Detach().Clone();
        using var trainer = Trainer(model, tokenizer, CodebookParadigm.Frozen);

        trainer.Train();

        Assert.True(model.TokenEmbedding.Detach().Equal(initial), "the LM's table changed");
        Assert.True(tokenizer.Codebook.AllClose(initial * trainer.Tokenizer.Language!.Scale, 1e-5, 1e-6), "the codebook is s·C_L");
        Assert.True(trainer.Language.History[^1].Loss < trainer.Language.History[0].Loss + 1, "the LM still trained on text");
    }

    [Fact]
    public void Iterative_converges_to_the_lm_table_as_the_lm_trains()
    {
        using var scope = new DisposeScope();
        var (model, tokenizer) = Parts();
        using var _ = model;
        using var __ = tokenizer;
        var initial = model.TokenEmbedding.Detach().Clone();
        using var trainer = Trainer(model, tokenizer, CodebookParadigm.Iterative, steps: 20);

        trainer.Train();

        Assert.True(trainer.Tokenizer.Alignments[^1].MeanCosine > 0.99, $"cos(C, C_L) {trainer.Tokenizer.Alignments[^1].MeanCosine}");
        Assert.False(model.TokenEmbedding.Detach().AllClose(initial), "the LM trained its table");
    }

    [Fact]
    public void A_killed_and_resumed_stage_one_ends_like_an_uninterrupted_one()
    {
        using var scope = new DisposeScope();
        using var temp = new TempFolder();
        var (wholeModel, wholeTokenizer) = Parts();
        using (var trainer = Trainer(wholeModel, wholeTokenizer, CodebookParadigm.Dual))
        {
            trainer.Train();
        }

        var (firstModel, firstTokenizer) = Parts();
        using var cancel = new CancellationTokenSource();
        using (var trainer = Trainer(firstModel, firstTokenizer, CodebookParadigm.Dual))
        {
            var progress = new InlineProgress(p =>
            {
                if (p.Step == 5)
                {
                    cancel.Cancel();
                }
            });
            Assert.Throws<OperationCanceledException>(() => trainer.Train(progress, temp.Path, cancel.Token));
        }

        var (model, tokenizer) = Parts();
        using (var trainer = Trainer(model, tokenizer, CodebookParadigm.Dual))
        {
            Assert.True(trainer.TryResume(temp.Path));
            trainer.Train(checkpointDirectory: temp.Path);
        }

        Assert.True(model.TokenEmbedding.Detach().Equal(wholeModel.TokenEmbedding.Detach()));
        Assert.True(tokenizer.Codebook.Equal(wholeTokenizer.Codebook));
        foreach (var disposable in new IDisposable[] { wholeModel, wholeTokenizer, firstModel, firstTokenizer, model, tokenizer })
        {
            disposable.Dispose();
        }
    }

    [Fact]
    public void A_separate_codebook_cannot_join_stage_one()
    {
        using var scope = new DisposeScope();
        var (model, tokenizer) = Parts();
        using var _ = model;
        using var __ = tokenizer;

        var error = Assert.Throws<ArgumentException>(() => Trainer(model, tokenizer, CodebookParadigm.Separate));

        Assert.Contains("Separate", error.Message);
    }
}

using UniCode.Kit.Data;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Tests.Vision;
using UniCode.Kit.Training;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Training;

public sealed class TokenizerTrainerTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"unicode-trainer-{Guid.NewGuid():N}");

    private static IImageDataset Images() =>
        DatasetSubset.Sample(FashionMnist.Load(FashionMnistSplit.Train, new FashionMnistOptions { Size = 16 }), 64, seed: 1);

    private static TokenizerTrainingOptions Options(CodebookParadigm paradigm = CodebookParadigm.Iterative) => new()
    {
        Steps = 8,
        BatchSize = 8,
        WarmupSteps = 2,
        CheckpointEvery = 4,
        AlignmentEvery = 2,
        Seed = 3,
        Codebook = new CodebookOptions { Paradigm = paradigm },
    };

    private static (TokenizerTrainer Trainer, VisualTokenizer Tokenizer, LanguageCodebook Language) Create(
        TokenizerTrainingOptions options, TokenizerKind kind = TokenizerKind.HqVae)
    {
        var tokenizer = TinyTokenizers.Create(kind, seed: 5);
        var language = LanguageCodebook.DrawnLikeLm(tokenizer.Quantizer.CodebookSize, tokenizer.Quantizer.Dim, seed: 2);
        return (new TokenizerTrainer(tokenizer, Images(), options, language), tokenizer, language);
    }

    [Theory]
    [InlineData(CodebookParadigm.Iterative, TokenizerKind.HqVae)]
    [InlineData(CodebookParadigm.Dual, TokenizerKind.HqVae)]
    [InlineData(CodebookParadigm.Separate, TokenizerKind.VqGan)] // with the discriminator on from step 2
    public void A_resumed_run_ends_with_the_same_numbers_as_an_uninterrupted_one(CodebookParadigm paradigm, TokenizerKind kind)
    {
        var options = Options(paradigm);
        var (whole, wholeTokenizer, wholeLanguage) = Create(options, kind);
        whole.Train();

        // The same run, stopped after 4 steps (the checkpoint), then resumed by a new trainer over new objects.
        var (first, firstTokenizer, firstLanguage) = Create(options with { Steps = 8 }, kind);
        using (var cancel = new CancellationTokenSource())
        {
            var progress = new StopAfter(4, cancel);
            Assert.Throws<OperationCanceledException>(() => first.Train(progress, folder, cancel.Token));
        }

        Assert.Equal(4, first.StepsDone);
        var (resumed, resumedTokenizer, resumedLanguage) = Create(options, kind);
        Assert.True(resumed.TryResume(folder));
        Assert.Equal(4, resumed.StepsDone);
        resumed.Train(null, folder);

        Assert.Equal(whole.History, resumed.History);
        using var scope = new DisposeScope();
        var expected = wholeTokenizer.StateDict();
        var actual = resumedTokenizer.StateDict();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, p => Assert.True(p.Value.Equal(actual[p.Key]), $"{p.Key} differs after resuming"));
        Assert.True(wholeLanguage.Table.Equal(resumedLanguage.Table));
        foreach (var d in new IDisposable[] { whole, first, resumed, wholeTokenizer, firstTokenizer, resumedTokenizer, wholeLanguage, firstLanguage, resumedLanguage })
        {
            d.Dispose();
        }
    }

    [Fact]
    public void A_non_finite_loss_stops_training_with_a_message_naming_the_step()
    {
        var (trainer, tokenizer, language) = Create(Options() with { LearningRate = 1e30, WarmupSteps = 0, GradientClipNorm = 0 });
        using (trainer)
        using (tokenizer)
        using (language)
        {
            var e = Assert.Throws<TrainingDivergedException>(() => trainer.Train());
            Assert.True(e.Step >= 1);
            Assert.Contains($"step {e.Step}", e.Message);
        }
    }

    [Fact]
    public void Progress_is_reported_after_every_step_with_the_alignment()
    {
        var (trainer, tokenizer, language) = Create(Options());
        using (trainer)
        using (tokenizer)
        using (language)
        {
            var reports = new List<TrainingProgress>();
            trainer.Train(new Collect(reports));
            Assert.Equal(Enumerable.Range(1, 8), reports.Select(r => r.Step));
            Assert.All(reports, r => Assert.Contains("psnr", r.Details.Keys));
            Assert.Equal(5, trainer.Alignments.Count); // steps 0, 2, 4, 6 and the last
        }
    }

    [Fact]
    public void A_checkpoint_of_another_paradigm_is_rejected()
    {
        var (trainer, tokenizer, language) = Create(Options(CodebookParadigm.Dual) with { Steps = 4 });
        var (other, otherTokenizer, otherLanguage) = Create(Options(CodebookParadigm.Iterative));
        using (trainer)
        using (tokenizer)
        using (language)
        using (other)
        using (otherTokenizer)
        using (otherLanguage)
        {
            trainer.Train(null, folder);
            var e = Assert.Throws<InvalidDataException>(() => other.TryResume(folder));
            Assert.Contains("HqVae/Dual", e.Message);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class StopAfter(int steps, CancellationTokenSource cancel) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Step == steps)
            {
                cancel.Cancel();
            }
        }
    }

    private sealed class Collect(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => reports.Add(value);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Language;
using UniCode.Kit.Training.Language;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Kit.Vision;
using UniCode.Torch;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Training.Multimodal;

/// <summary>
/// Stage I as a cached artifact (<c>stage1</c>): the pre-trained LM and a fresh tokenizer trained together by
/// <see cref="StageOneTrainer"/>. The artifact holds the LM after Stage I (<see cref="LanguageModelRecipe.FileName"/>)
/// and the tokenizer in the tokenizer artifact's layout, measured on its test split.
/// </summary>
/// <param name="Language">The pre-trained LM Stage I starts from.</param>
/// <param name="Tokenizer">The tokenizer (Frozen, Dual or Iterative; its C_L source names the pre-trained LM).</param>
/// <param name="Options">How the LM steps are interleaved.</param>
public sealed record StageOneRecipe(LanguageModelRecipe Language, TokenizerRecipe Tokenizer, StageOneOptions Options) : IOptions
{
    /// <summary>The artifact kind.</summary>
    public const string ArtifactKind = "stage1";

    /// <inheritdoc/>
    public void Validate()
    {
        (Language ?? throw new ArgumentNullException(nameof(Language))).Validate();
        (Tokenizer ?? throw new ArgumentNullException(nameof(Tokenizer))).Validate();
        (Options ?? throw new ArgumentNullException(nameof(Options))).Validate();
    }

    /// <summary>The LM and tokenizer after Stage I: from the cache, or trained (resumably, in <c>runs/</c>).</summary>
    /// <param name="pretrained">The pre-trained LM of <see cref="Language"/> (the caller keeps it).</param>
    /// <param name="cache">The artifact cache.</param>
    /// <param name="progress">Receives training progress.</param>
    /// <param name="log">Says what is reused and what is trained.</param>
    /// <param name="resume">Continue an interrupted run from its checkpoint.</param>
    /// <param name="cancellationToken">Stops between steps (a checkpoint is kept).</param>
    public (TrainedLanguageModel Language, TrainedTokenizer Tokenizer) TrainOrLoad(
        TrainedLanguageModel pretrained, ArtifactCache cache, IProgress<TrainingProgress>? progress, TextWriter log, bool resume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pretrained);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(log);
        var recipe = this with { Tokenizer = Tokenizer with { Language = Tokenizer.Language.Pinned() } };
        recipe.Validate();
        double seconds = 0;
        var artifact = cache.GetOrCreate(ArtifactKind, recipe, folder =>
        {
            var runs = Path.Combine(cache.Root, "runs", ArtifactKind, ConfigHash.ShortOf(recipe));
            if (!resume && Directory.Exists(runs))
            {
                Directory.Delete(runs, recursive: true);
            }

            seconds = recipe.Train(pretrained, folder, runs, cache, progress, log, cancellationToken);
            Directory.Delete(runs, recursive: true);
        });
        if (artifact.Reused)
        {
            log.WriteLine($"stage I: reused the cached artifact {artifact.Hash[..ConfigHash.ShortLength]} ({artifact.Folder})");
        }

        var tokenizer = TokenizerRecipes.Open(recipe.Tokenizer, artifact.Folder, artifact.Reused, seconds);
        try
        {
            var language = TrainedLanguageModel.Open(Language, pretrained.Tokenizer, Path.Combine(artifact.Folder, LanguageModelRecipe.FileName), artifact.Reused);
            return (language, tokenizer);
        }
        catch
        {
            tokenizer.Dispose();
            throw;
        }
    }

    private double Train(
        TrainedLanguageModel pretrained, string folder, string runs, ArtifactCache cache, IProgress<TrainingProgress>? progress, TextWriter log, CancellationToken cancellationToken)
    {
        using var model = new Transformer(Language.Model);
        using (var scope = new DisposeScope())
        {
            model.LoadStateDict(pretrained.Model.StateDict(), strict: true, source: pretrained.Path);
        }

        var corpus = PretrainingCorpus.Build(Language.Text.Corpus);
        var text = TokenStream.Pack(corpus.Texts, pretrained.Tokenizer, Language.Training.ValidationFraction, Language.Training.Seed);
        var (images, _) = TokenizerRecipes.Splits(Tokenizer);
        var options = Tokenizer.TokenizerOptions(images.Channels, Language.Model.VocabSize, Language.Model.Dim);
        using var generator = new Generator(Tokenizer.Training.Seed);
        using var tokenizer = VisualTokenizers.Create(options, generator);
        var languageOptions = Language.Training with
        {
            BatchSize = Options.LanguageBatchSize,
            BlockSize = Options.LanguageBlockSize,
            LearningRate = Options.LanguageLearningRate,
            WarmupSteps = Tokenizer.Training.WarmupSteps,
            EvaluateEvery = Tokenizer.Training.CheckpointEvery,
        };
        using var trainer = new StageOneTrainer(model, text, languageOptions, tokenizer, images, Tokenizer.Training, Tokenizer.Language.CodeNorm);
        log.WriteLine($"stage I: {Tokenizer} interleaved with LM steps of {Options.LanguageBatchSize}x{Options.LanguageBlockSize} text tokens");
        if (trainer.TryResume(runs))
        {
            log.WriteLine($"stage I: resumed from step {trainer.StepsDone} ({runs})");
        }

        var clock = Stopwatch.StartNew();
        trainer.Train(progress, runs, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        TokenizerRecipes.Publish(Tokenizer, trainer.Tokenizer, seconds, folder, cache, progress, log);
        using var save = new DisposeScope();
        SafeTensors.Save(Path.Combine(folder, LanguageModelRecipe.FileName), model.StateDict(), new Dictionary<string, string>
        {
            ["model"] = JsonSerializer.Serialize(Language.Model),
            ["history"] = JsonSerializer.Serialize(trainer.Language.History),
            ["perplexity"] = (trainer.Language.ValidationPerplexity ?? double.NaN).ToString("R", CultureInfo.InvariantCulture),
            ["training_seconds"] = seconds.ToString("R", CultureInfo.InvariantCulture),
        });
        return seconds;
    }
}

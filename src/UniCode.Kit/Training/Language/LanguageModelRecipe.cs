using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Language;
using UniCode.Torch;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Training.Language;

/// <summary>
/// Everything that determines a pre-trained language model: its text tokenizer, its shape and its training. Its
/// <see cref="ConfigHash"/> names the cached <c>lm</c> artifact, whose <c>lm.safetensors</c> is what
/// <c>unicode train tokenizer --lm</c> takes C_L from (the tensor <see cref="EmbeddingTensorName"/>).
/// </summary>
public sealed record LanguageModelRecipe : IOptions
{
    /// <summary>The artifact kind.</summary>
    public const string ArtifactKind = "lm";

    /// <summary>The published weights' file name.</summary>
    public const string FileName = "lm.safetensors";

    /// <summary>The state-dict name of the token embedding table C_L in <see cref="FileName"/>.</summary>
    public const string EmbeddingTensorName = "tokenEmbedding";

    /// <summary>The BPE tokenizer (its V is the model's vocabulary, and K of a unified codebook).</summary>
    public TextTokenizerRecipe Text { get; init; } = new();

    /// <summary>The model's shape (its <see cref="TransformerOptions.VocabSize"/> is taken from <see cref="Text"/>).</summary>
    public TransformerOptions Model { get; init; } = TransformerOptions.Llama(1024, dim: 256, layers: 6, heads: 8, context: 320);

    /// <summary>Steps, optimiser, blocks.</summary>
    public LanguageModelTrainingOptions Training { get; init; } = new();

    /// <summary>The kit's recipe for a profile: Smoke runs in seconds on a small model; Quick and Paper train the
    /// 6-layer, d = 256 model (K = V = 1024, so C_L is 1024 x 256, the tokenizers' default code shape).</summary>
    /// <param name="profile">The profile.</param>
    public static LanguageModelRecipe For(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var text = new TextTokenizerRecipe
        {
            VocabularySize = profile.Pick(smoke: 384, quick: 1024, paper: 1024),
            Corpus = profile.Pick(
                smoke: new PretrainingCorpusOptions { Glosses = 500, ShapesScenes = 100, EmojiCaptions = false },
                quick: new PretrainingCorpusOptions(),
                paper: new PretrainingCorpusOptions()),
        };
        return new LanguageModelRecipe
        {
            Text = text,
            Model = profile.Pick(
                smoke: TransformerOptions.Llama(text.VocabularySize, dim: 64, layers: 2, heads: 4, context: 128),
                quick: TransformerOptions.Llama(text.VocabularySize, dim: 256, layers: 6, heads: 8, context: 320),
                paper: TransformerOptions.Llama(text.VocabularySize, dim: 256, layers: 6, heads: 8, context: 320)),
            Training = new LanguageModelTrainingOptions
            {
                Steps = profile.Pick(smoke: 10, quick: 1500, paper: 10000),
                BatchSize = profile.Pick(smoke: 4, quick: 16, paper: 32),
                BlockSize = profile.Pick(smoke: 64, quick: 128, paper: 256),
                WarmupSteps = profile.Pick(smoke: 2, quick: 100, paper: 500),
                CheckpointEvery = profile.Pick(smoke: 5, quick: 250, paper: 1000),
                EvaluateEvery = profile.Pick(smoke: 5, quick: 250, paper: 1000),
                EvaluationBlocks = profile.Pick(smoke: 4, quick: 64, paper: 256),
            },
        };
    }

    /// <inheritdoc/>
    public void Validate()
    {
        (Text ?? throw new ArgumentNullException(nameof(Text))).Validate();
        (Model ?? throw new ArgumentNullException(nameof(Model))).Validate();
        (Training ?? throw new ArgumentNullException(nameof(Training))).Validate();
        if (Model.VocabSize != Text.VocabularySize)
        {
            throw new ArgumentException($"the model's vocabulary ({Model.VocabSize}) must be the text tokenizer's ({Text.VocabularySize})", nameof(Model));
        }
    }

    /// <summary>
    /// The model of this recipe: from the cache when it holds it, else trained (resumably, in <c>runs/</c> beside the
    /// cache) and published with its held-out perplexity.
    /// </summary>
    /// <param name="cache">The artifact cache (default: the kit's).</param>
    /// <param name="progress">Receives training progress.</param>
    /// <param name="log">Says what is reused and what is trained.</param>
    /// <param name="resume">Continue an interrupted run from its checkpoint (else start it over).</param>
    /// <param name="cancellationToken">Stops training between steps (a checkpoint is kept for a later resume).</param>
    public TrainedLanguageModel TrainOrLoad(
        ArtifactCache? cache = null, IProgress<TrainingProgress>? progress = null, TextWriter? log = null, bool resume = true, CancellationToken cancellationToken = default)
    {
        Validate();
        cache ??= ArtifactCache.Default();
        log ??= TextWriter.Null;
        var tokenizer = Text.TrainOrLoad(cache, log);
        var artifact = cache.GetOrCreate(ArtifactKind, this, folder =>
        {
            var runs = Path.Combine(cache.Root, "runs", ArtifactKind, ConfigHash.ShortOf(this));
            if (!resume && Directory.Exists(runs))
            {
                Directory.Delete(runs, recursive: true);
            }

            var corpus = PretrainingCorpus.Build(Text.Corpus);
            var stream = TokenStream.Pack(corpus.Texts, tokenizer, Training.ValidationFraction, Training.Seed);
            log.WriteLine($"language model: training {Model.Style} {Model.Layers}x{Model.Dim} on {stream.Train.Count} tokens ({corpus.Count} texts)");
            using var model = new Transformer(Model);
            using var trainer = new LanguageModelTrainer(model, stream, Training);
            if (trainer.TryResume(runs))
            {
                log.WriteLine($"language model: resumed from step {trainer.StepsDone} ({runs})");
            }

            var clock = Stopwatch.StartNew();
            trainer.Train(progress, runs, cancellationToken);
            var metadata = new Dictionary<string, string>
            {
                ["model"] = JsonSerializer.Serialize(Model),
                ["history"] = JsonSerializer.Serialize(trainer.History),
                ["perplexity"] = (trainer.ValidationPerplexity ?? double.NaN).ToString("R", CultureInfo.InvariantCulture),
                ["training_seconds"] = clock.Elapsed.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
                ["tokens"] = stream.Train.Count.ToString(CultureInfo.InvariantCulture),
            };
            using (var scope = new DisposeScope())
            {
                SafeTensors.Save(Path.Combine(folder, FileName), model.StateDict(), metadata);
            }

            Directory.Delete(runs, recursive: true);
        });
        if (artifact.Reused)
        {
            log.WriteLine($"language model: reused the cached artifact {artifact.Hash[..ConfigHash.ShortLength]} ({artifact.Folder})");
        }

        return TrainedLanguageModel.Open(this, tokenizer, Path.Combine(artifact.Folder, FileName), artifact.Reused);
    }
}

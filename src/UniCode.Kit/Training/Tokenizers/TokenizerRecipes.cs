using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Evaluation.Generation.Shapes;
using UniCode.Kit.Evaluation.Reconstruction;
using UniCode.Kit.Training.Features;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;
using UniCode.Torch;
using UniCode.Torch.NN;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Training.Tokenizers;

/// <summary>Trains the tokenizer a recipe describes, or takes it from the artifact cache, and measures it.</summary>
public static class TokenizerRecipes
{
    /// <summary>The artifact kind of trained tokenizers.</summary>
    public const string ArtifactKind = "tokenizer";

    private const string TokenizerFileName = "tokenizer.safetensors";
    private const string LanguageFileName = "language.safetensors";
    private const string ReportFileName = "report.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// The tokenizer of <paramref name="recipe"/>: from the cache when it holds it (and says so through
    /// <see cref="TrainedTokenizer.Reused"/>), else trained (resumably, in <c>runs/</c> beside the cache), measured
    /// on the test split and published.
    /// </summary>
    /// <param name="recipe">The recipe (validated; a checkpoint C_L is pinned by its content hash).</param>
    /// <param name="cache">The artifact cache (default: <see cref="ArtifactCache.Default"/>).</param>
    /// <param name="progress">Receives training progress (the feature net's too).</param>
    /// <param name="log">Says what is reused and what is trained.</param>
    /// <param name="resume">Continue an interrupted run of this recipe from its checkpoint (else start it over).</param>
    /// <param name="cancellationToken">Stops training between steps (a checkpoint is kept for a later resume).</param>
    public static TrainedTokenizer TrainOrLoad(
        TokenizerRecipe recipe, ArtifactCache? cache = null, IProgress<TrainingProgress>? progress = null, TextWriter? log = null,
        bool resume = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        recipe = recipe with { Language = recipe.Language.Pinned() };
        recipe.Validate();
        cache ??= ArtifactCache.Default();
        log ??= TextWriter.Null;
        double trainingSeconds = 0;
        var artifact = cache.GetOrCreate(ArtifactKind, recipe, folder =>
        {
            var runs = Path.Combine(cache.Root, "runs", ArtifactKind, ConfigHash.ShortOf(recipe));
            if (!resume && Directory.Exists(runs))
            {
                log.WriteLine($"tokenizer {recipe}: starting over (an interrupted run is in {runs}; resume continues it)");
                Directory.Delete(runs, recursive: true);
            }

            trainingSeconds = Train(recipe, cache, folder, runs, progress, log, cancellationToken);
        });
        if (artifact.Reused)
        {
            log.WriteLine($"tokenizer {recipe}: reused the cached artifact {artifact.Hash[..ConfigHash.ShortLength]} ({artifact.Folder})");
        }

        return Open(recipe, artifact.Folder, artifact.Reused, trainingSeconds);
    }

    /// <summary>Opens a published tokenizer artifact.</summary>
    /// <param name="recipe">The recipe it was trained by.</param>
    /// <param name="folder">The artifact folder (written by <see cref="Publish"/>).</param>
    /// <param name="reused">Whether it came from the cache.</param>
    /// <param name="trainingSeconds">The wall time of training when it was trained now (else read from the files).</param>
    public static TrainedTokenizer Open(TokenizerRecipe recipe, string folder, bool reused, double trainingSeconds)
    {
        var tokenizer = TokenizerFile.Load(Path.Combine(folder, TokenizerFileName), out var metadata);
        tokenizer.Eval();
        var language = LanguageCodebook.FromTable(LoadTable(Path.Combine(folder, LanguageFileName)), recipe.Language.ToString(), recipe.Language.CodeNorm);
        var report = JsonSerializer.Deserialize<ReconstructionReport>(File.ReadAllText(Path.Combine(folder, ReportFileName)))
            ?? throw new InvalidDataException($"'{folder}': {ReportFileName} is empty");
        var history = JsonSerializer.Deserialize<List<TokenizerStepRecord>>(metadata["history"]) ?? [];
        var alignments = JsonSerializer.Deserialize<List<CodebookAlignment>>(metadata["alignments"]) ?? [];
        var seconds = reused ? double.Parse(metadata.GetValueOrDefault("training_seconds", "0"), CultureInfo.InvariantCulture) : trainingSeconds;
        return new TrainedTokenizer(recipe, tokenizer, language, report, history, alignments, folder, reused, seconds);
    }

    // Returns the wall time of the training steps (without the feature net and the measurement).
    private static double Train(
        TokenizerRecipe recipe, ArtifactCache cache, string folder, string runs, IProgress<TrainingProgress>? progress, TextWriter log, CancellationToken cancellationToken)
    {
        var (train, _) = Splits(recipe);
        using var language = recipe.Language.Open();
        // Under Separate C_L only gives the codebook its shape; saying where it comes from would mislead.
        log.WriteLine(recipe.Paradigm == CodebookParadigm.Separate
            ? $"tokenizer {recipe}: training with its own {recipe.Language.Size}x{recipe.Language.Dim} codebook"
            : $"tokenizer {recipe}: training; C_L is {recipe.Language}");
        var options = recipe.TokenizerOptions(train.Channels, language.Size, language.Dim);
        using var generator = new Generator(recipe.Training.Seed);
        using var tokenizer = VisualTokenizers.Create(options, generator);
        using var trainer = new TokenizerTrainer(tokenizer, train, recipe.Training, language);
        if (trainer.TryResume(runs))
        {
            log.WriteLine($"tokenizer {recipe}: resumed from step {trainer.StepsDone} ({runs})");
        }

        var clock = Stopwatch.StartNew();
        trainer.Train(progress, runs, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        Publish(recipe, trainer, seconds, folder, cache, progress, log);
        Directory.Delete(runs, recursive: true);
        return seconds;
    }

    /// <summary>
    /// Measures a trained tokenizer on its recipe's test split (PSNR, SSIM, rFID on the dataset's feature net, usage)
    /// and writes the artifact's files: the tokenizer with its history and alignments, C_L as it stood, the report.
    /// </summary>
    /// <param name="recipe">The recipe it was trained by.</param>
    /// <param name="trainer">The finished trainer.</param>
    /// <param name="seconds">The wall time of training.</param>
    /// <param name="folder">The artifact folder.</param>
    /// <param name="cache">Where the feature net is cached.</param>
    /// <param name="progress">Receives the feature net's training progress.</param>
    /// <param name="log">Says whether the feature net was reused.</param>
    public static void Publish(
        TokenizerRecipe recipe, TokenizerTrainer trainer, double seconds, string folder, ArtifactCache cache, IProgress<TrainingProgress>? progress, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(log);
        var (train, test) = Splits(recipe);
        var tokenizer = trainer.Tokenizer;
        var language = trainer.Language ?? throw new ArgumentException("a published tokenizer records its C_L; the trainer has none", nameof(trainer));
        using var net = recipe.FeatureNetSteps > 0 ? RfidNet(recipe, train, cache, progress, log) : null;
        var report = ReconstructionEvaluator.Evaluate(tokenizer, test, net as IFeatureNet, recipe.TestImages);
        var metadata = new Dictionary<string, string>
        {
            ["history"] = JsonSerializer.Serialize(trainer.History),
            ["alignments"] = JsonSerializer.Serialize(trainer.Alignments),
            ["training_seconds"] = seconds.ToString("R", CultureInfo.InvariantCulture),
            ["recipe"] = ConfigHash.CanonicalJson(recipe),
        };
        TokenizerFile.Save(tokenizer, Path.Combine(folder, TokenizerFileName), metadata);
        using (var scope = new DisposeScope())
        {
            SafeTensors.Save(Path.Combine(folder, LanguageFileName), new Dictionary<string, Tensor> { ["table"] = language.Table.Detach() });
        }

        File.WriteAllText(Path.Combine(folder, ReportFileName), JsonSerializer.Serialize(report, Json));
    }

    /// <summary>
    /// The feature net that measures a recipe's images (rFID here, generation metrics elsewhere): the feature CNN on
    /// the dataset's classes, or on Shapes (no classes) the attribute net, trained on the scenes' own attributes
    /// (colour, shape and count per caption). Cached; the caller disposes it.
    /// </summary>
    /// <param name="recipe">The recipe (dataset, image size, <see cref="TokenizerRecipe.FeatureNetSteps"/>).</param>
    /// <param name="train">Its training split (its classes decide which net).</param>
    /// <param name="cache">The artifact cache.</param>
    /// <param name="progress">Receives training progress.</param>
    /// <param name="log">Says whether the net was reused.</param>
    /// <returns>A <see cref="FeatureCnn"/> or a <see cref="ShapesAttributeNet"/>, both <see cref="IFeatureNet"/>.</returns>
    public static Module RfidNet(TokenizerRecipe recipe, IImageDataset train, ArtifactCache cache, IProgress<TrainingProgress>? progress, TextWriter log)
    {
        var full = DatasetCatalog.OpenImageDataset(TrainName(recipe.Dataset), recipe.ImageSize);
        if (train.ClassNames.Count == 0)
        {
            var attributes = ShapesAttributeNetOptions.For(Profile.Quick, recipe.Dataset, recipe.ImageSize) with { Steps = recipe.FeatureNetSteps };
            var trained = ShapesAttributeNets.LoadOrTrain(full, attributes, cache, progress);
            log.WriteLine($"attribute net for {recipe.Dataset}: {(trained.Artifact.Reused ? "reused" : "trained")} ({trained.Artifact.Folder})");
            return trained.Net;
        }

        var featureOptions = new FeatureCnnOptions
        {
            Dataset = recipe.Dataset,
            ImageChannels = train.Channels,
            ImageSize = recipe.ImageSize,
            Classes = train.ClassNames.Count,
            Steps = recipe.FeatureNetSteps,
        };
        var (net, features) = FeatureNets.LoadOrTrain(full, featureOptions, cache, progress);
        log.WriteLine($"feature net for {recipe.Dataset}: {(features.Reused ? "reused" : "trained")} ({features.Folder})");
        return net;
    }

    /// <summary>The training and test images of a recipe's dataset; the training images include the recipe's
    /// <see cref="TokenizerRecipe.ExtraImages"/>.</summary>
    /// <param name="recipe">The recipe.</param>
    public static (IImageDataset Train, IImageDataset Test) Splits(TokenizerRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        IImageDataset train = DatasetCatalog.OpenImageDataset(TrainName(recipe.Dataset), recipe.ImageSize);
        IImageDataset test = recipe.Dataset switch
        {
            "shapes" => new Data.Shapes.ShapesDataset(new Data.Shapes.ShapesOptions { Size = recipe.ImageSize, Seed = 1, Count = Math.Max(recipe.TestImages, 2) }),
            _ => DatasetCatalog.OpenImageDataset(TestName(recipe.Dataset), recipe.ImageSize),
        };
        if (recipe.TrainImages > 0 && recipe.TrainImages < train.Count)
        {
            train = DatasetSubset.Sample(train, recipe.TrainImages, recipe.Training.Seed, SamplingFor(train));
        }

        if (recipe.TestImages < test.Count)
        {
            test = DatasetSubset.Sample(test, recipe.TestImages, 0, SamplingFor(test));
        }

        if (recipe.ExtraImages is { } extra)
        {
            List<IImageDataset> parts = [train];
            if (extra.GeneratedScenes > 0)
            {
                parts.Add(new Data.Shapes.ShapesDataset(new Data.Shapes.ShapesOptions { Size = recipe.ImageSize, Seed = ExtraTrainingImages.GeneratedSeed, Count = extra.GeneratedScenes }));
            }

            if (extra.TestImages)
            {
                parts.Add(test);
            }

            train = new DatasetConcat(parts);
        }

        return (train, test);
    }

    // Stratified where there are classes to keep in proportion; Shapes scenes have none.
    private static SubsetSampling SamplingFor(IImageDataset dataset) =>
        dataset.ClassNames.Count > 0 ? SubsetSampling.Stratified : SubsetSampling.Uniform;

    /// <summary>The catalog name of a dataset's training split (fashion-mnist/train, emoji/train; shapes is generated).</summary>
    /// <param name="dataset">fashion-mnist, emoji or shapes.</param>
    public static string TrainName(string dataset) => dataset switch
    {
        "fashion-mnist" => "fashion-mnist/train",
        "emoji" => "emoji/train",
        _ => dataset,
    };

    private static string TestName(string dataset) => dataset switch
    {
        "fashion-mnist" => "fashion-mnist/test",
        "emoji" => "emoji/held-out",
        _ => dataset,
    };

    private static Tensor LoadTable(string path)
    {
        var tensors = SafeTensors.Load(path);
        return tensors.TryGetValue("table", out var table) ? table : throw new InvalidDataException($"'{path}' has no tensor 'table'");
    }
}

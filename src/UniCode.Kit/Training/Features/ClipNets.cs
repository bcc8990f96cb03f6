using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Evaluation.Alignment;
using UniCode.Kit.Text;
using UniCode.Torch;

namespace UniCode.Kit.Training.Features;

/// <summary>
/// Trains the kit's CLIP analogue (<see cref="TinyClip"/>) on a dataset's image captions (Emoji, Shapes): a BPE
/// tokenizer fitted to the captions, then the two towers with the symmetric InfoNCE loss. Cached under the hash of the
/// options, like the feature nets.
/// </summary>
public static class ClipNets
{
    /// <summary>The artifact kind under which trained TinyClips are cached.</summary>
    public const string ArtifactKind = "tiny-clip";

    private const string WeightsFile = "tiny_clip.safetensors";
    private const string TokenizerFile = "tokenizer.json";

    /// <summary>The cached model for <paramref name="options"/>, trained on <paramref name="train"/> and published first
    /// when the cache does not hold it.</summary>
    /// <param name="train">Captioned images (every caption non-empty).</param>
    /// <param name="options">The model and its training (the cache key; see <see cref="TinyClipOptions.For"/>).</param>
    /// <param name="cache">The artifact cache (default: <see cref="ArtifactCache.Default"/>).</param>
    /// <param name="progress">Receives a report after every training step.</param>
    public static TrainedNet<TinyClip> LoadOrTrain(IImageDataset train, TinyClipOptions options, ArtifactCache? cache = null, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cache ??= ArtifactCache.Default();
        return NetTraining.LoadOrTrain(
            cache, ArtifactKind, options, WeightsFile, () => Train(train, options, progress),
            folder => new TinyClip(options, BpeTokenizer.Load(Path.Combine(folder, TokenizerFile))),
            (trained, folder) => trained.Tokenizer.Save(Path.Combine(folder, TokenizerFile)));
    }

    /// <summary>Fits a BPE tokenizer to the captions and trains a TinyClip with AdamW on the symmetric InfoNCE loss.</summary>
    /// <param name="train">Captioned images with the options' channels and size.</param>
    /// <param name="options">The model and its training.</param>
    /// <param name="progress">Receives a report after every step.</param>
    public static TinyClip Train(IImageDataset train, TinyClipOptions options, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Channels != options.ImageChannels || train.Height != options.ImageSize || train.Width != options.ImageSize)
        {
            throw new ArgumentException(
                $"{train.Name} is {train.Channels}x{train.Height}x{train.Width}; the TinyClip expects {options.ImageChannels}x{options.ImageSize}x{options.ImageSize}", nameof(train));
        }

        if (train.Count < 2)
        {
            throw new ArgumentException($"{train.Name} has {train.Count} examples; contrastive training needs at least 2", nameof(train));
        }

        var captions = Enumerable.Range(0, train.Count).Select(i => train.Get(i).Caption).ToArray();
        var blank = Array.FindIndex(captions, string.IsNullOrWhiteSpace);
        if (blank >= 0)
        {
            throw new ArgumentException($"{train.Name} example {blank} has no caption; TinyClip learns from captions", nameof(train));
        }

        var tokenizer = BpeTokenizer.Train(captions, new BpeTrainerOptions { VocabularySize = options.VocabularySize });
        LibTorch.ManualSeed(options.Seed);
        using var generator = new Generator(options.Seed);
        var model = new TinyClip(options, tokenizer, generator);
        NetTraining.Run(
            model, train, new NetTraining.TrainingSchedule(options.Steps, options.BatchSize, options.LearningRate, options.Seed), "TinyClip",
            batch => ContrastiveLoss.SymmetricInfoNce(model.Forward(batch.Images, model.Tokenize(batch.Captions))), progress);
        return model;
    }
}

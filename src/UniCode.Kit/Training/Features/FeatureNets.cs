using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Evaluation.Features;
using UniCode.Torch;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Training.Features;

/// <summary>Trains the kit's feature CNN on a dataset's labels, and caches it under the hash of its options.</summary>
public static class FeatureNets
{
    /// <summary>The artifact kind under which trained feature nets are cached.</summary>
    public const string ArtifactKind = "feature-cnn";

    private const string WeightsFile = "feature_cnn.safetensors";

    /// <summary>The cached net for <paramref name="options"/>, trained on <paramref name="train"/> and published first when
    /// the cache does not hold it.</summary>
    /// <param name="train">The labelled training images.</param>
    /// <param name="options">The net and its training (the cache key).</param>
    /// <param name="cache">The artifact cache (default: <see cref="ArtifactCache.Default"/>).</param>
    /// <param name="progress">Receives a report after every training step.</param>
    /// <returns>The net (in eval mode) and the artifact, whose <see cref="CachedArtifact.Reused"/> says whether it was cached.</returns>
    public static (FeatureCnn Net, CachedArtifact Artifact) LoadOrTrain(
        IImageDataset train, FeatureCnnOptions options, ArtifactCache? cache = null, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cache ??= ArtifactCache.Default();
        var trained = NetTraining.LoadOrTrain(cache, ArtifactKind, options, WeightsFile, () => Train(train, options, progress), _ => new FeatureCnn(options));
        return (trained.Net, trained.Artifact);
    }

    /// <summary>Trains a feature net with AdamW and cross-entropy on the dataset's labels.</summary>
    /// <param name="train">The labelled training images ([0, 1], the options' channels and size).</param>
    /// <param name="options">The net and its training.</param>
    /// <param name="progress">Receives a report after every step.</param>
    public static FeatureCnn Train(IImageDataset train, FeatureCnnOptions options, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Channels != options.ImageChannels || train.Height != options.ImageSize || train.Width != options.ImageSize)
        {
            throw new ArgumentException(
                $"{train.Name} is {train.Channels}x{train.Height}x{train.Width}; the feature net expects {options.ImageChannels}x{options.ImageSize}x{options.ImageSize}", nameof(train));
        }

        if (train.ClassNames.Count != options.Classes)
        {
            throw new ArgumentException($"{train.Name} has {train.ClassNames.Count} classes; the feature net's options say {options.Classes}", nameof(train));
        }

        LibTorch.ManualSeed(options.Seed);
        using var generator = new Generator(options.Seed);
        var net = new FeatureCnn(options, generator);
        NetTraining.Run(
            net, train, new NetTraining.TrainingSchedule(options.Steps, options.BatchSize, options.LearningRate, options.Seed), "feature net",
            batch => F.CrossEntropy(net.Forward(batch.Images), batch.Labels), progress);
        return net;
    }
}

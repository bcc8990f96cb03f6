using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Evaluation.Generation.Shapes;
using UniCode.Torch;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Training.Features;

/// <summary>
/// Trains the Shapes attribute net on captioned Shapes scenes (its targets are the counts each caption names, so a
/// subset or any dataset with Shapes-form captions will do), and caches it under the hash of its options.
/// </summary>
public static class ShapesAttributeNets
{
    /// <summary>The artifact kind under which trained attribute nets are cached.</summary>
    public const string ArtifactKind = "shapes-attribute-net";

    private const string WeightsFile = "shapes_attribute_net.safetensors";

    /// <summary>The cached net for <paramref name="options"/>, trained on <paramref name="train"/> and published first
    /// when the cache does not hold it.</summary>
    /// <param name="train">RGB Shapes scenes with their captions.</param>
    /// <param name="options">The net and its training (the cache key; see <see cref="ShapesAttributeNetOptions.For"/>).</param>
    /// <param name="cache">The artifact cache (default: <see cref="ArtifactCache.Default"/>).</param>
    /// <param name="progress">Receives a report after every training step.</param>
    public static TrainedNet<ShapesAttributeNet> LoadOrTrain(
        IImageDataset train, ShapesAttributeNetOptions options, ArtifactCache? cache = null, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cache ??= ArtifactCache.Default();
        return NetTraining.LoadOrTrain(cache, ArtifactKind, options, WeightsFile, () => Train(train, options, progress), _ => new ShapesAttributeNet(options));
    }

    /// <summary>Trains an attribute net with AdamW and the mean cross-entropy of its count heads.</summary>
    /// <param name="train">RGB Shapes scenes ([0, 1], the options' size) with their captions.</param>
    /// <param name="options">The net and its training.</param>
    /// <param name="progress">Receives a report after every step.</param>
    public static ShapesAttributeNet Train(IImageDataset train, ShapesAttributeNetOptions options, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Channels != 3 || train.Height != options.ImageSize || train.Width != options.ImageSize)
        {
            throw new ArgumentException(
                $"{train.Name} is {train.Channels}x{train.Height}x{train.Width}; the attribute net expects 3x{options.ImageSize}x{options.ImageSize}", nameof(train));
        }

        LibTorch.ManualSeed(options.Seed);
        using var generator = new Generator(options.Seed);
        var net = new ShapesAttributeNet(options, generator);
        NetTraining.Run(
            net, train, new NetTraining.TrainingSchedule(options.Steps, options.BatchSize, options.LearningRate, options.Seed), "Shapes attribute net",
            batch =>
            {
                var targets = net.Targets([.. batch.Captions.Select(ShapesAttributeCounts.FromCaption)]); // (B, heads)
                var logits = net.Forward(batch.Images); // (B, heads, MaxCount + 1)
                return F.CrossEntropy(logits.Reshape([-1, options.MaxCount + 1]), targets.Reshape([-1]));
            },
            progress);
        return net;
    }
}

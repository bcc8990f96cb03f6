using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Features;

/// <summary>
/// The kit's stand-in for Inception: a small CNN trained to classify a dataset's own labels (Fashion-MNIST classes,
/// Emoji categories; Shapes has no labels, and its attribute net plays this part), whose penultimate activations are the features of rFID, FID and the IS
/// analogue. A trained net is cached under the hash of these options.
/// </summary>
public sealed record FeatureCnnOptions : IOptions
{
    /// <summary>The dataset whose labels it learns (part of the cache key).</summary>
    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>Image channels.</summary>
    public int ImageChannels { get; init; } = 1;

    /// <summary>Image side (square), pixels.</summary>
    public int ImageSize { get; init; } = 32;

    /// <summary>The number of classes.</summary>
    public int Classes { get; init; } = 10;

    /// <summary>Channels of the first convolution (then 2x and 4x).</summary>
    public int Width { get; init; } = 32;

    /// <summary>The feature dimension (the penultimate layer).</summary>
    public int FeatureDim { get; init; } = 128;

    /// <summary>Training steps.</summary>
    public int Steps { get; init; } = 1500;

    /// <summary>Images per step.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>AdamW's learning rate.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Seeds the weights and the batch order.</summary>
    public ulong Seed { get; init; }

    /// <inheritdoc/>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Dataset))
        {
            throw new ArgumentException("Dataset must name the dataset the net is trained on", nameof(Dataset));
        }

        OptionCheck.InRange(ImageChannels, 1, 4, nameof(ImageChannels));
        OptionCheck.AtLeast(ImageSize, 8, nameof(ImageSize));
        OptionCheck.AtLeast(Classes, 2, nameof(Classes));
        OptionCheck.AtLeast(Width, 4, nameof(Width));
        if (Width % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), Width, "Width must be a multiple of 4 (GroupNorm uses 4 groups)");
        }

        OptionCheck.AtLeast(FeatureDim, 2, nameof(FeatureDim));
        OptionCheck.AtLeast(Steps, 1, nameof(Steps));
        OptionCheck.AtLeast(BatchSize, 1, nameof(BatchSize));
        OptionCheck.Positive(LearningRate, nameof(LearningRate));
    }
}

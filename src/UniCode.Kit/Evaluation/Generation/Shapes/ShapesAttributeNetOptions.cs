using UniCode.Kit.Configuration;
using UniCode.Kit.Data.Shapes;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Generation.Shapes;

/// <summary>
/// The shape and training of <see cref="ShapesAttributeNet"/>, the judge of Shapes attribute accuracy. A trained net
/// is cached under the hash of these options, so <see cref="Dataset"/> must name the scenes it is trained on.
/// </summary>
public sealed record ShapesAttributeNetOptions : IOptions
{
    /// <summary>The Shapes data it learns (part of the cache key), e.g. "shapes/seed-0".</summary>
    public string Dataset { get; init; } = "shapes/seed-0";

    /// <summary>Image side (square), pixels (RGB images).</summary>
    public int ImageSize { get; init; } = 32;

    /// <summary>The largest count each head predicts (the scenes' MaxObjects; the kit's default is 4).</summary>
    public int MaxCount { get; init; } = 4;

    /// <summary>Channels of the first convolution (then 2x and 4x).</summary>
    public int Width { get; init; } = 32;

    /// <summary>Training steps.</summary>
    public int Steps { get; init; } = 2000;

    /// <summary>Images per step.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>AdamW's learning rate.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Seeds the weights and the batch order.</summary>
    public ulong Seed { get; init; }

    /// <summary>The recipe of a profile: Smoke (seconds: proves the path), Quick (minutes on two cores), Paper (wider, longer).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="dataset">The Shapes data's name (the cache key).</param>
    /// <param name="imageSize">Its image side.</param>
    /// <param name="maxCount">Its scenes' MaxObjects.</param>
    public static ShapesAttributeNetOptions For(Profile profile, string dataset, int imageSize = 32, int maxCount = 4)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ShapesAttributeNetOptions
        {
            Dataset = dataset,
            ImageSize = imageSize,
            MaxCount = maxCount,
            Width = profile.Pick(16, 32, 64),
            Steps = profile.Pick(400, 2000, 8000),
            BatchSize = profile.Pick(64, 128, 128),
            LearningRate = profile.Pick(3e-3, 2e-3, 1e-3),
        };
    }

    /// <inheritdoc/>
    public void Validate()
    {
        OptionRules.NotBlank(Dataset, nameof(Dataset));
        OptionCheck.AtLeast(ImageSize, 12, nameof(ImageSize));
        OptionCheck.InRange(MaxCount, 1, 9, nameof(MaxCount));
        OptionCheck.AtLeast(Width, 4, nameof(Width));
        if (Width % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), Width, $"{nameof(Width)} must be a multiple of 4 (GroupNorm uses 4 groups)");
        }

        OptionCheck.AtLeast(Steps, 1, nameof(Steps));
        OptionCheck.AtLeast(BatchSize, 1, nameof(BatchSize));
        OptionCheck.Positive(LearningRate, nameof(LearningRate));
    }

    /// <summary>The number of heads: one per colour, one per shape, one for all objects.</summary>
    internal static int Heads => ShapeAttributes.Colours.Count + ShapeAttributes.Shapes.Count + 1;
}

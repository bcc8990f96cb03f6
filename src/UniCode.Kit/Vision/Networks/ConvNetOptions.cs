using UniCode.Torch;

namespace UniCode.Kit.Vision.Networks;

/// <summary>
/// The shape of a tokenizer's convolutional encoder and decoder. The encoder has one level per entry of
/// <see cref="ChannelMultipliers"/>: level 0 is the image's resolution, and each further level halves it with a 4x4
/// stride-2 convolution, so a 32x32 image with three multipliers becomes an 8x8 feature map. Residual blocks run at
/// the reduced levels (and, if asked, at full resolution, where they cost the most).
/// </summary>
public sealed record ConvNetOptions : IOptions
{
    /// <summary>Image channels: 1 (Fashion-MNIST) or 3 (Emoji, Shapes).</summary>
    public int ImageChannels { get; init; } = 1;

    /// <summary>Channels of the first level; level i has <c>Width * ChannelMultipliers[i]</c>.</summary>
    public int Width { get; init; } = 32;

    /// <summary>Channel multiplier per level; <c>Count - 1</c> halvings of the resolution.</summary>
    public IReadOnlyList<int> ChannelMultipliers { get; init; } = [1, 2, 4];

    /// <summary>Residual blocks at each reduced level (one more runs in the middle).</summary>
    public int ResidualBlocks { get; init; } = 1;

    /// <summary>Residual blocks at full resolution (level 0): off by default, since on a CPU they cost as much as
    /// the rest of the network.</summary>
    public int FullResolutionBlocks { get; init; }

    /// <summary>GroupNorm groups; must divide every level's channel count.</summary>
    public int NormGroups { get; init; } = 8;

    /// <summary>How the decoder upsamples (<see cref="UpsampleMode.NearestConv"/> measured faster here: see
    /// environment.md).</summary>
    public UpsampleMode Upsample { get; init; } = UpsampleMode.NearestConv;

    /// <summary>How many times the encoder halves the resolution.</summary>
    public int Downsamplings => ChannelMultipliers.Count - 1;

    /// <summary>The factor between image and feature map sizes (2^<see cref="Downsamplings"/>).</summary>
    public int Reduction => 1 << Downsamplings;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.InRange(ImageChannels, 1, 4, nameof(ImageChannels));
        OptionCheck.AtLeast(Width, 1, nameof(Width));
        OptionCheck.AtLeast(ResidualBlocks, 0, nameof(ResidualBlocks));
        OptionCheck.AtLeast(FullResolutionBlocks, 0, nameof(FullResolutionBlocks));
        OptionCheck.AtLeast(NormGroups, 1, nameof(NormGroups));
        if (ChannelMultipliers is null || ChannelMultipliers.Count == 0)
        {
            throw new ArgumentException("ChannelMultipliers needs at least one level", nameof(ChannelMultipliers));
        }

        foreach (var multiplier in ChannelMultipliers)
        {
            OptionCheck.AtLeast(multiplier, 1, nameof(ChannelMultipliers));
            if (Width * multiplier % NormGroups != 0)
            {
                throw new ArgumentException(
                    $"NormGroups ({NormGroups}) must divide every level's channels; Width {Width} x {multiplier} = {Width * multiplier} is not divisible",
                    nameof(NormGroups));
            }
        }

        if (!Enum.IsDefined(Upsample))
        {
            throw new ArgumentOutOfRangeException(nameof(Upsample), Upsample, "unknown upsampling mode");
        }
    }

    /// <summary>Residual blocks at level <paramref name="level"/>.</summary>
    /// <param name="level">0 (full resolution) to <c>ChannelMultipliers.Count - 1</c>.</param>
    public int BlocksAt(int level) => level == 0 ? FullResolutionBlocks : ResidualBlocks;

    /// <summary>Channels of level <paramref name="level"/>.</summary>
    /// <param name="level">0 (full resolution) to <c>ChannelMultipliers.Count - 1</c> (coarsest).</param>
    public int ChannelsAt(int level) => Width * ChannelMultipliers[level];
}

using UniCode.Kit.Configuration;
using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Data.Datasets;

/// <summary>Options of <see cref="EmojiDataset.Load"/>.</summary>
public sealed record EmojiOptions : IOptions
{
    /// <summary>The gemojione gem folder; null finds the gem Debian's ruby-gemojione installed.</summary>
    public string? Root { get; init; }

    /// <summary>The side of the square images produced (default 32, 1-4096; the PNGs are 64x64).</summary>
    public int Size { get; init; } = 32;

    /// <summary>3 for RGB (default) or 1 for grey.</summary>
    public int Channels { get; init; } = 3;

    /// <summary>The part of the set to load.</summary>
    public EmojiSplit Split { get; init; } = EmojiSplit.All;

    /// <summary>The share held out, rounded up to whole emoji (default 0.1), in [0, 1).</summary>
    public double HeldOutFraction { get; init; } = 0.1;

    /// <summary>The seed that picks the held-out emoji.</summary>
    public ulong SplitSeed { get; init; }

    /// <summary>The most keywords a caption lists (at least 0).</summary>
    public int MaxCaptionKeywords { get; init; } = 5;

    /// <summary>The colour transparent pixels are composited over (default white).</summary>
    public Rgb Background { get; init; } = Rgb.White;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionRules.NullOrNotBlank(Root, nameof(Root));
        OptionCheck.InRange(Size, 1, 4096, nameof(Size));
        OptionRules.Channels(Channels, nameof(Channels));
        OptionRules.Defined(Split, nameof(Split));
        OptionCheck.InRange(HeldOutFraction, 0, 1, nameof(HeldOutFraction), maxExclusive: true);
        OptionCheck.AtLeast(MaxCaptionKeywords, 0, nameof(MaxCaptionKeywords));
    }
}

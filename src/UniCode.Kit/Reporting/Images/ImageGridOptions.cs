using UniCode.Kit.Configuration;
using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Reporting.Images;

/// <summary>Layout of an <see cref="ImageGrid"/>.</summary>
public sealed record ImageGridOptions : IOptions
{
    /// <summary>Tiles per row (at least 1); null for ceil(sqrt(count)).</summary>
    public int? Columns { get; init; }

    /// <summary>Pixels between tiles and around the grid (after upscaling), 0-1000.</summary>
    public int Padding { get; init; } = 2;

    /// <summary>Integer upscaling of every image (nearest neighbour: each pixel becomes a Scale x Scale block), e.g. 4 for 32x32 images; 1-64.</summary>
    public int Scale { get; init; } = 1;

    /// <summary>The colour around tiles, under captions, and behind transparent pixels.</summary>
    public Rgb Background { get; init; } = Rgb.White;

    /// <summary>The caption colour.</summary>
    public Rgb CaptionColor { get; init; } = Rgb.Black;

    /// <summary>Caption font scale (OpenCV Hershey; 0.4 is about 9 pixels tall), 0.1-5.</summary>
    public double CaptionScale { get; init; } = 0.4;

    /// <summary>Wrap or truncate captions wider than a tile.</summary>
    public CaptionOverflow CaptionOverflow { get; init; } = CaptionOverflow.Wrap;

    /// <summary>The most lines a wrapped caption may take, 1-20.</summary>
    public int MaxCaptionLines { get; init; } = 2;

    /// <inheritdoc/>
    public void Validate()
    {
        if (Columns is { } columns)
        {
            OptionCheck.AtLeast(columns, 1, nameof(Columns));
        }

        OptionCheck.InRange(Padding, 0, 1000, nameof(Padding));
        OptionCheck.InRange(Scale, 1, 64, nameof(Scale));
        OptionCheck.InRange(CaptionScale, 0.1, 5, nameof(CaptionScale));
        OptionRules.Defined(CaptionOverflow, nameof(CaptionOverflow));
        OptionCheck.InRange(MaxCaptionLines, 1, 20, nameof(MaxCaptionLines));
    }
}

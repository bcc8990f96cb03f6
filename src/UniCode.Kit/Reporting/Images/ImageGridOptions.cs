using UniCode.Torch.Imaging;

namespace UniCode.Kit.Reporting.Images;

/// <summary>Layout of an <see cref="ImageGrid"/>.</summary>
public sealed record ImageGridOptions
{
    /// <summary>Tiles per row; null for ceil(sqrt(count)).</summary>
    public int? Columns { get; init; }

    /// <summary>Pixels between tiles and around the grid (after upscaling).</summary>
    public int Padding { get; init; } = 2;

    /// <summary>Integer upscaling of every image (nearest neighbour: each pixel becomes a Scale x Scale block), e.g. 4 for 32x32 images.</summary>
    public int Scale { get; init; } = 1;

    /// <summary>The colour around tiles, under captions, and behind transparent pixels.</summary>
    public Rgb Background { get; init; } = Rgb.White;

    /// <summary>The caption colour.</summary>
    public Rgb CaptionColor { get; init; } = Rgb.Black;

    /// <summary>Caption font scale (OpenCV Hershey; 0.4 is about 9 pixels tall).</summary>
    public double CaptionScale { get; init; } = 0.4;

    /// <summary>Wrap or truncate captions wider than a tile.</summary>
    public CaptionOverflow CaptionOverflow { get; init; } = CaptionOverflow.Wrap;

    /// <summary>The most lines a wrapped caption may take.</summary>
    public int MaxCaptionLines { get; init; } = 2;

    /// <summary>Throws unless every option is in range.</summary>
    public void Validate()
    {
        if (Columns is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Columns), Columns, "image grid columns must be at least 1");
        }

        if (Padding is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Padding), Padding, "image grid padding must be 0-1000 pixels");
        }

        if (Scale is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "image grid upscaling must be an integer factor 1-64");
        }

        if (!(CaptionScale is >= 0.1 and <= 5))
        {
            throw new ArgumentOutOfRangeException(nameof(CaptionScale), CaptionScale, "caption font scale must be 0.1-5");
        }

        if (MaxCaptionLines is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCaptionLines), MaxCaptionLines, "captions may take 1-20 lines");
        }

        if (!Enum.IsDefined(CaptionOverflow))
        {
            throw new ArgumentOutOfRangeException(nameof(CaptionOverflow), CaptionOverflow, "unknown caption overflow mode");
        }
    }
}

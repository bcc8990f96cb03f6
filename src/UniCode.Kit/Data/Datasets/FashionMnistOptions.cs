using UniCode.Kit.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Data.Datasets;

/// <summary>Options of <see cref="FashionMnist.Load"/>.</summary>
public sealed record FashionMnistOptions : IOptions
{
    /// <summary>The folder with the gzipped IDX files (default: Debian's dataset-fashion-mnist location).</summary>
    public string Root { get; init; } = DataRoots.DefaultFashionMnist;

    /// <summary>The side of the square images produced (default 32, the kit's resolution; 1-4096).</summary>
    public int Size { get; init; } = 32;

    /// <summary>1 for grey, 3 to replicate grey into RGB.</summary>
    public int Channels { get; init; } = 1;

    /// <summary>How 28x28 becomes <see cref="Size"/>.</summary>
    public FashionMnistFit Fit { get; init; } = FashionMnistFit.PadThenResize;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionRules.NotBlank(Root, nameof(Root));
        OptionCheck.InRange(Size, 1, 4096, nameof(Size));
        OptionRules.Channels(Channels, nameof(Channels));
        OptionRules.Defined(Fit, nameof(Fit));
    }
}

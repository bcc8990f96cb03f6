using UniCode.Kit.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Data.Datasets;

/// <summary>Options of <see cref="ImageFileDataset"/>.</summary>
public sealed record ImageFileOptions : IOptions
{
    /// <summary>The side of the square images produced (default 32, 1-4096).</summary>
    public int Size { get; init; } = 32;

    /// <summary>3 for RGB (default) or 1 for grey.</summary>
    public int Channels { get; init; } = 3;

    /// <summary>Cut the largest centred square before resizing (default), else stretch the whole image to a square.</summary>
    public bool CenterCrop { get; init; } = true;

    /// <summary>Check when the dataset is made that every file exists, so a missing image fails early with its path.</summary>
    public bool VerifyFilesExist { get; init; } = true;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.InRange(Size, 1, 4096, nameof(Size));
        OptionRules.Channels(Channels, nameof(Channels));
    }
}

using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Generation;

/// <summary>How <see cref="InceptionScore"/> is computed.</summary>
public sealed record InceptionScoreOptions : IOptions
{
    /// <summary>The images are cut into this many equal consecutive parts, each scored alone; the result is the parts'
    /// mean and standard deviation (Salimans et al. 2016 use 10). Needs at least this many images.</summary>
    public int Splits { get; init; } = 10;

    /// <summary>Images per forward pass of the feature net.</summary>
    public int BatchSize { get; init; } = 256;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(Splits, 1, nameof(Splits));
        OptionCheck.AtLeast(BatchSize, 1, nameof(BatchSize));
    }
}

using UniCode.Kit.Vision.Networks;
using UniCode.Kit.Vision.Quantization;
using UniCode.Torch;

namespace UniCode.Kit.Vision.Tokenizers;

/// <summary>RQ-VAE: <see cref="Depth"/> residual quantizations of one grid (4x4 for 32x32 by default) with a shared
/// codebook; the aggregate is their cumulative sum (paper §3.1, F = cumulative sum).</summary>
public sealed record RqVaeOptions : ITokenizerOptions
{
    /// <inheritdoc/>
    public TokenizerKind Kind => TokenizerKind.RqVae;

    /// <inheritdoc/>
    public ConvNetOptions Network { get; init; } = new() { ChannelMultipliers = [1, 2, 4, 4] };

    /// <inheritdoc/>
    public VectorQuantizerOptions Quantizer { get; init; } = new();

    /// <summary>D, the number of residual depths.</summary>
    public int Depth { get; init; } = 4;

    /// <inheritdoc/>
    public double L1Weight { get; init; }

    /// <inheritdoc/>
    public double MseWeight { get; init; } = 1.0;

    /// <inheritdoc/>
    public ITokenizerOptions With(ConvNetOptions network, VectorQuantizerOptions quantizer) => this with { Network = network, Quantizer = quantizer };

    /// <inheritdoc/>
    public void Validate()
    {
        TokenizerOptionsCheck.Common(this);
        OptionCheck.InRange(Depth, 1, 16, nameof(Depth));
    }
}

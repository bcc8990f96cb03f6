using UniCode.Kit.Vision.Networks;
using UniCode.Kit.Vision.Quantization;

namespace UniCode.Kit.Vision.Tokenizers;

/// <summary>HQ-VAE: a bottom map at the encoder's resolution (8x8 for 32x32 by default) and a top map at half of it
/// (4x4); the bottom quantizes the residual the upsampled top leaves, one codebook serves both.</summary>
public sealed record HqVaeOptions : ITokenizerOptions
{
    /// <inheritdoc/>
    public TokenizerKind Kind => TokenizerKind.HqVae;

    /// <inheritdoc/>
    public ConvNetOptions Network { get; init; } = new() { ChannelMultipliers = [1, 2, 4] };

    /// <inheritdoc/>
    public VectorQuantizerOptions Quantizer { get; init; } = new();

    /// <inheritdoc/>
    public double L1Weight { get; init; }

    /// <inheritdoc/>
    public double MseWeight { get; init; } = 1.0;

    /// <inheritdoc/>
    public ITokenizerOptions With(ConvNetOptions network, VectorQuantizerOptions quantizer) => this with { Network = network, Quantizer = quantizer };

    /// <inheritdoc/>
    public void Validate() => TokenizerOptionsCheck.Common(this);
}

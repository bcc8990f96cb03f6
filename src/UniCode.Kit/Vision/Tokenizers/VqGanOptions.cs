using UniCode.Kit.Vision.Adversarial;
using UniCode.Kit.Vision.Networks;
using UniCode.Kit.Vision.Quantization;

namespace UniCode.Kit.Vision.Tokenizers;

/// <summary>
/// VQ-GAN: one code map (8x8 for a 32x32 image by default), L1 + MSE reconstruction, and optionally the patch
/// discriminator of Esser et al. 2021.
/// </summary>
public sealed record VqGanOptions : ITokenizerOptions
{
    /// <inheritdoc/>
    public TokenizerKind Kind => TokenizerKind.VqGan;

    /// <inheritdoc/>
    public ConvNetOptions Network { get; init; } = new() { ChannelMultipliers = [1, 2, 4] };

    /// <inheritdoc/>
    public VectorQuantizerOptions Quantizer { get; init; } = new();

    /// <inheritdoc/>
    public double L1Weight { get; init; } = 1.0;

    /// <inheritdoc/>
    public double MseWeight { get; init; } = 1.0;

    /// <summary>The patch discriminator (on after its start step) and the perceptual term.</summary>
    public AdversarialOptions Adversarial { get; init; } = new() { Enabled = true };

    /// <inheritdoc/>
    public ITokenizerOptions With(ConvNetOptions network, VectorQuantizerOptions quantizer) => this with { Network = network, Quantizer = quantizer };

    /// <inheritdoc/>
    public void Validate()
    {
        TokenizerOptionsCheck.Common(this);
        (Adversarial ?? throw new ArgumentNullException(nameof(Adversarial), "Adversarial options are required")).Validate();
    }
}

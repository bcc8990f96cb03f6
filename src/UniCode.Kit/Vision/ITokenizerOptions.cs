using UniCode.Kit.Vision.Networks;
using UniCode.Kit.Vision.Quantization;
using UniCode.Torch;

namespace UniCode.Kit.Vision;

/// <summary>What every tokenizer's options record has: its kind, its encoder/decoder and its quantizer.</summary>
public interface ITokenizerOptions : IOptions
{
    /// <summary>Which tokenizer these options build.</summary>
    TokenizerKind Kind { get; }

    /// <summary>The encoder and decoder.</summary>
    ConvNetOptions Network { get; }

    /// <summary>The quantizer (its K and n are the codebook's).</summary>
    VectorQuantizerOptions Quantizer { get; }

    /// <summary>Weight of the mean absolute pixel error in the reconstruction loss.</summary>
    double L1Weight { get; }

    /// <summary>Weight of the mean squared pixel error in the reconstruction loss.</summary>
    double MseWeight { get; }

    /// <summary>A copy with another network and quantizer (so callers can change them whatever the kind).</summary>
    /// <param name="network">The new encoder/decoder options.</param>
    /// <param name="quantizer">The new quantizer options.</param>
    ITokenizerOptions With(ConvNetOptions network, VectorQuantizerOptions quantizer);
}

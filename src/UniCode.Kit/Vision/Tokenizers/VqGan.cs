using UniCode.Kit.Vision.Adversarial;
using UniCode.Kit.Vision.Networks;
using UniCode.Kit.Vision.Quantization;
using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Vision.Tokenizers;

/// <summary>
/// VQ-GAN's autoencoder (Esser et al. 2021): Z0 = E(I), M = Q(Z0; C), I^ = D(e(M)), one code map. The adversarial
/// part (a patch discriminator) is trained beside it by the trainer.
/// </summary>
public sealed class VqGan : VisualTokenizer
{
    private readonly Encoder encoder;
    private readonly VectorQuantizer quantizer;
    private readonly Decoder decoder;

    /// <summary>Creates the tokenizer.</summary>
    /// <param name="options">Network, quantizer and loss weights (validated).</param>
    /// <param name="generator">Seeds the initial weights and codes.</param>
    public VqGan(VqGanOptions? options = null, Generator? generator = null)
        : base(options ?? new VqGanOptions())
    {
        var o = (VqGanOptions)TokenizerOptions;
        encoder = new Encoder(o.Network, o.Quantizer.Dim, generator);
        quantizer = new VectorQuantizer(o.Quantizer, generator);
        decoder = new Decoder(o.Network, o.Quantizer.Dim, generator);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override VectorQuantizer Quantizer => quantizer;

    /// <summary>The decoder's last weight (the adaptive weight's reference layer).</summary>
    public Parameter DecoderLastLayer => decoder.LastLayerWeight;

    /// <summary>The adversarial and perceptual settings.</summary>
    public AdversarialOptions Adversarial => ((VqGanOptions)TokenizerOptions).Adversarial;

    /// <inheritdoc/>
    public override int CoarsestReduction => TokenizerOptions.Network.Reduction;

    /// <inheritdoc/>
    public override IReadOnlyList<(string Name, int Factor)> LayerLayout { get; } = [("codes", 1)];

    /// <inheritdoc/>
    protected override Tensor CoarseFeatures(Tensor signed) => encoder.Forward(signed);

    /// <inheritdoc/>
    protected override CodeMap EncodeCodes(Tensor signed)
    {
        var codes = quantizer.NearestCodeMap(encoder.Forward(signed)); // (B, h, w)
        return new CodeMap([new CodeLayer("codes", codes, 1)]);
    }

    /// <inheritdoc/>
    protected override Tensor DecodeSigned(CodeMap codes) => decoder.Forward(quantizer.EmbedMap(codes["codes"]));

    /// <inheritdoc/>
    protected override Tensor AggregateMap(CodeMap codes) => quantizer.EmbedMap(codes["codes"]);

    /// <inheritdoc/>
    protected override (Tensor Decoded, CodeMap Codes, Tensor QuantizerLoss) Reconstruct(Tensor signed)
    {
        var z = encoder.Forward(signed);
        var quantized = quantizer.Forward(z);
        return (decoder.Forward(quantized.Quantized), new CodeMap([new CodeLayer("codes", quantized.Codes, 1)]), quantized.Loss);
    }
}

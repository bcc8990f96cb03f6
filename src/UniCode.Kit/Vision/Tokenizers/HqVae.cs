using UniCode.Kit.Vision.Networks;
using UniCode.Kit.Vision.Quantization;
using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Vision.Tokenizers;

/// <summary>
/// HQ-VAE (Takida et al. 2023), as UniCode uses it: the encoder's features give a bottom map Z_b at its resolution
/// and, one more halving down, a top map Z_t. The top is quantized; the bottom quantizes the residual the upsampled
/// top leaves, r = Z_b − up(e(M_t)); the decoder reads both, [up(e(M_t)); e(M_b)]. One codebook serves both layers.
/// </summary>
public sealed class HqVae : VisualTokenizer
{
    private readonly Encoder encoder;
    private readonly Conv2d topDown;
    private readonly ResidualBlock topBlock;
    private readonly GroupNorm topNorm;
    private readonly Conv2d topProjection;
    private readonly Upsample topUp;
    private readonly VectorQuantizer quantizer;
    private readonly Decoder decoder;

    /// <summary>Creates the tokenizer.</summary>
    /// <param name="options">Network, quantizer and loss weights (validated).</param>
    /// <param name="generator">Seeds the initial weights and codes.</param>
    public HqVae(HqVaeOptions? options = null, Generator? generator = null)
        : base(options ?? new HqVaeOptions())
    {
        var o = (HqVaeOptions)TokenizerOptions;
        var n = o.Quantizer.Dim;
        encoder = new Encoder(o.Network, n, generator);
        var hidden = encoder.HiddenChannels;
        topDown = new Conv2d(hidden, hidden, 4, stride: 2, padding: 1, generator: generator);
        topBlock = new ResidualBlock(hidden, hidden, o.Network.NormGroups, generator);
        topNorm = new GroupNorm(o.Network.NormGroups, hidden);
        topProjection = new Conv2d(hidden, n, 1, generator: generator);
        topUp = new Upsample(n, n, o.Network.Upsample, generator);
        quantizer = new VectorQuantizer(o.Quantizer, generator);
        decoder = new Decoder(o.Network, 2 * n, generator);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override VectorQuantizer Quantizer => quantizer;

    /// <inheritdoc/>
    public override int CoarsestReduction => TokenizerOptions.Network.Reduction * 2;

    /// <inheritdoc/>
    public override IReadOnlyList<(string Name, int Factor)> LayerLayout { get; } = [("top", 1), ("bottom", 2)];

    /// <inheritdoc/>
    protected override Tensor CoarseFeatures(Tensor signed) => Features(signed).Top;

    /// <inheritdoc/>
    protected override CodeMap EncodeCodes(Tensor signed)
    {
        var (zTop, zBottom) = Features(signed);
        var top = quantizer.NearestCodeMap(zTop);
        var residual = zBottom - topUp.Forward(quantizer.EmbedMap(top));
        return new CodeMap([new CodeLayer("top", top, 1), new CodeLayer("bottom", quantizer.NearestCodeMap(residual), 2)]);
    }

    /// <inheritdoc/>
    protected override Tensor DecodeSigned(CodeMap codes)
    {
        var up = topUp.Forward(quantizer.EmbedMap(codes["top"]));
        return decoder.Forward(Tensor.Cat([up, quantizer.EmbedMap(codes["bottom"])], 1));
    }

    /// <inheritdoc/>
    protected override Tensor AggregateMap(CodeMap codes) =>
        // ẑ = e(top) + the mean of the 2x2 bottom embeddings inside each top cell.
        quantizer.EmbedMap(codes["top"]) + F.AvgPool2d(quantizer.EmbedMap(codes["bottom"]), 2);

    /// <inheritdoc/>
    protected override (Tensor Decoded, CodeMap Codes, Tensor QuantizerLoss) Reconstruct(Tensor signed)
    {
        var (zTop, zBottom) = Features(signed);
        if (Training)
        {
            quantizer.EnsureInitialized(zTop, zBottom);
        }

        var top = quantizer.Quantize(zTop);
        var up = topUp.Forward(top.Quantized); // (B, n, h, w)
        var residual = zBottom - up;
        var bottom = quantizer.Quantize(residual);
        if (Training)
        {
            quantizer.Update([new CodeAssignment(zTop, top.Codes), new CodeAssignment(residual, bottom.Codes)]);
        }

        var decoded = decoder.Forward(Tensor.Cat([up, bottom.Quantized], 1));
        var codes = new CodeMap([new CodeLayer("top", top.Codes, 1), new CodeLayer("bottom", bottom.Codes, 2)]);
        return (decoded, codes, top.Loss + bottom.Loss);
    }

    private (Tensor Top, Tensor Bottom) Features(Tensor signed)
    {
        var hidden = encoder.Hidden(signed); // (B, c, h, w)
        var top = topProjection.Forward(topNorm.Forward(topBlock.Forward(topDown.Forward(hidden))).Silu()); // (B, n, h/2, w/2)
        return (top, encoder.Project(hidden));
    }

}

using UniCode.Kit.Vision.Networks;
using UniCode.Kit.Vision.Quantization;
using UniCode.Torch;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Vision.Tokenizers;

/// <summary>
/// RQ-VAE (Lee et al. 2022): residual quantization of one feature map with a shared codebook. With r_0 = Z0, depth d
/// takes k_d = Q(r_{d−1}; C) and leaves r_d = r_{d−1} − e(k_d); the decoder reads ẑ = Σ_d e(k_d) (the aggregation F of
/// paper §3.1 is the cumulative sum), and the commitment loss covers every partial sum: β Σ_d ||Z0 − sg(Σ_{d'≤d} e(k_d'))||².
/// </summary>
public sealed class RqVae : VisualTokenizer
{
    private readonly Encoder encoder;
    private readonly VectorQuantizer quantizer;
    private readonly Decoder decoder;

    /// <summary>Creates the tokenizer.</summary>
    /// <param name="options">Network, quantizer, depth and loss weights (validated).</param>
    /// <param name="generator">Seeds the initial weights and codes.</param>
    public RqVae(RqVaeOptions? options = null, Generator? generator = null)
        : base(options ?? new RqVaeOptions())
    {
        var o = (RqVaeOptions)TokenizerOptions;
        Depth = o.Depth;
        encoder = new Encoder(o.Network, o.Quantizer.Dim, generator);
        quantizer = new VectorQuantizer(o.Quantizer, generator);
        decoder = new Decoder(o.Network, o.Quantizer.Dim, generator);
        LayerLayout = [.. Enumerable.Range(1, Depth).Select(d => ($"depth{d}", 1))];
        RegisterComponents();
    }

    /// <summary>D.</summary>
    public int Depth { get; }

    /// <inheritdoc/>
    public override VectorQuantizer Quantizer => quantizer;

    /// <inheritdoc/>
    public override int CoarsestReduction => TokenizerOptions.Network.Reduction;

    /// <inheritdoc/>
    public override IReadOnlyList<(string Name, int Factor)> LayerLayout { get; }

    /// <inheritdoc/>
    protected override Tensor CoarseFeatures(Tensor signed) => encoder.Forward(signed);

    /// <inheritdoc/>
    protected override CodeMap EncodeCodes(Tensor signed)
    {
        var (_, layers, _) = Quantize(encoder.Forward(signed), training: false);
        return new CodeMap(layers);
    }

    /// <inheritdoc/>
    protected override Tensor DecodeSigned(CodeMap codes) => decoder.Forward(AggregateMap(codes));

    /// <inheritdoc/>
    protected override Tensor AggregateMap(CodeMap codes)
    {
        var sum = quantizer.EmbedMap(codes.Layers[0].Codes);
        for (var d = 1; d < codes.Layers.Count; d++)
        {
            sum = sum + quantizer.EmbedMap(codes.Layers[d].Codes);
        }

        return sum; // (B, n, h, w)
    }

    /// <inheritdoc/>
    protected override (Tensor Decoded, CodeMap Codes, Tensor QuantizerLoss) Reconstruct(Tensor signed)
    {
        var z = encoder.Forward(signed);
        var (quantized, layers, loss) = Quantize(z, Training);
        return (decoder.Forward(quantized), new CodeMap(layers), loss);
    }

    private (Tensor Quantized, List<CodeLayer> Layers, Tensor Loss) Quantize(Tensor z, bool training)
    {
        if (training)
        {
            quantizer.EnsureInitialized(z);
        }

        var layers = new List<CodeLayer>();
        var assignments = new List<CodeAssignment>();
        var residual = z.Detach();
        Tensor? sum = null;
        Tensor? commitment = null;
        for (var d = 1; d <= Depth; d++)
        {
            var codes = quantizer.NearestCodeMap(residual); // (B, h, w)
            var embedded = quantizer.EmbedMap(codes); // (B, n, h, w)
            assignments.Add(new CodeAssignment(residual, codes));
            layers.Add(new CodeLayer($"depth{d}", codes, 1));
            sum = sum is null ? embedded : sum + embedded;
            residual = residual - embedded.Detach();
            var term = F.MseLoss(z, sum.Detach());
            commitment = commitment is null ? term : commitment + term;
        }

        if (training)
        {
            quantizer.Update(assignments);
        }

        // Straight-through: the value of Σ e(k_d), the gradient of Z0.
        var quantized = z + (sum! - z).Detach();
        return (quantized, layers, commitment! * quantizer.Options.Commitment);
    }
}

using UniCode.Kit.Reporting.Formatting;
using UniCode.Kit.Vision.Quantization;
using UniCode.Torch;
using UniCode.Torch.Display;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Vision;

/// <summary>
/// A visual tokenizer (paper §3.1): an encoder E, a decoder D and a codebook C. Images in and out are [B, C, H, W]
/// floats in [0, 1] (the data loaders' scale); the networks see them scaled to [-1, 1].
/// </summary>
/// <remarks>Create one with <see cref="VisualTokenizers.Create(ITokenizerOptions, Generator?)"/>, which is the line a
/// notebook changes to swap the variant. Like every module, a tokenizer opens no dispose scope of its own in
/// <see cref="Forward"/>: the training step does.</remarks>
[TypeFormatterSource(typeof(KitFormatterSource))]
public abstract class VisualTokenizer : Module<Tensor, TokenizerOutput>, IDisplayable
{
    /// <summary>Sets the options every tokenizer has.</summary>
    /// <param name="options">The variant's options (validated here).</param>
    protected VisualTokenizer(ITokenizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TokenizerOptions = options;
    }

    /// <summary>Which variant this is.</summary>
    public TokenizerKind Kind => TokenizerOptions.Kind;

    /// <summary>The options the tokenizer was built with.</summary>
    public ITokenizerOptions TokenizerOptions { get; }

    /// <summary>The quantizer that owns the codebook (shared by every layer).</summary>
    public abstract VectorQuantizer Quantizer { get; }

    /// <summary>C, [K, n]: the module's own tensor (read it, do not dispose it).</summary>
    public Tensor Codebook => Quantizer.Codebook;

    /// <summary>Image channels the tokenizer reads and writes.</summary>
    public int ImageChannels => TokenizerOptions.Network.ImageChannels;

    /// <summary>Pixels per cell of the coarsest code grid, along each side.</summary>
    public abstract int CoarsestReduction { get; }

    /// <summary>Each layer's name and its size relative to the coarsest grid, in code-map order.</summary>
    public abstract IReadOnlyList<(string Name, int Factor)> LayerLayout { get; }

    /// <summary>The code grid of each layer for images of <paramref name="height"/> x <paramref name="width"/>.</summary>
    /// <param name="height">Image height (divisible by <see cref="CoarsestReduction"/>).</param>
    /// <param name="width">Image width (divisible by <see cref="CoarsestReduction"/>).</param>
    public IReadOnlyList<(string Name, int Height, int Width)> LayerShapes(int height, int width)
    {
        CheckSize(height, width);
        var (h0, w0) = (height / CoarsestReduction, width / CoarsestReduction);
        return [.. LayerLayout.Select(l => (l.Name, h0 * l.Factor, w0 * l.Factor))];
    }

    /// <summary>Codes per image of <paramref name="height"/> x <paramref name="width"/>, over every layer.</summary>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    public int TokensPerImage(int height, int width) => LayerShapes(height, width).Sum(l => l.Height * l.Width);

    /// <summary>M^ = the code map of <paramref name="images"/> (no codebook update, whatever the mode).</summary>
    /// <param name="images">[B, C, H, W] in [0, 1].</param>
    public CodeMap Encode(Tensor images)
    {
        using var noGrad = Autograd.NoGrad();
        using var scope = new DisposeScope();
        var codes = EncodeCodes(ToSigned(CheckImages(images)));
        foreach (var layer in codes.Layers)
        {
            layer.Codes.MoveToOuterScope();
        }

        return codes;
    }

    /// <summary>Images from a code map: [B, C, H, W] in [0, 1] (clamped).</summary>
    /// <param name="codes">A code map this tokenizer's <see cref="Encode"/> could have produced.</param>
    public Tensor Decode(CodeMap codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        CheckLayout(codes);
        using var noGrad = Autograd.NoGrad();
        using var scope = new DisposeScope();
        return FromSigned(DecodeSigned(codes)).Clamp(0, 1).MoveToOuterScope();
    }

    /// <summary>
    /// Z^ of paper §3.3: one embedding per cell of the coarsest grid, [B, ĥŵ, n] (cells row by row).
    /// </summary>
    /// <param name="codes">A code map of this tokenizer.</param>
    public Tensor Aggregate(CodeMap codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        CheckLayout(codes);
        using var scope = new DisposeScope();
        var map = AggregateMap(codes); // (B, n, ĥ, ŵ)
        return map.Flatten(2).Transpose(1, 2).Contiguous().MoveToOuterScope(); // (B, ĥŵ, n)
    }

    /// <summary>
    /// The encoder's continuous output at the coarsest grid, before quantization: [B, ĥŵ, n] (cells row by row).
    /// It is what the Projector MLLM paradigm feeds its linear projector (LLaVA's visual features).
    /// </summary>
    /// <param name="images">[B, C, H, W] in [0, 1].</param>
    public Tensor ContinuousFeatures(Tensor images)
    {
        using var noGrad = Autograd.NoGrad();
        using var scope = new DisposeScope();
        var map = CoarseFeatures(ToSigned(CheckImages(images))); // (B, n, ĥ, ŵ)
        return map.Flatten(2).Transpose(1, 2).Contiguous().MoveToOuterScope(); // (B, ĥŵ, n)
    }

    /// <summary>A training pass: encode, quantize (updating an EMA codebook in training mode), decode, losses.</summary>
    /// <param name="input">[B, C, H, W] in [0, 1].</param>
    public override TokenizerOutput Forward(Tensor input)
    {
        var x = ToSigned(CheckImages(input));
        var (decoded, codes, quantizerLoss) = Reconstruct(x);
        var loss = ReconstructionLoss(decoded, x);
        return new TokenizerOutput(FromSigned(decoded), codes, loss, quantizerLoss);
    }

    /// <inheritdoc/>
    public string ToHtml()
    {
        var size = 32 % CoarsestReduction == 0 ? 32 : 4 * CoarsestReduction;
        var layers = string.Join(" + ", LayerShapes(size, size).Select(l => $"{l.Name} {l.Height}x{l.Width}"));
        return HtmlSummary.Table($"{Kind} tokenizer", [
            ($"code map (for {size}x{size} images)", $"{layers} = {TokensPerImage(size, size)} tokens"),
            ("codebook", $"K = {Quantizer.CodebookSize}, n = {Quantizer.Dim}{(Quantizer.Options.Ema ? ", EMA" : ", trained")}{(Quantizer.Frozen ? ", frozen" : string.Empty)}"),
            ("image channels", ImageChannels.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("parameters", ParameterCount().ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
            ("upsampling", TokenizerOptions.Network.Upsample.ToString()),
        ]);
    }

    /// <summary>The weighted L1 + MSE loss between two images on the same scale.</summary>
    /// <param name="reconstruction">Decoded pixels.</param>
    /// <param name="target">Input pixels.</param>
    protected Tensor ReconstructionLoss(Tensor reconstruction, Tensor target)
    {
        var options = TokenizerOptions;
        Tensor? loss = null;
        if (options.MseWeight > 0)
        {
            loss = F.MseLoss(reconstruction, target) * options.MseWeight;
        }

        if (options.L1Weight > 0)
        {
            var l1 = F.L1Loss(reconstruction, target) * options.L1Weight;
            loss = loss is null ? l1 : loss + l1;
        }

        return loss!;
    }

    /// <summary>Encodes signed images [-1, 1] to a code map (inference: no codebook update).</summary>
    /// <param name="signed">[B, C, H, W].</param>
    protected abstract CodeMap EncodeCodes(Tensor signed);

    /// <summary>The encoder's continuous features [B, n, ĥ, ŵ] at the coarsest grid (HQ-VAE: the top features).</summary>
    /// <param name="signed">[B, C, H, W].</param>
    protected abstract Tensor CoarseFeatures(Tensor signed);

    /// <summary>Decodes a code map to signed pixels (about [-1, 1]).</summary>
    /// <param name="codes">The code map.</param>
    protected abstract Tensor DecodeSigned(CodeMap codes);

    /// <summary>The aggregated embedding map [B, n, ĥ, ŵ] of a code map.</summary>
    /// <param name="codes">The code map.</param>
    protected abstract Tensor AggregateMap(CodeMap codes);

    /// <summary>The training pass on signed images: decoded pixels, the code map, and the quantizer losses.</summary>
    /// <param name="signed">[B, C, H, W] in [-1, 1].</param>
    protected abstract (Tensor Decoded, CodeMap Codes, Tensor QuantizerLoss) Reconstruct(Tensor signed);

    private static Tensor ToSigned(Tensor images) => (images * 2) - 1;

    private static Tensor FromSigned(Tensor signed) => (signed + 1) * 0.5;

    private Tensor CheckImages(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var shape = images.Shape;
        if (shape.Length != 4 || shape[1] != ImageChannels)
        {
            throw new ArgumentException($"{Kind} expects images [B, {ImageChannels}, H, W], not [{string.Join(", ", shape)}]", nameof(images));
        }

        if (!images.DType.IsFloatingPoint())
        {
            throw new ArgumentException($"{Kind} expects floating-point pixels in [0, 1], not {images.DType}", nameof(images));
        }

        CheckSize(shape[2], shape[3]);
        return images;
    }

    private void CheckSize(long height, long width)
    {
        if (height <= 0 || width <= 0 || height % CoarsestReduction != 0 || width % CoarsestReduction != 0)
        {
            throw new ArgumentException(
                $"{Kind} needs image sizes divisible by {CoarsestReduction}; {height}x{width} is not (try {RoundUp(height)}x{RoundUp(width)})");
        }
    }

    private long RoundUp(long size) => Math.Max(CoarsestReduction, (size + CoarsestReduction - 1) / CoarsestReduction * CoarsestReduction);

    private void CheckLayout(CodeMap codes)
    {
        var layout = LayerLayout;
        if (codes.Layers.Count != layout.Count || codes.Layers.Zip(layout).Any(p => p.First.Name != p.Second.Name || p.First.Factor != p.Second.Factor))
        {
            throw new ArgumentException(
                $"{Kind} decodes code maps with layers [{string.Join(", ", layout.Select(l => $"{l.Name}x{l.Factor}"))}], not [{string.Join(", ", codes.Layers.Select(l => $"{l.Name}x{l.Factor}"))}]",
                nameof(codes));
        }
    }
}

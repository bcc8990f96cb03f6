using UniCode.Kit.Vision.Tokenizers;
using UniCode.Torch;

namespace UniCode.Kit.Vision;

/// <summary>
/// The one factory of visual tokenizers, so a notebook swaps the variant by changing one line:
/// <code>
/// var tokenizer = VisualTokenizers.Create(TokenizerKind.HqVae, imageChannels: 1, codebookSize: 1024, codeDim: 64);
/// </code>
/// </summary>
public static class VisualTokenizers
{
    /// <summary>The kit's default options of <paramref name="kind"/> (VQ 8x8; RQ 4x4, D = 4; HQ 4x4 + 8x8 for 32x32).</summary>
    /// <param name="kind">The variant.</param>
    public static ITokenizerOptions Defaults(TokenizerKind kind) => kind switch
    {
        TokenizerKind.VqGan => new VqGanOptions(),
        TokenizerKind.RqVae => new RqVaeOptions(),
        TokenizerKind.HqVae => new HqVaeOptions(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"unknown tokenizer kind; the kinds are {string.Join(", ", Enum.GetNames<TokenizerKind>())}"),
    };

    /// <summary>The defaults of <paramref name="kind"/> with the image channels and the codebook's K and n set.</summary>
    /// <param name="kind">The variant.</param>
    /// <param name="imageChannels">1 or 3.</param>
    /// <param name="codebookSize">K (the LM's vocabulary under a unified codebook).</param>
    /// <param name="codeDim">n (the LM's width under a unified codebook).</param>
    public static ITokenizerOptions Defaults(TokenizerKind kind, int imageChannels, int codebookSize, int codeDim)
    {
        var options = Defaults(kind);
        return options.With(
            options.Network with { ImageChannels = imageChannels },
            options.Quantizer with { CodebookSize = codebookSize, Dim = codeDim });
    }

    /// <summary>Builds the tokenizer that <paramref name="options"/> describe.</summary>
    /// <param name="options">A <see cref="VqGanOptions"/>, <see cref="RqVaeOptions"/> or <see cref="HqVaeOptions"/>.</param>
    /// <param name="generator">Seeds the initial weights and codes.</param>
    public static VisualTokenizer Create(ITokenizerOptions options, Generator? generator = null) => options switch
    {
        VqGanOptions vq => new VqGan(vq, generator),
        RqVaeOptions rq => new RqVae(rq, generator),
        HqVaeOptions hq => new HqVae(hq, generator),
        null => throw new ArgumentNullException(nameof(options)),
        _ => throw new ArgumentException($"no tokenizer is built from {options.GetType().Name}", nameof(options)),
    };

    /// <summary>Builds a tokenizer of <paramref name="kind"/> with its defaults and the given channels and codebook.</summary>
    /// <param name="kind">The variant.</param>
    /// <param name="imageChannels">1 or 3.</param>
    /// <param name="codebookSize">K.</param>
    /// <param name="codeDim">n.</param>
    /// <param name="generator">Seeds the initial weights and codes.</param>
    public static VisualTokenizer Create(TokenizerKind kind, int imageChannels = 1, int codebookSize = 1024, int codeDim = 64, Generator? generator = null) =>
        Create(Defaults(kind, imageChannels, codebookSize, codeDim), generator);

    /// <summary>The quantizer options of <paramref name="options"/> with K and n taken from a language codebook.</summary>
    /// <param name="options">Tokenizer options.</param>
    /// <param name="codebookSize">K of C_L.</param>
    /// <param name="codeDim">n of C_L.</param>
    public static ITokenizerOptions WithCodebookShape(ITokenizerOptions options, int codebookSize, int codeDim)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.With(options.Network, options.Quantizer with { CodebookSize = codebookSize, Dim = codeDim });
    }
}

using UniCode.Kit.Vision;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Vision;

/// <summary>Small versions of each tokenizer, fast enough to train in a test.</summary>
internal static class TinyTokenizers
{
    public static readonly TokenizerKind[] Kinds = [TokenizerKind.VqGan, TokenizerKind.RqVae, TokenizerKind.HqVae];

    public static ITokenizerOptions Options(TokenizerKind kind, int channels = 1, int codebookSize = 32, int dim = 8)
    {
        var defaults = VisualTokenizers.Defaults(kind, channels, codebookSize, dim);
        var network = defaults.Network with { Width = 16, NormGroups = 8 };
        var options = defaults.With(network, defaults.Quantizer with { DeadCodeSteps = 10 });
        return options is Kit.Vision.Tokenizers.VqGanOptions vq ? vq with { Adversarial = vq.Adversarial with { StartStep = 2, Width = 8 } } : options;
    }

    public static VisualTokenizer Create(TokenizerKind kind, int channels = 1, ulong seed = 0)
    {
        var generator = new Generator(seed);
        return VisualTokenizers.Create(Options(kind, channels), generator);
    }

    /// <summary>A batch of smooth random images [B, C, size, size] in [0, 1].</summary>
    public static Tensor Images(int batch, int channels, int size, ulong seed = 0)
    {
        using var generator = new Generator(seed);
        using var scope = new DisposeScope();
        var coarse = Tensor.Rand([batch, channels, Math.Max(2, size / 4), Math.Max(2, size / 4)], generator);
        return Torch.NN.Functional.Interpolate(coarse, size, size, Torch.NN.InterpolationMode.Bilinear).Clamp(0, 1).MoveToOuterScope();
    }
}

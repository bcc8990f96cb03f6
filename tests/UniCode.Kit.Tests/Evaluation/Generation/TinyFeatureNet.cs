using UniCode.Kit.Evaluation.Features;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation.Generation;

/// <summary>An untrained, seeded feature net on 16x16 grey images: enough for metrics whose tests need a fixed map from images to features.</summary>
internal static class TinyFeatureNet
{
    public static readonly FeatureCnnOptions Options = new() { ImageSize = 16, Width = 8, FeatureDim = 16, Classes = 10 };

    public static FeatureCnn Create()
    {
        using var generator = new Generator(11);
        var net = new FeatureCnn(Options, generator);
        net.Eval();
        return net;
    }

    /// <summary>[count, 1, 16, 16] uniform images scaled into [low, low + range].</summary>
    public static Tensor Images(int count, ulong seed, double low = 0, double range = 1)
    {
        using var generator = new Generator(seed);
        using var unit = Tensor.Rand([count, 1, 16, 16], generator);
        return (unit * range) + low;
    }
}

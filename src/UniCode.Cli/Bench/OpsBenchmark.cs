using UniCode.Torch;
using UniCode.Torch.Diagnostics;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Cli.Bench;

/// <summary>One line of <c>bench ops</c>: the C# loop's timing beside the same loop run inside C++.</summary>
/// <param name="Name">The case.</param>
/// <param name="MedianUs">C#: median microseconds per iteration.</param>
/// <param name="MinUs">C#: fastest repeat.</param>
/// <param name="MaxUs">C#: slowest repeat.</param>
/// <param name="Iterations">Iterations per repeat.</param>
/// <param name="NativeMedianUs">C++: median microseconds per iteration.</param>
/// <param name="Ratio">Native median / C# median: the C# API's speed as a fraction of native (1 = no overhead).</param>
/// <param name="OverheadUs">C# median - native median: the bridge's cost per iteration.</param>
internal sealed record OpsResult(string Name, double MedianUs, double MinUs, double MaxUs, long Iterations, double NativeMedianUs, double Ratio, double OverheadUs);

/// <summary>
/// The bridge's overhead: each case runs the same loop from C# and inside C++ (bench.cpp), interleaving
/// the two so that machine noise hits both alike.
/// </summary>
internal static class OpsBenchmark
{
    /// <summary>The cases, in order.</summary>
    public static IReadOnlyList<string> CaseNames { get; } = ["add_1", "add_64x64", "matmul_256x256", "conv2d_fwd_bwd_b32_c64_32x32"];

    /// <summary>Runs the named cases.</summary>
    public static IEnumerable<OpsResult> Run(IEnumerable<string> cases, int repeats, TimeSpan perRepeat)
    {
        LibTorch.ManualSeed(0);
        foreach (var name in cases)
        {
            yield return name switch
            {
                "add_1" => Elementwise(name, [1], repeats, perRepeat),
                "add_64x64" => Elementwise(name, [64, 64], repeats, perRepeat),
                "matmul_256x256" => MatMul(name, repeats, perRepeat),
                "conv2d_fwd_bwd_b32_c64_32x32" => Conv(name, repeats, perRepeat),
                _ => throw new ArgumentException($"unknown benchmark case '{name}'; known: {string.Join(", ", CaseNames)}"),
            };
        }
    }

    private static OpsResult Elementwise(string name, long[] shape, int repeats, TimeSpan perRepeat)
    {
        using var a = Tensor.Randn(shape);
        using var b = Tensor.Randn(shape);
        return Compare(name, () =>
        {
            using var c = a + b;
        }, iterations => NativeBenchmarks.Add(a, b, iterations, 1)[0], repeats, perRepeat);
    }

    private static OpsResult MatMul(string name, int repeats, TimeSpan perRepeat)
    {
        using var a = Tensor.Randn(256, 256);
        using var b = Tensor.Randn(256, 256);
        return Compare(name, () =>
        {
            using var c = a.MatMul(b);
        }, iterations => NativeBenchmarks.MatMul(a, b, iterations, 1)[0], repeats, perRepeat);
    }

    private static OpsResult Conv(string name, int repeats, TimeSpan perRepeat)
    {
        using var x = Tensor.Randn(32, 64, 32, 32);
        using var w = Tensor.Randn([64, 64, 3, 3], requiresGrad: true);
        using var b = Tensor.Randn([64], requiresGrad: true);
        return Compare(name, () =>
        {
            using var scope = new DisposeScope();
            F.Conv2d(x, w, b, stride: 1, padding: 1).Mean().Backward();
        }, iterations => NativeBenchmarks.Conv2dTrain(x, w, b, iterations, 1)[0], repeats, perRepeat);
    }

    private static OpsResult Compare(string name, Action managed, Func<long, double> native, int repeats, TimeSpan perRepeat)
    {
        var iterations = Timing.Calibrate(managed, perRepeat);
        var managedTimes = new List<double>();
        var nativeTimes = new List<double>();
        Timing.NanosecondsPerIteration(managed, iterations);
        for (var r = 0; r < repeats; r++)
        {
            managedTimes.Add(Timing.NanosecondsPerIteration(managed, iterations));
            nativeTimes.Add(native(iterations));
        }

        var m = TimingStats.FromNanoseconds(managedTimes);
        var n = TimingStats.FromNanoseconds(nativeTimes);
        return new OpsResult(name, m.MedianUs, m.MinUs, m.MaxUs, iterations, n.MedianUs, n.MedianUs / m.MedianUs, m.MedianUs - n.MedianUs);
    }
}

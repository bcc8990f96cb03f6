using System.Diagnostics;
using UniCode.Cli.Bench.PyTorch;
using UniCode.Torch;
using UniCode.Torch.Optim;

namespace UniCode.Cli.Bench.VqVae;

/// <summary>The result of `unicode bench vqvae`: median milliseconds per training step (and PyTorch's, when compared).</summary>
/// <param name="Bench">"vqvae".</param>
/// <param name="Steps">Timed steps per side.</param>
/// <param name="MedianMs">The kit's median step.</param>
/// <param name="MinMs">The kit's fastest step.</param>
/// <param name="TorchThreads">libtorch intra-op threads of the kit.</param>
/// <param name="BlasThreads">OpenBLAS threads of the kit.</param>
/// <param name="PytorchMedianMs">PyTorch's median step, if compared.</param>
/// <param name="PytorchThreads">PyTorch's threads, if compared.</param>
/// <param name="Ratio">PyTorch's median / the kit's (above 1: the kit is faster), if compared.</param>
internal sealed record VqVaeBenchResult(
    string Bench, int Steps, double MedianMs, double MinMs, int TorchThreads, int BlasThreads, double? PytorchMedianMs, int? PytorchThreads, double? Ratio);

/// <summary>Times one full training step of <see cref="BenchVqVae"/> (forward, backward, Adam, EMA update).</summary>
internal static class VqVaeBenchmark
{
    /// <summary>Runs the benchmark: <paramref name="rounds"/> rounds of <paramref name="stepsPerRound"/> steps per side,
    /// interleaved with PyTorch's when <paramref name="comparePyTorch"/>, after <paramref name="warmup"/> untimed steps each.</summary>
    public static VqVaeBenchResult Run(int rounds, int stepsPerRound, int warmup, bool comparePyTorch, TextWriter log)
    {
        LibTorch.ManualSeed(0);
        using var model = new BenchVqVae();
        using var optimizer = new AdamW(model.Parameters(), new AdamWOptions { LearningRate = 2e-4, WeightDecay = 0 });
        using var images = Tensor.Rand(64, 3, 32, 32);
        void Step()
        {
            using var scope = new DisposeScope();
            var loss = model.Forward(images);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }

        using var worker = comparePyTorch ? PyTorchWorker.Start("vqvae_step.py", log) : null;
        for (var i = 0; i < warmup; i++)
        {
            Step();
        }

        worker?.Run(warmup);
        var kit = new List<double>();
        var pytorch = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < stepsPerRound; i++)
            {
                var start = Stopwatch.GetTimestamp();
                Step();
                kit.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            if (worker is not null)
            {
                pytorch.AddRange(worker.Run(stepsPerRound));
            }
        }

        var median = Median(kit);
        double? pytorchMedian = worker is null ? null : Median(pytorch);
        return new VqVaeBenchResult("vqvae", kit.Count, median, kit.Min(), LibTorch.NumThreads, LibTorch.BlasThreads, pytorchMedian, worker?.Threads, pytorchMedian / median);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

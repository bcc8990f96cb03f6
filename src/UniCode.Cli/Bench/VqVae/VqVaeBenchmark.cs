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
    /// <summary>Runs the benchmark: <paramref name="steps"/> timed steps per side in <paramref name="rounds"/> rounds,
    /// interleaved with PyTorch's when <paramref name="comparePyTorch"/>, after <paramref name="warmup"/> untimed steps each.</summary>
    public static VqVaeBenchResult Run(int steps, int rounds, int warmup, bool comparePyTorch, TextWriter log)
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
        var timed = Interleaved.Run(Step, worker, steps, rounds, warmup);
        var median = timed.KitMedian;
        var pytorchMedian = timed.PytorchMedian;
        return new VqVaeBenchResult("vqvae", timed.KitMs.Count, median, timed.KitMs.Min(), LibTorch.NumThreads, LibTorch.BlasThreads, pytorchMedian, worker?.Threads, pytorchMedian / median);
    }
}

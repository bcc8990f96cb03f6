using UniCode.Cli.Bench.PyTorch;
using UniCode.Kit.Language;
using UniCode.Torch;
using UniCode.Torch.Optim;

namespace UniCode.Cli.Bench.Gpt;

/// <summary>The result of `unicode bench gpt`: median milliseconds per training step (and PyTorch's, when compared).</summary>
/// <param name="Bench">"gpt".</param>
/// <param name="Steps">Timed steps per side.</param>
/// <param name="MedianMs">The kit's median step.</param>
/// <param name="MinMs">The kit's fastest step.</param>
/// <param name="TorchThreads">libtorch intra-op threads of the kit.</param>
/// <param name="BlasThreads">OpenBLAS threads of the kit.</param>
/// <param name="PytorchMedianMs">PyTorch's median step, if compared.</param>
/// <param name="PytorchMinMs">PyTorch's fastest step, if compared.</param>
/// <param name="PytorchThreads">PyTorch's intra-op threads, if compared.</param>
/// <param name="PytorchBlasThreads">PyTorch's OpenBLAS threads, if compared.</param>
/// <param name="Ratio">PyTorch's median / the kit's, i.e. the kit's speed over PyTorch's (above 1: the kit is faster), if compared.</param>
internal sealed record GptBenchResult(
    string Bench, int Steps, double MedianMs, double MinMs, int TorchThreads, int BlasThreads,
    double? PytorchMedianMs, double? PytorchMinMs, int? PytorchThreads, int? PytorchBlasThreads, double? Ratio);

/// <summary>
/// Times one training step of the kit's <see cref="Transformer"/> in the GPT-2 style (forward, next-token
/// cross-entropy, backward, AdamW at 3e-4) on a batch of 16 random sequences that fill the 320-token context;
/// gpt.py is the same step in PyTorch.
/// </summary>
internal static class GptBenchmark
{
    /// <summary>Rows of the training batch.</summary>
    public const int Batch = 16;

    /// <summary>The model of both benchmarks: V = 1024, d = 256, 6 layers, 8 heads, a 4x GELU MLP, pre-LayerNorm,
    /// learned positions over a 320-token context, biases and the head tied to the token embedding.</summary>
    public static TransformerOptions Model => TransformerOptions.Gpt2(1024, dim: 256, layers: 6, heads: 8, context: 320);

    /// <summary>Runs the benchmark: <paramref name="steps"/> timed steps per side, interleaved with PyTorch's in four
    /// rounds when <paramref name="comparePyTorch"/>, after <paramref name="warmup"/> untimed steps each.</summary>
    public static GptBenchResult Run(int steps, int warmup, bool comparePyTorch, TextWriter log)
    {
        LibTorch.ManualSeed(0);
        using var model = new Transformer(Model);
        using var optimizer = new AdamW(model.Parameters(), new AdamWOptions { LearningRate = 3e-4, WeightDecay = 0.01 });
        using var ids = Tensor.RandInt(0, Model.VocabSize, [Batch, Model.Context]); // (B, T): inputs and labels
        void Step()
        {
            using var scope = new DisposeScope();
            var loss = Transformer.Loss(model.Forward(ids), ids);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }

        using var worker = comparePyTorch ? PyTorchWorker.Start("gpt.py", log, "train") : null;
        var timed = Interleaved.Run(Step, worker, steps, rounds: 4, warmup);
        var median = timed.KitMedian;
        var pytorchMedian = timed.PytorchMedian;
        return new GptBenchResult("gpt", timed.KitMs.Count, median, timed.KitMs.Min(), LibTorch.NumThreads, LibTorch.BlasThreads,
            pytorchMedian, timed.PytorchMs?.Min(), worker?.Threads, worker?.BlasThreads, pytorchMedian / median);
    }
}

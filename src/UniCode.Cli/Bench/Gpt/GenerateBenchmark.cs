using UniCode.Cli.Bench.PyTorch;
using UniCode.Kit.Language;
using UniCode.Torch;

namespace UniCode.Cli.Bench.Gpt;

/// <summary>The result of `unicode bench generate`: decoding speed at each batch size.</summary>
/// <param name="Bench">"generate".</param>
/// <param name="PromptTokens">Tokens of each prompt.</param>
/// <param name="NewTokens">Tokens generated after each prompt.</param>
/// <param name="Repeats">Timed generations per side and batch size.</param>
/// <param name="TorchThreads">libtorch intra-op threads of the kit.</param>
/// <param name="BlasThreads">OpenBLAS threads of the kit.</param>
/// <param name="PytorchThreads">PyTorch's intra-op threads, if compared.</param>
/// <param name="PytorchBlasThreads">PyTorch's OpenBLAS threads, if compared.</param>
/// <param name="Batches">One entry per batch size.</param>
internal sealed record GenerateBenchResult(
    string Bench, int PromptTokens, int NewTokens, int Repeats, int TorchThreads, int BlasThreads, int? PytorchThreads, int? PytorchBlasThreads,
    IReadOnlyList<GenerateBatchResult> Batches);

/// <summary>The decoding speed at one batch size.</summary>
/// <param name="Batch">Rows decoded together.</param>
/// <param name="MedianMs">The kit's median time of one whole generation (prompt and new tokens).</param>
/// <param name="TokensPerSecond">New tokens per second over all rows at that median.</param>
/// <param name="PytorchMedianMs">PyTorch's median generation, if compared.</param>
/// <param name="PytorchTokensPerSecond">PyTorch's new tokens per second, if compared.</param>
/// <param name="Ratio">The kit's tokens per second over PyTorch's (above 1: the kit is faster), if compared.</param>
internal sealed record GenerateBatchResult(
    int Batch, double MedianMs, double TokensPerSecond, double? PytorchMedianMs, double? PytorchTokensPerSecond, double? Ratio);

/// <summary>
/// Times greedy decoding with <see cref="Sampler"/> and its <see cref="KvCache"/> on the model of
/// <see cref="GptBenchmark"/> (eval mode, no gradients): from a 16-token prompt until the 320-token context is full;
/// gpt.py is the same loop in PyTorch.
/// </summary>
internal static class GenerateBenchmark
{
    /// <summary>Tokens of each prompt.</summary>
    public const int PromptTokens = 16;

    /// <summary>New tokens that fill the context after the prompt.</summary>
    public static int MaxNewTokens => GptBenchmark.Model.Context - PromptTokens;

    /// <summary>Batch sizes measured by default.</summary>
    public static IReadOnlyList<int> Batches { get; } = [1, 16];

    /// <summary>Runs the benchmark: per batch size of <paramref name="batches"/>, <paramref name="repeats"/> timed generations of
    /// <paramref name="newTokens"/> tokens per side, alternating with PyTorch's when <paramref name="comparePyTorch"/>,
    /// after <paramref name="warmup"/> untimed ones each.</summary>
    public static GenerateBenchResult Run(IReadOnlyList<int> batches, int newTokens, int repeats, int warmup, bool comparePyTorch, TextWriter log)
    {
        LibTorch.ManualSeed(0);
        using var model = new Transformer(GptBenchmark.Model);
        var sampler = new Sampler(model, new SamplingOptions { Temperature = 0, MaxNewTokens = newTokens });
        using var worker = comparePyTorch ? PyTorchWorker.Start("gpt.py", log, "generate", newTokens.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        var results = new List<GenerateBatchResult>();
        foreach (var batch in batches)
        {
            using var prompt = Tensor.RandInt(0, model.VocabSize, [batch, PromptTokens]); // (B, T)
            void Generate()
            {
                using var scope = new DisposeScope();
                sampler.Generate(prompt);
            }

            var timed = Interleaved.Run(Generate, worker, repeats, rounds: repeats, warmup, batch.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var median = timed.KitMedian;
            var pytorchMedian = timed.PytorchMedian;
            double tokens = (long)batch * newTokens;
            results.Add(new GenerateBatchResult(batch, median, tokens / median * 1000, pytorchMedian, tokens / pytorchMedian * 1000, pytorchMedian / median));
        }

        return new GenerateBenchResult("generate", PromptTokens, newTokens, repeats, LibTorch.NumThreads, LibTorch.BlasThreads, worker?.Threads, worker?.BlasThreads, results);
    }
}

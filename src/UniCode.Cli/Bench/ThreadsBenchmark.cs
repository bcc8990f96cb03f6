using UniCode.Torch;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Cli.Bench;

/// <summary>One line of <c>bench threads</c>.</summary>
/// <param name="TorchThreads">libtorch's intra-op threads.</param>
/// <param name="BlasThreads">OpenBLAS's threads.</param>
/// <param name="Workload">What was timed.</param>
/// <param name="MedianUs">Median microseconds per iteration.</param>
/// <param name="MinUs">Fastest repeat.</param>
/// <param name="MaxUs">Slowest repeat.</param>
/// <param name="Iterations">Iterations per repeat.</param>
internal sealed record ThreadsResult(int TorchThreads, int BlasThreads, string Workload, double MedianUs, double MinUs, double MaxUs, long Iterations);

/// <summary>
/// Measures the split between libtorch's thread pool and OpenBLAS's own, which both spin up on a matrix
/// product: the measurement behind the default (see environment.md).
/// </summary>
internal static class ThreadsBenchmark
{
    /// <summary>Runs every workload under every split of the machine's cores.</summary>
    public static IEnumerable<ThreadsResult> Run(int repeats, TimeSpan perRepeat)
    {
        var cores = Environment.ProcessorCount;
        var (torchBefore, blasBefore) = (LibTorch.NumThreads, LibTorch.BlasThreads);
        var splits = new[] { (cores, 1), (cores, cores), (1, cores), (1, 1) }.Distinct().ToArray();
        try
        {
            foreach (var (workload, body) in Workloads())
            {
                foreach (var (torch, blas) in splits)
                {
                    LibTorch.NumThreads = torch;
                    if (blasBefore > 0)
                    {
                        LibTorch.BlasThreads = blas;
                    }

                    var iterations = Timing.Calibrate(body, perRepeat);
                    Timing.NanosecondsPerIteration(body, iterations);
                    var times = Enumerable.Range(0, repeats).Select(_ => Timing.NanosecondsPerIteration(body, iterations)).ToList();
                    var stats = TimingStats.FromNanoseconds(times);
                    yield return new ThreadsResult(torch, blas, workload, stats.MedianUs, stats.MinUs, stats.MaxUs, iterations);
                }
            }
        }
        finally
        {
            LibTorch.NumThreads = torchBefore;
            if (blasBefore > 0)
            {
                LibTorch.BlasThreads = blasBefore;
            }
        }
    }

    private static IEnumerable<(string Name, Action Body)> Workloads()
    {
        LibTorch.ManualSeed(0);
        var a = Tensor.Randn(256, 256).DetachFromScope();
        var big = Tensor.Randn(1024, 1024).DetachFromScope();
        var x = Tensor.Randn(8, 64, 32, 32).DetachFromScope();
        var w = Tensor.Randn([64, 64, 3, 3], requiresGrad: true).DetachFromScope();
        var decoder = new TinyDecoderStep(batch: 1, cached: 64, vocabulary: 1024);
        var batchDecoder = new TinyDecoderStep(batch: 16, cached: 256, vocabulary: 2048);
        var tokens = Tensor.Randn(4096, 256).DetachFromScope();
        var up = Tensor.Randn([1024, 256], requiresGrad: true).DetachFromScope();
        var down = Tensor.Randn([256, 1024], requiresGrad: true).DetachFromScope();

        void Small()
        {
            using var c = a.MatMul(a);
        }

        void Large()
        {
            using var c = big.MatMul(big);
        }

        // A transformer MLP's training step on 4096 tokens: large elementwise ops (which libtorch runs on
        // its OpenMP pool) alternate with matrix products (which run on OpenBLAS's pool).
        void Mlp()
        {
            using var scope = new DisposeScope();
            F.Linear(F.Linear(tokens, up).Gelu(), down).Square().Mean().Backward();
        }

        void Convolution()
        {
            using var scope = new DisposeScope();
            F.Conv2d(x, w, padding: 1).Mean().Backward();
        }

        return
        [
            ("matmul_256x256", Small),
            ("matmul_1024x1024", Large),
            ("lm_decode_b1_t64_v1024", decoder.Run),
            ("lm_decode_b16_t256_v2048", batchDecoder.Run),
            ("mlp_fwd_bwd_4096x256x1024", Mlp),
            ("conv2d_fwd_bwd_b8_c64_32x32", Convolution),
        ];
    }

    /// <summary>
    /// One token of autoregressive decoding in a small transformer (d = 256, 6 layers, 4 heads): per layer the
    /// new token's keys and values are appended to the cache, then attention, projection and MLP; at the end the
    /// vocabulary head and a sampled next token. With batch 1 the ops are tiny matrix-vector products; with a
    /// batch of sequences and a long cache, the elementwise ops grow large enough for libtorch's OpenMP pool.
    /// </summary>
    private sealed class TinyDecoderStep
    {
        private const int Layers = 6;
        private const int Dim = 256;
        private const int Heads = 4;
        private readonly int batch;
        private readonly Tensor[] qkv = new Tensor[Layers];
        private readonly Tensor[] proj = new Tensor[Layers];
        private readonly Tensor[] up = new Tensor[Layers];
        private readonly Tensor[] down = new Tensor[Layers];
        private readonly Tensor[] keys = new Tensor[Layers];
        private readonly Tensor[] values = new Tensor[Layers];
        private readonly Tensor head;
        private readonly Tensor token;

        public TinyDecoderStep(int batch, int cached, int vocabulary)
        {
            this.batch = batch;
            for (var l = 0; l < Layers; l++)
            {
                qkv[l] = Tensor.Randn(3 * Dim, Dim).Mul(0.05).DetachFromScope();
                proj[l] = Tensor.Randn(Dim, Dim).Mul(0.05).DetachFromScope();
                up[l] = Tensor.Randn(4 * Dim, Dim).Mul(0.05).DetachFromScope();
                down[l] = Tensor.Randn(Dim, 4 * Dim).Mul(0.05).DetachFromScope();
                keys[l] = Tensor.Randn(batch, Heads, cached, Dim / Heads).DetachFromScope();
                values[l] = Tensor.Randn(batch, Heads, cached, Dim / Heads).DetachFromScope();
            }

            head = Tensor.Randn(vocabulary, Dim).Mul(0.05).DetachFromScope();
            token = Tensor.Randn(batch, 1, Dim).DetachFromScope();
        }

        public void Run()
        {
            using var scope = new DisposeScope();
            using var noGrad = Autograd.NoGrad();
            var x = token;
            for (var l = 0; l < Layers; l++)
            {
                var parts = F.Linear(F.RmsNorm(x), qkv[l]).View(batch, 1, 3, Heads, Dim / Heads).Permute(2, 0, 3, 1, 4);
                var (q, k, v) = (parts[0], parts[1], parts[2]);
                var allKeys = Tensor.Cat([keys[l], k], 2);
                var allValues = Tensor.Cat([values[l], v], 2);
                var attention = q.MatMul(allKeys.Transpose(-2, -1)).Mul(1.0 / Math.Sqrt(Dim / Heads)).Softmax(-1);
                var mixed = attention.MatMul(allValues).Transpose(1, 2).Reshape(batch, 1, Dim);
                x = x + F.Linear(mixed, proj[l]);
                x = x + F.Linear(F.Linear(F.RmsNorm(x), up[l]).Gelu(), down[l]);
            }

            F.Linear(F.RmsNorm(x), head).Squeeze(1).Softmax(-1).Multinomial(1);
        }
    }
}

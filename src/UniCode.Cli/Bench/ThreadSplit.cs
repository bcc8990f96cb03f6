using UniCode.Torch;

namespace UniCode.Cli.Bench;

/// <summary>
/// Sets libtorch's and OpenBLAS's thread counts for one benchmark and restores them after. The language-model
/// benchmarks run at one libtorch thread and OpenBLAS on every core: their time is in matrix products (training
/// steps) or in many small ops whose OpenMP barriers stall when a core is busy elsewhere (decoding). On the 2-core
/// machine this split made the training step about 2x faster than the kit's default of libtorch on every core and
/// OpenBLAS on one (environment.md, Threads), and batch-1 decoding 6x while another process kept a core busy. It is also the split Debian's PyTorch
/// picks here, so both sides of a comparison run the same. <c>UNICODE_TORCH_THREADS</c> or
/// <c>UNICODE_TORCH_BLAS_THREADS</c>, when set, win: the split is then left as they made it.
/// </summary>
internal sealed class ThreadSplit : IDisposable
{
    private readonly (int Torch, int Blas)? previous;

    private ThreadSplit((int Torch, int Blas)? previous) => this.previous = previous;

    /// <summary>One libtorch thread, OpenBLAS on every core (unless the environment chose a split).</summary>
    public static ThreadSplit ForMatrixProducts()
    {
        if (Environment.GetEnvironmentVariable("UNICODE_TORCH_THREADS") is not null || Environment.GetEnvironmentVariable("UNICODE_TORCH_BLAS_THREADS") is not null
            || LibTorch.BlasThreads < 0)
        {
            return new ThreadSplit(null);
        }

        var previous = (LibTorch.NumThreads, LibTorch.BlasThreads);
        LibTorch.NumThreads = 1;
        LibTorch.BlasThreads = Environment.ProcessorCount;
        return new ThreadSplit(previous);
    }

    /// <summary>Restores the counts from before.</summary>
    public void Dispose()
    {
        if (previous is var (torch, blas))
        {
            LibTorch.NumThreads = torch;
            LibTorch.BlasThreads = blas;
        }
    }
}

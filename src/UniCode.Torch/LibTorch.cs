using System.Runtime.InteropServices;
using UniCode.Torch.Interop;

namespace UniCode.Torch;

/// <summary>
/// The libtorch runtime: versions, threads, devices, the global seed and deterministic mode.
/// </summary>
public static class LibTorch
{
    /// <summary>libtorch's version, e.g. <c>1.13.0</c>.</summary>
    public static string Version => NativeError.String(Native.ut_version());

    /// <summary>
    /// libtorch's intra-op threads. Default: every core (or <c>UNICODE_TORCH_THREADS</c>).
    /// </summary>
    public static int NumThreads
    {
        get => NativeError.Check(Native.ut_get_num_threads());
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            NativeError.Check(Native.ut_set_num_threads(value));
        }
    }

    /// <summary>
    /// libtorch's inter-op threads. Can be set once, before any inter-op parallel work: libtorch sizes its
    /// pool then and keeps it. Setting another value afterwards throws <see cref="InvalidOperationException"/>
    /// (setting the current value is harmless).
    /// </summary>
    public static int NumInteropThreads
    {
        get => NativeError.Check(Native.ut_get_num_interop_threads());
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            var current = NumInteropThreads;
            if (value == current)
            {
                return;
            }

            var failure = Native.ut_set_num_interop_threads(value) < 0 ? NativeError.LastMessage() : null;
            var now = NumInteropThreads;
            if (failure is not null || now != value)
            {
                throw new InvalidOperationException(
                    $"NumInteropThreads must be set before any parallel work starts, and only once: it stays {now}, not {value}" +
                    (failure is null ? "." : $" (libtorch: {failure})."));
            }
        }
    }

    /// <summary>
    /// OpenBLAS's own thread pool, which libtorch's matrix products use on Debian. Default 1 (or
    /// <c>UNICODE_TORCH_BLAS_THREADS</c>): letting it thread beside libtorch's pool oversubscribes the
    /// cores (see environment.md for the measurement). -1 when the BLAS in use is not OpenBLAS.
    /// </summary>
    public static int BlasThreads
    {
        get => Native.ut_openblas_get_num_threads();
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Native.ut_openblas_set_num_threads(value);
        }
    }

    /// <summary>The OpenBLAS build in use (empty when libtorch's BLAS is not OpenBLAS).</summary>
    public static string BlasConfig => NativeError.String(Native.ut_blas_config());

    /// <summary>libtorch's own report of its parallel settings.</summary>
    public static string ParallelInfo => NativeError.String(NativeError.Check(Native.ut_parallel_info()));

    /// <summary>True when this libtorch was built with CUDA and a GPU is visible.</summary>
    public static bool CudaIsAvailable => NativeError.Check(Native.ut_cuda_is_available()) == 1;

    /// <summary>The number of visible CUDA devices.</summary>
    public static int CudaDeviceCount => NativeError.Check(Native.ut_cuda_device_count());

    /// <summary>The best device available: CUDA when present, else the CPU.</summary>
    public static Device DefaultDevice => CudaIsAvailable ? Device.Cuda(0) : Device.Cpu;

    /// <summary>
    /// Makes libtorch pick deterministic algorithms (and fail on ops that have none). On the CPU most
    /// ops are deterministic already; same seed, same machine, same numbers.
    /// </summary>
    public static bool Deterministic
    {
        get => NativeError.Check(Native.ut_get_deterministic()) == 1;
        set => NativeError.Check(Native.ut_set_deterministic(value ? 1 : 0));
    }

    /// <summary>Native tensors currently alive (created and not yet freed): for leak checks.</summary>
    public static long LiveTensors => TensorHandle.Live;

    /// <summary>
    /// Bytes of CPU tensor storage libtorch currently holds (views share their storage's bytes). When they
    /// double (past 128 MiB) a garbage collection runs, so undisposed tensors are freed before RAM fills.
    /// </summary>
    public static long NativeBytes => Native.ut_native_bytes();

    /// <summary>Seeds the global generators (CPU and every CUDA device).</summary>
    /// <param name="seed">The seed.</param>
    public static void ManualSeed(ulong seed) => NativeError.Check(Native.ut_manual_seed(seed));

    /// <summary>The global CPU generator's state (to resume a run exactly).</summary>
    public static Tensor GetRngState() => Tensor.Wrap(Native.ut_default_generator_get_state());

    /// <summary>Restores the global CPU generator's state.</summary>
    /// <param name="state">A state from <see cref="GetRngState"/>.</param>
    public static void SetRngState(Tensor state)
    {
        ArgumentNullException.ThrowIfNull(state);
        NativeError.Check(Native.ut_default_generator_set_state(state.Handle));
    }

    // Called once, by the resolver, right after the bridge loads and before any P/Invoke into it runs:
    // the functions are reached through their exports because the library is still being resolved.
    internal static unsafe void ApplyDefaults(IntPtr library)
    {
        var threads = ReadPositive("UNICODE_TORCH_THREADS") ?? Environment.ProcessorCount;
        var blasThreads = ReadPositive("UNICODE_TORCH_BLAS_THREADS") ?? 1;
        var setBlasThreads = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(library, "ut_openblas_set_num_threads");
        var setThreads = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(library, "ut_set_num_threads");
        setBlasThreads(blasThreads);
        setThreads(threads);
        var bytesCounter = (delegate* unmanaged<long*>)NativeLibrary.GetExport(library, "ut_native_bytes_counter");
        MemoryPressure.Attach(bytesCounter());
    }

    private static int? ReadPositive(string variable)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{variable}='{text}' is not a positive integer");
    }
}

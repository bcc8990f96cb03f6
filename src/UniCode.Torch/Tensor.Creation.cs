using UniCode.Torch.Interop;

namespace UniCode.Torch;

// Factories: constants, ranges and random tensors.
public partial class Tensor
{
    private static int DevType(Device? device) => (int)(device ?? Device.Cpu).Type;

    private static int DevIndex(Device? device) => (device ?? Device.Cpu).Index;

    /// <summary>An uninitialised tensor.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    /// <param name="requiresGrad">Whether autograd records ops on it.</param>
    public static Tensor Empty(long[] shape, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Wrap(Native.ut_empty(shape, shape.Length, (int)dtype, DevType(device), DevIndex(device), B(requiresGrad)));
    }

    /// <summary>A tensor of zeros.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    /// <param name="requiresGrad">Whether autograd records ops on it.</param>
    public static Tensor Zeros(long[] shape, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Wrap(Native.ut_zeros(shape, shape.Length, (int)dtype, DevType(device), DevIndex(device), B(requiresGrad)));
    }

    /// <summary>A float32 tensor of zeros.</summary>
    /// <param name="shape">The shape.</param>
    public static Tensor Zeros(params long[] shape) => Zeros(shape, DType.Float32);

    /// <summary>A tensor of ones.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    /// <param name="requiresGrad">Whether autograd records ops on it.</param>
    public static Tensor Ones(long[] shape, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Wrap(Native.ut_ones(shape, shape.Length, (int)dtype, DevType(device), DevIndex(device), B(requiresGrad)));
    }

    /// <summary>A float32 tensor of ones.</summary>
    /// <param name="shape">The shape.</param>
    public static Tensor Ones(params long[] shape) => Ones(shape, DType.Float32);

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="value">The fill value.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    /// <param name="requiresGrad">Whether autograd records ops on it.</param>
    public static Tensor Full(long[] shape, Scalar value, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Wrap(Native.ut_full(shape, shape.Length, value.ToNative(), (int)dtype, DevType(device), DevIndex(device), B(requiresGrad)));
    }

    /// <summary>A 0-dimensional tensor holding one value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    public static Tensor FromScalar(Scalar value, DType dtype = DType.Float32, Device? device = null) => Full([], value, dtype, device);

    /// <summary>Values from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive) in steps.</summary>
    /// <param name="start">The first value.</param>
    /// <param name="end">The bound (excluded).</param>
    /// <param name="step">The step (default 1).</param>
    /// <param name="dtype">The element type; by default int64 for integer arguments, else float32 (as PyTorch).</param>
    /// <param name="device">The device (default CPU).</param>
    public static Tensor Arange(Scalar start, Scalar end, Scalar? step = null, DType? dtype = null, Device? device = null)
    {
        var by = step ?? 1;
        var inferred = start.IsFloatingPoint || end.IsFloatingPoint || by.IsFloatingPoint ? DType.Float32 : DType.Int64;
        return Wrap(Native.ut_arange(start.ToNative(), end.ToNative(), by.ToNative(), (int)(dtype ?? inferred), DevType(device), DevIndex(device), 0));
    }

    /// <summary>0, 1, ..., end-1 as int64.</summary>
    /// <param name="end">The bound (excluded).</param>
    public static Tensor Arange(long end) => Arange(0, end);

    /// <summary><paramref name="steps"/> evenly spaced values from start to end (both included).</summary>
    /// <param name="start">The first value.</param>
    /// <param name="end">The last value.</param>
    /// <param name="steps">How many values.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    public static Tensor Linspace(double start, double end, long steps, DType dtype = DType.Float32, Device? device = null) =>
        Wrap(Native.ut_linspace(((Scalar)start).ToNative(), ((Scalar)end).ToNative(), steps, (int)dtype, DevType(device), DevIndex(device), 0));

    /// <summary>An n x m matrix with ones on the diagonal.</summary>
    /// <param name="n">Rows.</param>
    /// <param name="m">Columns (default n).</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    public static Tensor Eye(long n, long? m = null, DType dtype = DType.Float32, Device? device = null) =>
        Wrap(Native.ut_eye(n, m ?? n, (int)dtype, DevType(device), DevIndex(device), 0));

    /// <summary>Zeros with this tensor's shape, dtype and device.</summary>
    public Tensor ZerosLike() => Wrap(Native.ut_zeros_like(Handle));

    /// <summary>Ones with this tensor's shape, dtype and device.</summary>
    public Tensor OnesLike() => Wrap(Native.ut_ones_like(Handle));

    /// <summary><paramref name="value"/> with this tensor's shape, dtype and device.</summary>
    /// <param name="value">The fill value.</param>
    public Tensor FullLike(Scalar value) => Wrap(Native.ut_full_like(Handle, value.ToNative()));

    /// <summary>Samples from the standard normal distribution.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    /// <param name="requiresGrad">Whether autograd records ops on it.</param>
    public static Tensor Randn(long[] shape, Generator? generator = null, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Wrap(Native.ut_randn(shape, shape.Length, Generator.HandleOf(generator), (int)dtype, DevType(device), DevIndex(device), B(requiresGrad)));
    }

    /// <summary>Standard-normal float32 samples from the global generator.</summary>
    /// <param name="shape">The shape.</param>
    public static Tensor Randn(params long[] shape) => Randn(shape, null);

    /// <summary>Samples uniformly from [0, 1).</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    /// <param name="requiresGrad">Whether autograd records ops on it.</param>
    public static Tensor Rand(long[] shape, Generator? generator = null, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Wrap(Native.ut_rand(shape, shape.Length, Generator.HandleOf(generator), (int)dtype, DevType(device), DevIndex(device), B(requiresGrad)));
    }

    /// <summary>Uniform float32 samples in [0, 1) from the global generator.</summary>
    /// <param name="shape">The shape.</param>
    public static Tensor Rand(params long[] shape) => Rand(shape, null);

    /// <summary>Integers drawn uniformly from [low, high).</summary>
    /// <param name="low">The smallest value.</param>
    /// <param name="high">The bound (excluded).</param>
    /// <param name="shape">The shape.</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    public static Tensor RandInt(long low, long high, long[] shape, Generator? generator = null, DType dtype = DType.Int64, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Wrap(Native.ut_randint(low, high, shape, shape.Length, Generator.HandleOf(generator), (int)dtype, DevType(device), DevIndex(device)));
    }

    /// <summary>A random permutation of 0..n-1.</summary>
    /// <param name="n">How many values.</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="device">The device (default CPU).</param>
    public static Tensor RandPerm(long n, Generator? generator = null, DType dtype = DType.Int64, Device? device = null) =>
        Wrap(Native.ut_randperm(n, Generator.HandleOf(generator), (int)dtype, DevType(device), DevIndex(device)));

    /// <summary>Draws <paramref name="samples"/> indices per row from the (unnormalised) weights in this tensor.</summary>
    /// <param name="samples">Draws per row.</param>
    /// <param name="replacement">Whether an index can be drawn twice.</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    public Tensor Multinomial(long samples, bool replacement = false, Generator? generator = null) =>
        Wrap(Native.ut_multinomial(Handle, samples, B(replacement), Generator.HandleOf(generator)));

    /// <summary>0/1 samples, each 1 with the probability in this tensor.</summary>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    public Tensor Bernoulli(Generator? generator = null) => Wrap(Native.ut_bernoulli(Handle, Generator.HandleOf(generator)));

    /// <summary>Fills this tensor with normal samples (in place; for initialisers).</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="std">The standard deviation.</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    public Tensor NormalInPlace(double mean = 0, double std = 1, Generator? generator = null)
    {
        NativeError.Check(Native.ut_normal_(Handle, mean, std, Generator.HandleOf(generator)));
        return this;
    }

    /// <summary>Fills this tensor with uniform samples from [from, to) (in place; for initialisers).</summary>
    /// <param name="from">The lower bound.</param>
    /// <param name="to">The upper bound.</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    public Tensor UniformInPlace(double from = 0, double to = 1, Generator? generator = null)
    {
        NativeError.Check(Native.ut_uniform_(Handle, from, to, Generator.HandleOf(generator)));
        return this;
    }
}

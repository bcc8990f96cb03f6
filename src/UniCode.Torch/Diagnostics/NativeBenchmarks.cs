using UniCode.Torch.Interop;

namespace UniCode.Torch.Diagnostics;

/// <summary>
/// Loops timed inside the C++ bridge: the native reference against which the C# API's overhead is
/// measured (<c>unicode bench ops</c>). Each returns <c>repeats</c> timings in nanoseconds per iteration,
/// after one untimed warm-up round.
/// </summary>
public static class NativeBenchmarks
{
    /// <summary>An empty P/Invoke: the floor of any bridge call.</summary>
    /// <param name="tensor">Any tensor (passed, not used).</param>
    public static void Noop(Tensor tensor) => Native.ut_noop(Tensor.H(tensor));

    /// <summary>Times <c>at::add(a, b)</c>.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <param name="iterations">Iterations per timing.</param>
    /// <param name="repeats">Timings.</param>
    public static double[] Add(Tensor a, Tensor b, long iterations, int repeats) =>
        Run(repeats, output => Native.ut_bench_add(Tensor.H(a), Tensor.H(b), iterations, repeats, output));

    /// <summary>Times <c>at::matmul(a, b)</c>.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <param name="iterations">Iterations per timing.</param>
    /// <param name="repeats">Timings.</param>
    public static double[] MatMul(Tensor a, Tensor b, long iterations, int repeats) =>
        Run(repeats, output => Native.ut_bench_matmul(Tensor.H(a), Tensor.H(b), iterations, repeats, output));

    /// <summary>Times conv2d (stride 1, padding 1), mean and backward, accumulating into the weight's and bias's gradients.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="weight">[out, C, k, k], requiring grad.</param>
    /// <param name="bias">[out], requiring grad.</param>
    /// <param name="iterations">Iterations per timing.</param>
    /// <param name="repeats">Timings.</param>
    public static double[] Conv2dTrain(Tensor input, Tensor weight, Tensor bias, long iterations, int repeats) =>
        Run(repeats, output => Native.ut_bench_conv2d_train(Tensor.H(input), Tensor.H(weight), Tensor.H(bias), iterations, repeats, output));

    private delegate int Bench(Span<double> output);

    private static double[] Run(int repeats, Bench bench)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        var output = new double[repeats];
        NativeError.Check(bench(output));
        return output;
    }
}

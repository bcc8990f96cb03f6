using UniCode.Torch.Diagnostics;

namespace UniCode.Torch.Tests.Diagnostics;

// The benchmarks' numbers are measured elsewhere (unicode bench ops); here only what they return and do.
public sealed class NativeBenchmarksTests
{
    [Fact]
    public void Each_benchmark_returns_one_positive_timing_per_repeat()
    {
        using var scope = new DisposeScope();
        var a = Tensor.Ones(8, 8);
        Assert.All(NativeBenchmarks.Add(a, a, iterations: 10, repeats: 3), t => Assert.True(t > 0));
        Assert.Equal(3, NativeBenchmarks.MatMul(a, a, iterations: 2, repeats: 3).Length);
        NativeBenchmarks.Noop(a);
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeBenchmarks.Add(a, a, 1, 0));
        Assert.Throws<TorchException>(() => NativeBenchmarks.MatMul(a, Tensor.Ones(3, 3), 1, 1));
    }

    [Fact]
    public void The_conv2d_training_benchmark_accumulates_gradients()
    {
        using var scope = new DisposeScope();
        var input = Tensor.Ones(1, 2, 4, 4);
        var weight = Tensor.Ones([3, 2, 3, 3], requiresGrad: true);
        var bias = Tensor.Zeros([3], requiresGrad: true);
        NativeBenchmarks.Conv2dTrain(input, weight, bias, iterations: 2, repeats: 1);
        Assert.NotNull(weight.Grad);
        Assert.True(bias.Grad!.Abs().Sum().ToDouble() > 0);
    }
}

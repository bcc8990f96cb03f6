using UniCode.Torch.NN;
using UniCode.Torch.Optim;

namespace UniCode.Torch.Tests.Optim;

public sealed class GradientClippingTests
{
    private static (Parameter A, Parameter B) WithGradients(double[] a, double[] b)
    {
        using var scope = new DisposeScope();
        var pa = new Parameter(Tensor.Zeros([a.Length], DType.Float64));
        var pb = new Parameter(Tensor.Zeros([b.Length], DType.Float64));
        pa.Grad = Tensor.From(a);
        pb.Grad = Tensor.From(b);
        return (pa, pb);
    }

    [Fact]
    public void ClipGradNorm_returns_the_total_norm_and_scales_gradients_down_to_the_limit()
    {
        using var scope = new DisposeScope();
        var (a, b) = WithGradients([3.0, 0.0], [4.0]);
        var norm = GradientClipping.ClipGradNorm([a, b], maxNorm: 1);
        Assert.Equal(5.0, norm, 12);
        TensorAssert.Close([0.6, 0], a.Grad!, 1e-6);
        TensorAssert.Close([0.8], b.Grad!, 1e-6);
        Assert.Equal(1.0, Math.Sqrt(a.Grad!.Square().Sum().ToDouble() + b.Grad!.Square().Sum().ToDouble()), 5);
        a.Dispose();
        b.Dispose();
    }

    [Fact]
    public void Gradients_below_the_limit_are_unchanged()
    {
        using var scope = new DisposeScope();
        var (a, b) = WithGradients([3.0, 0.0], [4.0]);
        Assert.Equal(5.0, GradientClipping.ClipGradNorm([a, b], maxNorm: 10), 12);
        TensorAssert.Equal([3, 0], a.Grad!);
        TensorAssert.Equal([4], b.Grad!);
        a.Dispose();
        b.Dispose();
    }

    [Fact]
    public void Other_norms_and_missing_gradients_are_handled()
    {
        using var scope = new DisposeScope();
        var (a, b) = WithGradients([3.0, -6.0], [4.0]);
        Assert.Equal(6.0, GradientClipping.ClipGradNorm([a, b], 3, double.PositiveInfinity), 12);
        TensorAssert.Close([1.5, -3], a.Grad!, 1e-6);
        b.Grad = Tensor.From([-4.0]);
        Assert.Equal(4.0, GradientClipping.ClipGradNorm([b], 100, 1), 12);
        using var noGrad = new Parameter(Tensor.Zeros(2));
        Assert.Equal(0.0, GradientClipping.ClipGradNorm([noGrad], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipGradNorm([a], -1));
        a.Dispose();
        b.Dispose();
    }
}

using UniCode.Torch.Diagnostics;

namespace UniCode.Torch.Tests;

// Autograd's gradients of tensor ops against central finite differences in float64.
public sealed class TensorGradientTests
{
    private static Tensor Input(Generator g, params long[] shape) => Tensor.Randn(shape, g, DType.Float64, requiresGrad: true);

    private static void Check(Func<Tensor[], Tensor> function, params Tensor[] inputs) =>
        TensorAssert.Passes(GradientCheck.Run(function, inputs));

    [Fact]
    public void Matmul_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(1);
        Check(x => x[0].MatMul(x[1]), Input(g, 3, 4), Input(g, 4, 2));
        Check(x => x[0].MatMul(x[1]), Input(g, 2, 2, 3), Input(g, 3)); // batched matrix times vector
        Check(x => x[0].Bmm(x[1]), Input(g, 2, 2, 3), Input(g, 2, 3, 2));
        Check(x => Tensor.Einsum("ij,jk->ik", x[0], x[1]), Input(g, 2, 3), Input(g, 3, 2));
    }

    [Fact]
    public void Gather_gradient_scatters_back_to_the_picked_places()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(2);
        var index = Tensor.FromArray(new long[,] { { 2, 0, 2 }, { 1, 1, 3 } }); // repeats accumulate
        Check(x => x[0].Gather(1, x[1]), Input(g, 2, 4), index);
        Check(x => x[0].IndexSelect(0, x[1]), Input(g, 3, 2), Tensor.From([2L, 0L, 2L]));
    }

    [Fact]
    public void Softmax_and_log_softmax_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(3);
        Check(x => x[0].Softmax(-1), Input(g, 2, 5));
        Check(x => x[0].LogSoftmax(0), Input(g, 4, 2));
        Check(x => x[0].LogSumExp(1), Input(g, 3, 3));
    }

    [Fact]
    public void Activation_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(4);
        Check(x => x[0].Gelu(), Input(g, 8));
        Check(x => x[0].Silu(), Input(g, 8));
        Check(x => x[0].Tanh() + x[0].Sigmoid(), Input(g, 8));
        Check(x => (x[0].Square() + 0.5).Sqrt().Log() + (x[0].Square() + 1).Rsqrt(), Input(g, 6));
    }

    [Fact]
    public void Straight_through_estimator_gradient_is_the_identity()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([0.1, 0.62, -0.37, 1.13]).RequiresGradInPlace();
        var weights = Tensor.From([1.0, -2.0, 3.0, 0.5]);

        // x + (q - x).Detach() with q = round(2x) / 2. Detach means the residual q - x is a constant:
        // with it held fixed, finite differences see the identity (here under a smooth tanh downstream).
        var residual = ((x.Detach() * 2).Round() / 2) - x.Detach();
        Check(i => (i[0] + i[1].Detach()).Tanh() * weights, x, residual);

        // Through the real estimator, the forward value is q and the gradient reaching x is the downstream
        // gradient at q, unchanged: w (1 - tanh(q)^2).
        var estimated = x + (((x * 2).Round() / 2) - x).Detach();
        double[] q = [0, 0.5, -0.5, 1];
        TensorAssert.Close(q, estimated, 1e-15);
        var gradient = Autograd.Grad([(estimated.Tanh() * weights).Sum()], [x])[0]!;
        var w = weights.ToArray<double>();
        TensorAssert.Close(q.Select((v, i) => w[i] * (1 - (Math.Tanh(v) * Math.Tanh(v)))).ToArray(), gradient, 1e-12);
    }

    [Fact]
    public void Reductions_and_shape_ops_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(5);
        Check(x => x[0].Mean(1) * x[0].Sum(0).Sum(), Input(g, 3, 4));
        Check(x => x[0].Var([1]) + x[0].Std([0], correction: 0).Sum(), Input(g, 3, 4));
        Check(x => x[0].Norm(), Input(g, 5));
        Check(x => x[0].Permute(2, 0, 1).Reshape(4, 6)[1.., ..3].CumSum(1), Input(g, 2, 3, 4));
        Check(x => Tensor.Cat([x[0], x[1] * 2], 1).Chunk(2, 1)[1], Input(g, 2, 3), Input(g, 2, 3));
        Check(x => Tensor.Where(x[0] > 0, x[0].Square(), x[1]), Input(g, 6), Input(g, 6));
        Check(x => x[0].ScatterAdd(0, Tensor.From([0L, 2L, 0L]), x[1]), Input(g, 3), Input(g, 3));
        Check(x => x[0].IndexAdd(0, Tensor.From([1L, 1L]), x[1], 0.5), Input(g, 3, 2), Input(g, 2, 2));
    }
}

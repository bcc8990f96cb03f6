using UniCode.Torch.Diagnostics;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Torch.Tests.NN;

// Autograd's gradients of the layer functions against central finite differences in float64.
public sealed class FunctionalGradientTests
{
    private static Tensor Input(Generator g, params long[] shape) => Tensor.Randn(shape, g, DType.Float64, requiresGrad: true);

    private static void Check(Func<Tensor[], Tensor> function, params Tensor[] inputs) =>
        TensorAssert.Passes(GradientCheck.Run(function, inputs));

    [Fact]
    public void Linear_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(1);
        Check(x => F.Linear(x[0], x[1], x[2]), Input(g, 3, 4), Input(g, 2, 4), Input(g, 2));
        Check(x => F.Linear(x[0], x[1]), Input(g, 2, 2, 3), Input(g, 4, 3));
        Check(x => F.Linear(x[0], x[1], x[2]), Input(g, 1, 1, 4), Input(g, 2, 4), Input(g, 2)); // one row: a matrix-vector product
    }

    [Fact]
    public void MaskedAttention_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(12);
        var hidden = Tensor.Ones([3, 3], DType.Bool).Triu(1);
        Check(x => F.MaskedAttention(x[0], x[1], x[2], hidden, 0.5), Input(g, 1, 2, 3, 4), Input(g, 1, 2, 3, 4), Input(g, 1, 2, 3, 2));
        Check(x => F.MaskedAttention(x[0], x[1], x[2], hidden.Narrow(0, 2, 1), 0.5), Input(g, 2, 2, 1, 4), Input(g, 2, 2, 3, 4), Input(g, 2, 2, 3, 2)); // one query
    }

    [Fact]
    public void Conv2d_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(2);
        Check(x => F.Conv2d(x[0], x[1], x[2], stride: 2, padding: 1), Input(g, 1, 2, 5, 5), Input(g, 3, 2, 3, 3), Input(g, 3));
        Check(x => F.Conv2d(x[0], x[1], groups: 2, dilation: 2, padding: 2), Input(g, 1, 4, 4, 4), Input(g, 2, 2, 3, 3));
    }

    [Fact]
    public void ConvTranspose2d_with_stride_two_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(3);
        Check(x => F.ConvTranspose2d(x[0], x[1], x[2], stride: 2, padding: 1, outputPadding: 1),
            Input(g, 1, 2, 3, 3), Input(g, 2, 3, 3, 3), Input(g, 3));
        Check(x => F.ConvTranspose2d(x[0], x[1], stride: 2), Input(g, 2, 2, 2, 2), Input(g, 2, 1, 4, 4));
    }

    [Fact]
    public void GroupNorm_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(4);
        Check(x => F.GroupNorm(x[0], 2, x[1], x[2]), Input(g, 2, 4, 3, 3), Input(g, 4), Input(g, 4));
    }

    [Fact]
    public void LayerNorm_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(5);
        Check(x => F.LayerNorm(x[0], [5], x[1], x[2]), Input(g, 3, 5), Input(g, 5), Input(g, 5));
        Check(x => F.LayerNorm(x[0], [2, 3]), Input(g, 2, 2, 3));
    }

    [Fact]
    public void RmsNorm_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(6);
        Check(x => F.RmsNorm(x[0], x[1]), Input(g, 3, 6), Input(g, 6));
        Check(x => F.RmsNorm(x[0], eps: 1e-3), Input(g, 2, 4));
    }

    [Fact]
    public void Embedding_gradient_with_respect_to_the_weight_matches_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(7);
        var ids = Tensor.FromArray(new long[,] { { 0, 3, 3 }, { 1, 0, 4 } }); // repeated ids accumulate
        Check(x => F.Embedding(x[0], x[1]), ids, Input(g, 5, 3));
    }

    [Fact]
    public void Softmax_and_log_softmax_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(8);
        Check(x => F.Softmax(x[0], 1), Input(g, 3, 4));
        Check(x => x[0].Softmax(0), Input(g, 3, 4));
        Check(x => F.LogSoftmax(x[0], -1), Input(g, 2, 5));
    }

    [Fact]
    public void CrossEntropy_with_ignore_index_and_label_smoothing_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(9);
        var targets = Tensor.From([1L, -100L, 4L, 0L]);
        Check(x => F.CrossEntropy(x[0], x[1], ignoreIndex: -100, labelSmoothing: 0.1), Input(g, 4, 5), targets);
        Check(x => F.CrossEntropy(x[0], x[1], reduction: Reduction.Sum), Input(g, 4, 5), targets);
        Check(x => F.CrossEntropy(x[0], x[1], weight: Tensor.From([1.0, 2.0, 0.5, 1.0, 3.0]), ignoreIndex: 4), Input(g, 4, 5), targets.Clamp(min: 0));

        // [N, C, d] logits with [N, d] targets, as a language model's per-position loss.
        Check(x => F.CrossEntropy(x[0], x[1]), Input(g, 2, 3, 4), Tensor.FromArray(new long[,] { { 0, 2, -100, 1 }, { 1, 1, 0, -100 } }));
    }

    [Fact]
    public void Regression_and_binary_losses_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(10);
        Check(x => F.MseLoss(x[0], x[1]), Input(g, 3, 4), Input(g, 3, 4));
        Check(x => F.MseLoss(x[0], x[1], Reduction.None), Input(g, 5), Tensor.Randn([5], g, DType.Float64));
        Check(x => F.BinaryCrossEntropyWithLogits(x[0], x[1]), Input(g, 6), Tensor.Rand([6], g, DType.Float64));
        Check(x => F.NllLoss(x[0].LogSoftmax(1), x[1]), Input(g, 3, 4), Tensor.From([3L, 0L, 1L]));
    }

    [Fact]
    public void Gelu_and_silu_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(11);
        Check(x => x[0].Gelu(), Input(g, 10));
        Check(x => x[0].Gelu(tanhApproximation: true), Input(g, 10));
        Check(x => x[0].Silu(), Input(g, 10));
        Check(x => x[0].Tanh() * x[0].Sigmoid(), Input(g, 10));
    }

    [Fact]
    public void Interpolation_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(12);
        Check(x => F.Interpolate(x[0], 6, 6, InterpolationMode.Nearest), Input(g, 1, 2, 3, 3));
        Check(x => F.Interpolate(x[0], 5, 7, InterpolationMode.Bilinear), Input(g, 1, 2, 3, 4));
        Check(x => F.Interpolate(x[0], 2, 3, InterpolationMode.Area), Input(g, 1, 2, 4, 6));
        Check(x => F.Interpolate(x[0], 3, 2, InterpolationMode.Area), Input(g, 1, 1, 5, 5)); // uneven windows
    }

    [Fact]
    public void Pooling_and_pixel_shuffle_gradients_match_finite_differences()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(13);
        Check(x => F.AvgPool2d(x[0], 2), Input(g, 1, 2, 4, 4));
        Check(x => F.AvgPool2d(x[0], 3, stride: 2, padding: 1), Input(g, 1, 1, 5, 5));
        Check(x => F.AdaptiveAvgPool2d(x[0], 1, 1), Input(g, 2, 2, 3, 3));
        Check(x => F.PixelShuffle(x[0], 2), Input(g, 1, 4, 2, 2));
    }

    [Fact]
    public void Padding_gradients_match_finite_differences_in_every_mode()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(14);
        Check(x => F.Pad(x[0], [1, 2, 0, 1], PaddingMode.Constant, 3), Input(g, 1, 2, 3, 3));
        Check(x => F.Pad(x[0], [2, 1, 1, 2], PaddingMode.Reflect), Input(g, 1, 2, 3, 4));
        Check(x => F.Pad(x[0], [2, 1, 1, 2], PaddingMode.Replicate), Input(g, 1, 2, 3, 3));
        Check(x => F.Pad(x[0], [1, 1, 1, 1], PaddingMode.Circular), Input(g, 1, 1, 3, 3));
    }
}

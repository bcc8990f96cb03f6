using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Torch.Tests.NN;

// Known values of the layer functions, computed by hand.
public sealed class FunctionalTests
{
    private static Tensor Image(params double[] values)
    {
        var side = (long)Math.Sqrt(values.Length);
        return Tensor.From(values, 1, 1, side, side);
    }

    [Fact]
    public void Linear_computes_x_times_W_transposed_plus_b()
    {
        using var scope = new DisposeScope();
        var x = Tensor.FromArray(new double[,] { { 1, 2 } });
        var w = Tensor.FromArray(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        TensorAssert.Equal([11, 22, 33], F.Linear(x, w, Tensor.From([10.0, 20.0, 30.0])));
        TensorAssert.Equal([1, 2, 3], F.Linear(x, w));
        // One row of a batch of sequences (a decoding step) keeps its leading dimensions.
        var step = F.Linear(x.Reshape(1, 1, 2), w, Tensor.From([10.0, 20.0, 30.0]));
        TensorAssert.Is([1, 1, 3], DType.Float64, step);
        TensorAssert.Equal([11, 22, 33], step);
    }

    [Fact]
    public void Conv2d_of_a_known_kernel_gives_window_sums()
    {
        using var scope = new DisposeScope();
        var x = Image(1, 2, 3, 4, 5, 6, 7, 8, 9);
        var ones = Tensor.Ones([1, 1, 2, 2], DType.Float64);
        TensorAssert.Equal([12, 16, 24, 28], F.Conv2d(x, ones));
        TensorAssert.Equal([13, 17, 25, 29], F.Conv2d(x, ones, Tensor.From([1.0])));
        Assert.Equal([1L, 1, 2, 2], F.Conv2d(x, Tensor.Ones([1, 1, 3, 3], DType.Float64), stride: 2, padding: 1).Shape);

        // A transposed convolution with stride 2 and a 2x2 kernel of ones repeats each pixel in a 2x2 block.
        var up = F.ConvTranspose2d(Image(1, 2, 3, 4), ones, stride: 2);
        TensorAssert.Equal([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4], up);
    }

    [Fact]
    public void Normalisations_give_zero_mean_unit_variance_values()
    {
        using var scope = new DisposeScope();
        var s = Math.Sqrt((2 / 3.0) + 1e-5);
        TensorAssert.Close([-1 / s, 0, 1 / s], F.LayerNorm(Tensor.From([1.0, 2.0, 3.0]), [3]), 1e-12);
        TensorAssert.Close([(-2 / s) + 1, 1, (2 / s) + 1],
            F.LayerNorm(Tensor.From([1.0, 2.0, 3.0]), [3], Tensor.From([2.0, 2.0, 2.0]), Tensor.From([1.0, 1.0, 1.0])), 1e-12);

        // One group over 2 channels of 2 values each: mean 2.5, variance 1.25.
        var g = Math.Sqrt(1.25 + 1e-5);
        var grouped = F.GroupNorm(Tensor.From([1.0, 2, 3, 4], 1, 2, 2), 1);
        TensorAssert.Close([-1.5 / g, -0.5 / g, 0.5 / g, 1.5 / g], grouped, 1e-12);
        // Two groups: each channel alone.
        TensorAssert.Close([-1, 1, -1, 1], F.GroupNorm(Tensor.From([1.0, 2, 3, 4], 1, 2, 2), 2, eps: 0), 1e-12);

        var rms = Math.Sqrt(12.5);
        TensorAssert.Close([3 / rms, 4 / rms], F.RmsNorm(Tensor.From([3.0, 4.0]), eps: 0), 1e-12);
        TensorAssert.Close([3 / rms, 8 / rms], F.RmsNorm(Tensor.From([3.0, 4.0]), Tensor.From([1.0, 2.0]), eps: 0), 1e-12);
    }

    [Fact]
    public void BatchNorm_in_training_uses_batch_statistics_and_updates_running_ones()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1.0, 3.0], 2, 1);
        var runningMean = Tensor.Zeros([1], DType.Float64);
        var runningVar = Tensor.Ones([1], DType.Float64);
        TensorAssert.Close([-1, 1], F.BatchNorm(x, runningMean, runningVar, training: true, eps: 0), 1e-12);
        TensorAssert.Close([0.2], runningMean, 1e-12); // 0.9 * 0 + 0.1 * 2
        TensorAssert.Close([1.1], runningVar, 1e-12); // 0.9 * 1 + 0.1 * 2 (unbiased)
        TensorAssert.Close([(1 - 0.2) / Math.Sqrt(1.1), (3 - 0.2) / Math.Sqrt(1.1)], F.BatchNorm(x, runningMean, runningVar, eps: 0), 1e-12);
    }

    [Fact]
    public void CrossEntropy_by_hand_with_ignore_index_and_label_smoothing()
    {
        using var scope = new DisposeScope();
        var logits = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 1, 1, 1 }, { 0, 0, 2 } });
        var targets = Tensor.From([2L, -100L, 0L]);
        double LogSumExp(params double[] v) => Math.Log(v.Sum(Math.Exp));
        var nll0 = LogSumExp(1, 2, 3) - 3;
        var nll2 = LogSumExp(0, 0, 2) - 0;

        Assert.Equal((nll0 + nll2) / 2, F.CrossEntropy(logits, targets).ToDouble(), 12); // the ignored row does not count
        Assert.Equal(nll0 + nll2, F.CrossEntropy(logits, targets, reduction: Reduction.Sum).ToDouble(), 12);

        // Smoothing eps: (1 - eps) * nll + eps * mean over classes of -log p.
        const double eps = 0.1;
        var uniform0 = ((3 * LogSumExp(1, 2, 3)) - 6) / 3;
        var uniform2 = ((3 * LogSumExp(0, 0, 2)) - 2) / 3;
        var smoothed = F.CrossEntropy(logits, targets, reduction: Reduction.None, labelSmoothing: eps);
        TensorAssert.Close([((1 - eps) * nll0) + (eps * uniform0), 0, ((1 - eps) * nll2) + (eps * uniform2)], smoothed, 1e-12);

        // Class weights weight both the sum and the count of the mean.
        var weighted = F.CrossEntropy(logits, targets, weight: Tensor.From([2.0, 1.0, 1.0]));
        Assert.Equal(((1 * nll0) + (2 * nll2)) / 3, weighted.ToDouble(), 12);
        Assert.Equal(nll0, F.NllLoss(logits.LogSoftmax(1)[..1], targets[..1]).ToDouble(), 12);
    }

    [Fact]
    public void CrossEntropy_accepts_class_probabilities_as_targets()
    {
        using var scope = new DisposeScope();
        var logits = Tensor.FromArray(new double[,] { { 0, Math.Log(3) } }); // p = [0.25, 0.75]
        var soft = Tensor.FromArray(new double[,] { { 0.5, 0.5 } });
        Assert.Equal(-0.5 * (Math.Log(0.25) + Math.Log(0.75)), F.CrossEntropy(logits, soft).ToDouble(), 12);
    }

    [Fact]
    public void Regression_and_binary_losses_give_known_values()
    {
        using var scope = new DisposeScope();
        var a = Tensor.From([1.0, 2.0, 4.0]);
        var b = Tensor.From([1.0, 0.0, 1.0]);
        Assert.Equal(13 / 3.0, F.MseLoss(a, b).ToDouble(), 12);
        Assert.Equal(13.0, F.MseLoss(a, b, Reduction.Sum).ToDouble(), 12);
        TensorAssert.Equal([0, 4, 9], F.MseLoss(a, b, Reduction.None));
        Assert.Equal(5 / 3.0, F.L1Loss(a, b).ToDouble(), 12);

        // BCE with logits: -[y log s(x) + (1 - y) log(1 - s(x))].
        var x = Tensor.From([0.0, 2.0]);
        var y = Tensor.From([1.0, 0.0]);
        var expected = (Math.Log(2) + Math.Log(1 + Math.Exp(2))) / 2;
        Assert.Equal(expected, F.BinaryCrossEntropyWithLogits(x, y).ToDouble(), 12);
        Assert.Equal((3 * Math.Log(2)) + Math.Log(1 + Math.Exp(2)), F.BinaryCrossEntropyWithLogits(x, y, positiveWeight: Tensor.From([3.0, 3.0]), reduction: Reduction.Sum).ToDouble(), 12);
    }

    [Fact]
    public void Pad_fills_with_a_constant_a_mirror_or_the_edge()
    {
        using var scope = new DisposeScope();
        var row = Tensor.From([1.0, 2.0, 3.0], 1, 1, 3);
        TensorAssert.Equal([9, 1, 2, 3, 9, 9], F.Pad(row, [1, 2], PaddingMode.Constant, 9));
        TensorAssert.Equal([0, 1, 2, 3], F.Pad(row, [1, 0]));
        TensorAssert.Equal([3, 2, 1, 2, 3, 2], F.Pad(row, [2, 1], PaddingMode.Reflect));
        TensorAssert.Equal([1, 1, 1, 2, 3, 3], F.Pad(row, [2, 1], PaddingMode.Replicate));
        TensorAssert.Equal([2, 3, 1, 2, 3, 1], F.Pad(row, [2, 1], PaddingMode.Circular));

        // Two dimensions: (left, right, top, bottom).
        var padded = F.Pad(Image(1, 2, 3, 4), [0, 1, 1, 0], PaddingMode.Replicate);
        Assert.Equal([1L, 1, 3, 3], padded.Shape);
        TensorAssert.Equal([1, 2, 2, 1, 2, 2, 3, 4, 4], padded);
        Assert.Throws<TorchException>(() => F.Pad(row, [3, 0], PaddingMode.Reflect)); // a reflection needs pad < size
    }

    [Fact]
    public void Interpolate_nearest_repeats_and_picks_pixels()
    {
        using var scope = new DisposeScope();
        var x = Image(0, 1, 2, 3);
        TensorAssert.Equal([0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3], F.Interpolate(x, 4, 4));
        TensorAssert.Equal([0, 0, 1, 0, 0, 1, 2, 2, 3], F.Interpolate(x, 3, 3));
        TensorAssert.Equal([0, 2, 8, 10], F.Interpolate(Image([.. Enumerable.Range(0, 16).Select(i => (double)i)]), 2, 2));
    }

    [Fact]
    public void Interpolate_bilinear_blends_neighbours_without_aligned_corners()
    {
        using var scope = new DisposeScope();
        var up = F.Interpolate(Image(0, 1, 2, 3), 4, 4, InterpolationMode.Bilinear);
        TensorAssert.Close([0, 0.25, 0.75, 1, 0.5, 0.75, 1.25, 1.5, 1.5, 1.75, 2.25, 2.5, 2, 2.25, 2.75, 3], up, 1e-12);
    }

    [Fact]
    public void Interpolate_area_and_avg_pool_give_block_means()
    {
        using var scope = new DisposeScope();
        var x = Image([.. Enumerable.Range(0, 16).Select(i => (double)i)]);
        TensorAssert.Equal([2.5, 4.5, 10.5, 12.5], F.Interpolate(x, 2, 2, InterpolationMode.Area));
        TensorAssert.Equal([2.5, 4.5, 10.5, 12.5], F.AvgPool2d(x, 2));
        TensorAssert.Equal([7.5], F.AdaptiveAvgPool2d(x, 1, 1));
        TensorAssert.Equal([5, 7, 13, 15], F.MaxPool2d(x, 2));

        // Padding counts as zeros in the divisor: the corner window sums 0+1+4+5 over 9.
        var padded = F.AvgPool2d(x, 3, stride: 1, padding: 1);
        Assert.Equal([1L, 1, 4, 4], padded.Shape);
        Assert.Equal(10 / 9.0, padded[0, 0, 0, 0].ToDouble(), 12);
        Assert.Equal(5.0, padded[0, 0, 1, 1].ToDouble(), 12);
    }

    [Fact]
    public void PixelShuffle_moves_channels_into_space_and_back()
    {
        using var scope = new DisposeScope();
        var x = Tensor.Arange(0, 8, dtype: DType.Float64).View(1, 8, 1, 1);
        var shuffled = F.PixelShuffle(x, 2);
        Assert.Equal([1L, 2, 2, 2], shuffled.Shape);
        TensorAssert.Equal([0, 1, 2, 3, 4, 5, 6, 7], shuffled);
        TensorAssert.Close(x, F.PixelUnshuffle(shuffled, 2), 0);
    }

    [Fact]
    public void Embedding_picks_rows_by_id()
    {
        using var scope = new DisposeScope();
        var table = Tensor.FromArray(new double[,] { { 0, 0 }, { 1, 10 }, { 2, 20 } });
        var rows = F.Embedding(Tensor.FromArray(new long[,] { { 2, 1 }, { 1, 1 } }), table);
        Assert.Equal([2L, 2, 2], rows.Shape);
        TensorAssert.Equal([2, 20, 1, 10, 1, 10, 1, 10], rows);
    }

    [Fact]
    public void Dropout_zeroes_and_rescales_in_training_and_is_the_identity_otherwise()
    {
        using var scope = new DisposeScope();
        var x = Tensor.Ones(10000);
        var dropped = F.Dropout(x, 0.25);
        var values = dropped.ToArray<float>();
        Assert.All(values, v => Assert.True(v == 0 || Math.Abs(v - (1 / 0.75)) < 1e-6));
        Assert.InRange(values.Count(v => v == 0), 2200, 2800);
        Assert.True(F.Dropout(x, 0.25, training: false).Equal(x));
        Assert.True(F.Dropout(x, 0).Equal(x));
        Assert.Throws<ArgumentOutOfRangeException>(() => F.Dropout(x, 1.5));
    }
}

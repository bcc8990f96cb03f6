using UniCode.Kit.Evaluation.Reconstruction;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation;

public sealed class ReconstructionMetricsTests
{
    [Theory]
    [InlineData(1, 23.53821449466875, 0.9230644945438679)]
    [InlineData(3, 23.677481234445818, 0.9139428506160976)]
    public void Psnr_and_ssim_match_skimage(int channels, double psnr, double ssim)
    {
        using var scope = new DisposeScope();
        var (x, y) = TestPatterns.Pair(channels);
        Assert.Equal(psnr, Psnr.Compute(y, x), 9);
        Assert.Equal(ssim, Ssim.Compute(y, x), 9);
    }

    [Fact]
    public void Identical_images_have_infinite_psnr_and_ssim_one()
    {
        using var scope = new DisposeScope();
        var (x, _) = TestPatterns.Pair(3);
        Assert.True(double.IsPositiveInfinity(Psnr.Compute(x, x)));
        Assert.Equal(1.0, Ssim.Compute(x, x), 12);
    }

    [Fact]
    public void Psnr_of_a_uniform_error_follows_the_definition()
    {
        using var scope = new DisposeScope();
        var a = Tensor.Zeros([2, 1, 4, 4], DType.Float64);
        var b = Tensor.Full([2, 1, 4, 4], 0.1, DType.Float64);
        Assert.Equal(20.0, Psnr.Compute(a, b), 9); // 10 log10(1 / 0.01)
        Assert.Equal(20.0, Psnr.Compute(a * 255, b * 255, dataRange: 255), 9);
    }

    [Fact]
    public void Mismatched_or_small_images_are_rejected()
    {
        using var scope = new DisposeScope();
        Assert.Throws<ArgumentException>(() => Psnr.Compute(Tensor.Zeros(1, 1, 4, 4), Tensor.Zeros(1, 1, 4, 5)));
        var e = Assert.Throws<ArgumentException>(() => Ssim.Compute(Tensor.Zeros(1, 1, 8, 8), Tensor.Zeros(1, 1, 8, 8)));
        Assert.Contains("11x11", e.Message);
    }
}

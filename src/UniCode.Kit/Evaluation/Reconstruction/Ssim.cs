using UniCode.Torch;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Evaluation.Reconstruction;

/// <summary>
/// Structural similarity (Wang et al. 2004) with their 11x11 Gaussian window (σ = 1.5), K1 = 0.01, K2 = 0.03, computed
/// per channel over the window positions inside the image and averaged: the settings of
/// skimage.metrics.structural_similarity(gaussian_weights=True, sigma=1.5, use_sample_covariance=False).
/// </summary>
public static class Ssim
{
    private const double Sigma = 1.5;
    private const int Radius = 5; // ⌊3.5σ + 0.5⌋, as scipy's gaussian_filter truncates

    /// <summary>The mean SSIM over the batch, in [-1, 1] (1 for identical images).</summary>
    /// <param name="reconstruction">[B, C, H, W] pixels (H, W ≥ 11).</param>
    /// <param name="target">[B, C, H, W] pixels on the same scale.</param>
    /// <param name="dataRange">The pixels' range (1 for [0, 1] images).</param>
    public static double Compute(Tensor reconstruction, Tensor target, double dataRange = 1.0) => PerImage(reconstruction, target, dataRange).Average();

    /// <summary>The SSIM of each image (averaged over its channels and window positions).</summary>
    /// <param name="reconstruction">[B, C, H, W] pixels (H, W ≥ 11).</param>
    /// <param name="target">[B, C, H, W] pixels on the same scale.</param>
    /// <param name="dataRange">The pixels' range.</param>
    public static double[] PerImage(Tensor reconstruction, Tensor target, double dataRange = 1.0)
    {
        ImagePair.Check(reconstruction, target);
        OptionCheck.Positive(dataRange, nameof(dataRange));
        var shape = reconstruction.Shape;
        if (shape[2] < (2 * Radius) + 1 || shape[3] < (2 * Radius) + 1)
        {
            throw new ArgumentException($"SSIM's 11x11 window needs images of at least 11x11, not {shape[2]}x{shape[3]}");
        }

        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        var channels = shape[1];
        var window = Window(channels);
        Tensor Blur(Tensor t) => F.Conv2d(t, window, groups: channels); // "valid": only windows inside the image

        var x = reconstruction.Double();
        var y = target.Double();
        var (c1, c2) = (Math.Pow(0.01 * dataRange, 2), Math.Pow(0.03 * dataRange, 2));
        var (muX, muY) = (Blur(x), Blur(y));
        var varX = Blur(x * x) - (muX * muX);
        var varY = Blur(y * y) - (muY * muY);
        var covXY = Blur(x * y) - (muX * muY);
        var map = ((2 * muX * muY) + c1) * ((2 * covXY) + c2) / (((muX * muX) + (muY * muY) + c1) * (varX + varY + c2)); // (B, C, h, w)
        return map.Flatten(1).Mean(1).ToArray<double>();
    }

    private static Tensor Window(long channels)
    {
        var taps = Enumerable.Range(-Radius, (2 * Radius) + 1).Select(i => Math.Exp(-(i * i) / (2 * Sigma * Sigma))).ToArray();
        var sum = taps.Sum();
        var size = taps.Length;
        var kernel = new double[channels, 1, size, size];
        for (var c = 0; c < channels; c++)
        {
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j < size; j++)
                {
                    kernel[c, 0, i, j] = taps[i] * taps[j] / (sum * sum);
                }
            }
        }

        return Tensor.FromArray(kernel);
    }
}

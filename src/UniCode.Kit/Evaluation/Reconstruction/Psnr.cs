using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Reconstruction;

/// <summary>Peak signal-to-noise ratio of reconstructions, in decibels.</summary>
public static class Psnr
{
    /// <summary>
    /// 10 log10(range² / MSE) per image, averaged over the batch (the convention of the tokenizer papers' tables).
    /// An exact reconstruction has infinite PSNR.
    /// </summary>
    /// <param name="reconstruction">[B, C, H, W] pixels.</param>
    /// <param name="target">[B, C, H, W] pixels on the same scale.</param>
    /// <param name="dataRange">The pixels' range (1 for [0, 1] images).</param>
    public static double Compute(Tensor reconstruction, Tensor target, double dataRange = 1.0)
    {
        var perImage = PerImage(reconstruction, target, dataRange);
        return perImage.Average();
    }

    /// <summary>The PSNR of each image of the batch, in decibels.</summary>
    /// <param name="reconstruction">[B, C, H, W] pixels.</param>
    /// <param name="target">[B, C, H, W] pixels on the same scale.</param>
    /// <param name="dataRange">The pixels' range.</param>
    public static double[] PerImage(Tensor reconstruction, Tensor target, double dataRange = 1.0)
    {
        ImagePair.Check(reconstruction, target);
        OptionCheck.Positive(dataRange, nameof(dataRange));
        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        var mse = (reconstruction.Double() - target.Double()).Square().Flatten(1).Mean(1).ToArray<double>(); // (B)
        return [.. mse.Select(m => m == 0 ? double.PositiveInfinity : 10 * Math.Log10(dataRange * dataRange / m))];
    }
}

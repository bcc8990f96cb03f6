using UniCode.Kit.Data;
using UniCode.Kit.Evaluation.Distributions;
using UniCode.Kit.Evaluation.Features;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Generation;

/// <summary>
/// The Fréchet Inception Distance (Heusel et al. 2017) with the kit's feature CNN in Inception's place: the Fréchet
/// distance between Gaussians fitted to the penultimate features of real and generated images. One entry point
/// serves every generation setting: class-conditioned Fashion-MNIST (all classes' samples against the test set),
/// unconditional one-class Fashion-MNIST (that class's samples against its real images) and text-conditioned
/// Emoji/Shapes (samples from captions against the captions' images), each with the feature net of its dataset: a
/// <see cref="FeatureCnn"/> for Fashion-MNIST and Emoji, the <see cref="Shapes.ShapesAttributeNet"/> for Shapes.
/// </summary>
/// <remarks>FID depends on the sample sizes (it is biased upwards for small sets): compare FIDs only at equal sizes.</remarks>
public static class Fid
{
    // A fixed seed: the same images give the same error (the bootstrap's draws are not the experiment's randomness).
    private const ulong BootstrapSeed = 0xF1D;

    /// <summary>The FID between <paramref name="real"/> and <paramref name="generated"/>.</summary>
    /// <param name="net">A trained feature net (its channels and size are the images'): a <see cref="FeatureCnn"/> or a Shapes attribute net.</param>
    /// <param name="real">[N, C, S, S] real images in [0, 1], N ≥ 2.</param>
    /// <param name="generated">[M, C, S, S] generated images in [0, 1], M ≥ 2.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <param name="resamples">Bootstrap resamples of the generated images for <see cref="FidResult.StandardError"/>
    /// (0: none; 20-50 give a usable spread).</param>
    public static FidResult Compute(IFeatureNet net, Tensor real, Tensor generated, int batchSize = 256, int resamples = 0)
    {
        ArgumentNullException.ThrowIfNull(net);
        ImageSetCheck.Require(real, net, nameof(real), minCount: 2);
        ImageSetCheck.Require(generated, net, nameof(generated), minCount: 2);
        using var realStatistics = Statistics(net, real, batchSize);
        return Compute(realStatistics, net, generated, batchSize, resamples);
    }

    /// <summary>The FID of <paramref name="generated"/> against statistics of the real images computed once
    /// (<see cref="Statistics"/>), for evaluating several models against one reference.</summary>
    /// <param name="real">The real images' feature statistics.</param>
    /// <param name="net">The feature net that computed them.</param>
    /// <param name="generated">[M, C, S, S] generated images in [0, 1], M ≥ 2.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <param name="resamples">Bootstrap resamples of the generated images for <see cref="FidResult.StandardError"/> (0: none).</param>
    public static FidResult Compute(GaussianStatistics real, IFeatureNet net, Tensor generated, int batchSize = 256, int resamples = 0)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(net);
        ImageSetCheck.Require(generated, net, nameof(generated), minCount: 2);
        if (real.Dim != net.FeatureDim)
        {
            throw new ArgumentException($"the real statistics have dimension {real.Dim}; the feature net's features have {net.FeatureDim}", nameof(real));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        if (resamples == 1)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "a bootstrap standard error needs at least 2 resamples (or 0 for none)");
        }

        using var features = FeatureExtraction.Features(net, generated, batchSize);
        using var fake = GaussianStatistics.Of(features);
        var error = resamples == 0 ? (double?)null : BootstrapError(real, features, resamples);
        return new FidResult(FrechetDistance.Compute(real, fake), real.Count, fake.Count, error);
    }

    /// <summary>
    /// The standard deviation of the FID over <paramref name="resamples"/> draws, with replacement, of the generated
    /// features: the spread another set of samples from the same model would show. The real statistics stay fixed,
    /// because every row of a table is measured against the same real images.
    /// </summary>
    /// <param name="real">The real images' statistics.</param>
    /// <param name="generated">[M, d] features of the generated images.</param>
    /// <param name="resamples">How many draws, at least 2.</param>
    public static double BootstrapError(GaussianStatistics real, Tensor generated, int resamples)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);
        var count = (int)generated.Shape[0];
        var random = new SeededRandom(BootstrapSeed);
        var values = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var picks = new long[count];
            for (var i = 0; i < count; i++)
            {
                picks[i] = random.NextInt(count);
            }

            using var index = Tensor.From(picks, count);
            using var sample = generated.IndexSelect(0, index);
            using var statistics = GaussianStatistics.Of(sample);
            values[r] = FrechetDistance.Compute(real, statistics);
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (resamples - 1));
    }


    /// <summary>The Gaussian statistics of the net's features of <paramref name="images"/>.</summary>
    /// <param name="net">A trained feature net.</param>
    /// <param name="images">[N, C, S, S] images in [0, 1], N ≥ 2.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public static GaussianStatistics Statistics(IFeatureNet net, Tensor images, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(net);
        ImageSetCheck.Require(images, net, nameof(images), minCount: 2);
        using var features = FeatureExtraction.Features(net, images, batchSize);
        return GaussianStatistics.Of(features);
    }
}

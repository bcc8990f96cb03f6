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
    /// <summary>The FID between <paramref name="real"/> and <paramref name="generated"/>.</summary>
    /// <param name="net">A trained feature net (its channels and size are the images'): a <see cref="FeatureCnn"/> or a Shapes attribute net.</param>
    /// <param name="real">[N, C, S, S] real images in [0, 1], N ≥ 2.</param>
    /// <param name="generated">[M, C, S, S] generated images in [0, 1], M ≥ 2.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public static FidResult Compute(IFeatureNet net, Tensor real, Tensor generated, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(net);
        ImageSetCheck.Require(real, net, nameof(real), minCount: 2);
        ImageSetCheck.Require(generated, net, nameof(generated), minCount: 2);
        using var realStatistics = Statistics(net, real, batchSize);
        return Compute(realStatistics, net, generated, batchSize);
    }

    /// <summary>The FID of <paramref name="generated"/> against statistics of the real images computed once
    /// (<see cref="Statistics"/>), for evaluating several models against one reference.</summary>
    /// <param name="real">The real images' feature statistics.</param>
    /// <param name="net">The feature net that computed them.</param>
    /// <param name="generated">[M, C, S, S] generated images in [0, 1], M ≥ 2.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public static FidResult Compute(GaussianStatistics real, IFeatureNet net, Tensor generated, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(net);
        ImageSetCheck.Require(generated, net, nameof(generated), minCount: 2);
        if (real.Dim != net.FeatureDim)
        {
            throw new ArgumentException($"the real statistics have dimension {real.Dim}; the feature net's features have {net.FeatureDim}", nameof(real));
        }

        using var fake = Statistics(net, generated, batchSize);
        return new FidResult(FrechetDistance.Compute(real, fake), real.Count, fake.Count);
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

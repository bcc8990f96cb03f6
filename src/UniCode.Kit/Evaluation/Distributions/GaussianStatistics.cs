using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Distributions;

/// <summary>The mean and covariance of a set of feature vectors, in float64: what a Fréchet distance compares.</summary>
public sealed class GaussianStatistics : IDisposable
{
    /// <summary>Wraps a mean and a covariance (taking ownership of both).</summary>
    /// <param name="mean">[d] float64.</param>
    /// <param name="covariance">[d, d] float64, symmetric.</param>
    /// <param name="count">How many vectors they were computed from.</param>
    public GaussianStatistics(Tensor mean, Tensor covariance, long count)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        var (m, c) = (mean.Shape, covariance.Shape);
        if (m.Length != 1 || c.Length != 2 || c[0] != m[0] || c[1] != m[0])
        {
            throw new ArgumentException($"Gaussian statistics are a [d] mean and a [d, d] covariance, not [{string.Join(", ", m)}] and [{string.Join(", ", c)}]");
        }

        Mean = mean.Double().DetachFromScope();
        Covariance = covariance.Double().DetachFromScope();
        Count = count;
    }

    /// <summary>μ, [d] float64.</summary>
    public Tensor Mean { get; }

    /// <summary>Σ, [d, d] float64.</summary>
    public Tensor Covariance { get; }

    /// <summary>How many vectors they summarise.</summary>
    public long Count { get; }

    /// <summary>d.</summary>
    public long Dim => Mean.Shape[0];

    /// <summary>The sample mean and the unbiased sample covariance (N − 1, as numpy.cov and pytorch-fid) of
    /// <paramref name="features"/>.</summary>
    /// <param name="features">[N, d], N ≥ 2.</param>
    public static GaussianStatistics Of(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var shape = features.Shape;
        if (shape.Length != 2 || shape[0] < 2)
        {
            throw new ArgumentException($"Gaussian statistics need [N, d] features with N ≥ 2, not [{string.Join(", ", shape)}]", nameof(features));
        }

        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        var x = features.Double();
        var mean = x.Mean(0);
        var centred = x - mean;
        var covariance = centred.T.Mm(centred) / (shape[0] - 1);
        return new GaussianStatistics(mean, covariance, shape[0]);
    }

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        Mean.Dispose();
        Covariance.Dispose();
    }
}

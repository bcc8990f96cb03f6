using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Distributions;

/// <summary>
/// The Fréchet distance between two Gaussians, d² = ||μ1 − μ2||² + Tr(Σ1 + Σ2 − 2 (Σ1 Σ2)^½), the quantity FID reports
/// (Heusel et al. 2017) on the features of a fixed network.
/// </summary>
/// <remarks>
/// Computed in float64 with a symmetric square root: Tr (Σ1 Σ2)^½ = Tr (Σ1^½ Σ2 Σ1^½)^½, both roots by
/// eigendecomposition of symmetric positive semi-definite matrices (eigenvalues below zero, which only rounding
/// makes, are clipped to 0). This avoids scipy.linalg.sqrtm's complex results on nearly singular covariances.
/// </remarks>
public static class FrechetDistance
{
    /// <summary>d² between two sets of statistics.</summary>
    /// <param name="a">The first Gaussian.</param>
    /// <param name="b">The second Gaussian (same dimension).</param>
    public static double Compute(GaussianStatistics a, GaussianStatistics b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Dim != b.Dim)
        {
            throw new ArgumentException($"the two Gaussians have dimensions {a.Dim} and {b.Dim}");
        }

        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        var meanTerm = (a.Mean - b.Mean).Square().Sum().Item<double>();
        var rootA = SymmetricSqrt(a.Covariance);
        var product = rootA.Mm(b.Covariance).Mm(rootA);
        var (eigenvalues, _) = Symmetrize(product).Eigh();
        var traceRoot = eigenvalues.Clamp(min: 0).Sqrt().Sum().Item<double>();
        var trace = Trace(a.Covariance) + Trace(b.Covariance);
        return Math.Max(0, meanTerm + trace - (2 * traceRoot));
    }

    /// <summary>d² between the Gaussians fitted to two feature sets.</summary>
    /// <param name="a">[N, d] features.</param>
    /// <param name="b">[M, d] features.</param>
    public static double Compute(Tensor a, Tensor b)
    {
        using var sa = GaussianStatistics.Of(a);
        using var sb = GaussianStatistics.Of(b);
        return Compute(sa, sb);
    }

    private static Tensor SymmetricSqrt(Tensor matrix)
    {
        var (values, vectors) = Symmetrize(matrix).Eigh();
        return vectors.Mul(values.Clamp(min: 0).Sqrt().Unsqueeze(0)).Mm(vectors.T); // V diag(√λ) Vᵀ
    }

    private static double Trace(Tensor matrix)
    {
        using var eye = Tensor.Eye(matrix.Shape[0], dtype: DType.Float64);
        using var diagonal = matrix * eye;
        using var sum = diagonal.Sum();
        return sum.Item<double>();
    }

    private static Tensor Symmetrize(Tensor matrix) => (matrix + matrix.T) * 0.5;
}

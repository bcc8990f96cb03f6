using UniCode.Kit.Evaluation.Distributions;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation;

public sealed class FrechetDistanceTests
{
    [Fact]
    public void Diagonal_gaussians_follow_the_closed_form()
    {
        using var scope = new DisposeScope();
        double[] m1 = [0, 1, 2], m2 = [1, -1, 0.5], v1 = [2, 1, 0.5], v2 = [1, 4, 0.25];
        using var a = new GaussianStatistics(Tensor.FromArray(m1), Diagonal(v1), 100);
        using var b = new GaussianStatistics(Tensor.FromArray(m2), Diagonal(v2), 100);
        var expected = m1.Zip(m2).Sum(p => Math.Pow(p.First - p.Second, 2)) + v1.Zip(v2).Sum(p => Math.Pow(Math.Sqrt(p.First) - Math.Sqrt(p.Second), 2));
        Assert.Equal(expected, FrechetDistance.Compute(a, b), 10);
    }

    [Fact]
    public void General_gaussians_match_scipy_sqrtm()
    {
        using var scope = new DisposeScope();
        using var a = new GaussianStatistics(
            Tensor.FromArray(new double[] { 0, 1, 2 }), Tensor.FromArray(new double[,] { { 2, 0.5, 0.1 }, { 0.5, 1, 0.3 }, { 0.1, 0.3, 0.5 } }), 10);
        using var b = new GaussianStatistics(
            Tensor.FromArray(new double[] { 1, -1, 0.5 }), Tensor.FromArray(new double[,] { { 1, -0.2, 0 }, { -0.2, 2, 0.4 }, { 0, 0.4, 1.5 } }), 10);
        Assert.Equal(8.061841260114523, FrechetDistance.Compute(a, b), 10);
    }

    [Fact]
    public void The_distance_of_a_set_to_itself_is_zero_and_grows_with_a_shift()
    {
        using var scope = new DisposeScope();
        using var generator = new Generator(1);
        var features = Tensor.Randn([500, 8], generator, DType.Float64);
        Assert.Equal(0, FrechetDistance.Compute(features, features), 8);
        // Shifting every feature by 0.5 moves only the mean term: 8 * 0.25.
        Assert.Equal(2.0, FrechetDistance.Compute(features, features + 0.5), 8);
    }

    [Fact]
    public void Statistics_are_the_sample_mean_and_unbiased_covariance()
    {
        using var scope = new DisposeScope();
        using var stats = GaussianStatistics.Of(Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 6 }, { 5, 4 } }));
        Assert.Equal(new double[] { 3, 4 }, stats.Mean.ToArray<double>());
        Assert.Equal(new double[] { 4, 2, 2, 4 }, stats.Covariance.ToArray<double>());
        Assert.Throws<ArgumentException>(() => GaussianStatistics.Of(Tensor.Zeros(1, 3)));
    }

    private static Tensor Diagonal(double[] values)
    {
        var m = new double[values.Length, values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            m[i, i] = values[i];
        }

        return Tensor.FromArray(m);
    }
}

using UniCode.Kit.Evaluation.Distributions;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Evaluation.Generation;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation.Generation;

public sealed class FidTests
{
    [Fact]
    public void The_fid_of_a_set_to_itself_is_zero()
    {
        using var scope = new DisposeScope();
        using var net = TinyFeatureNet.Create();
        var images = TinyFeatureNet.Images(64, seed: 1);
        var result = Fid.Compute(net, images, images, batchSize: 16);
        Assert.Equal(0, result.Value, 6);
        Assert.Equal((64L, 64L), (result.RealCount, result.GeneratedCount));
    }

    [Fact]
    public void The_fid_is_the_frechet_distance_of_the_nets_features()
    {
        using var scope = new DisposeScope();
        using var net = TinyFeatureNet.Create();
        var real = TinyFeatureNet.Images(80, seed: 2);
        var generated = TinyFeatureNet.Images(50, seed: 3, low: 0.2, range: 0.6);
        var expected = FrechetDistance.Compute(FeatureExtraction.Features(net, real), FeatureExtraction.Features(net, generated));
        Assert.True(expected > 0);
        Assert.Equal(expected, Fid.Compute(net, real, generated).Value, 9);
        using var statistics = Fid.Statistics(net, real);
        Assert.Equal(expected, Fid.Compute(statistics, net, generated).Value, 9);
    }

    [Fact]
    public void Two_samples_of_one_distribution_are_closer_than_samples_of_two()
    {
        using var scope = new DisposeScope();
        using var net = TinyFeatureNet.Create();
        var real = TinyFeatureNet.Images(200, seed: 4);
        var same = Fid.Compute(net, real, TinyFeatureNet.Images(200, seed: 5)).Value;
        var darker = Fid.Compute(net, real, TinyFeatureNet.Images(200, seed: 5, range: 0.5)).Value;
        Assert.True(darker > 3 * same, $"FID to darker images {darker} should exceed FID to the same distribution {same}");
    }

    [Fact]
    public void Features_shifted_by_a_constant_move_only_the_mean_term()
    {
        // The FID-level closed form: with one feature set Gaussian and the other the same set shifted by δ in every
        // coordinate, the covariances cancel and d² = d·δ².
        using var scope = new DisposeScope();
        using var generator = new Generator(6);
        var features = Tensor.Randn([400, 16], generator, DType.Float64);
        using var a = GaussianStatistics.Of(features);
        using var b = GaussianStatistics.Of(features + 0.25);
        Assert.Equal(16 * 0.0625, FrechetDistance.Compute(a, b), 8);
    }

    [Fact]
    public void Too_few_or_misshapen_images_are_rejected_naming_the_set()
    {
        using var scope = new DisposeScope();
        using var net = TinyFeatureNet.Create();
        var good = TinyFeatureNet.Images(4, seed: 7);
        var one = Assert.Throws<ArgumentException>(() => Fid.Compute(net, good, TinyFeatureNet.Images(1, seed: 8)));
        Assert.Equal("generated", one.ParamName);
        Assert.Contains("at least 2", one.Message, StringComparison.Ordinal);
        var colour = Assert.Throws<ArgumentException>(() => Fid.Compute(net, Tensor.Zeros(4, 3, 16, 16), good));
        Assert.Equal("real", colour.ParamName);
        Assert.Contains("[N, 1, 16, 16]", colour.Message, StringComparison.Ordinal);
        Assert.Equal("real", Assert.Throws<ArgumentException>(() => Fid.Compute(net, Tensor.Zeros(4, 1, 32, 32), good)).ParamName);
        Assert.Equal("generated", Assert.Throws<ArgumentException>(() => Fid.Compute(net, good, Tensor.Zeros(16, 16))).ParamName);
    }

    [Fact]
    public void The_bootstrap_error_matches_the_spread_of_fids_over_independent_samples()
    {
        // Ground truth by simulation: 30 independent sets of 200 from one shifted Gaussian scatter their FIDs around
        // the mean with some standard deviation; the bootstrap over any one set should estimate it.
        using var scope = new DisposeScope();
        using var generator = new Generator(11);
        using var real = GaussianStatistics.Of(Tensor.Randn([4000, 8], generator, DType.Float64));
        var sets = Enumerable.Range(0, 30).Select(_ => Tensor.Randn([200, 8], generator, DType.Float64) + 0.3).ToList();
        var fids = sets.Select(set => FrechetDistance.Compute(real, GaussianStatistics.Of(set))).ToList();
        var mean = fids.Average();
        var spread = Math.Sqrt(fids.Sum(f => (f - mean) * (f - mean)) / (fids.Count - 1));

        var estimates = sets.Take(5).Select(set => Fid.BootstrapError(real, set, resamples: 40)).ToList();

        Assert.All(estimates, e => Assert.InRange(e, spread / 2, spread * 2));
        Assert.Equal(estimates[0], Fid.BootstrapError(real, sets[0], resamples: 40));
    }

    [Fact]
    public void A_fid_with_resamples_carries_its_standard_error_and_one_without_does_not()
    {
        using var scope = new DisposeScope();
        using var net = TinyFeatureNet.Create();
        var real = TinyFeatureNet.Images(80, seed: 12);
        var generated = TinyFeatureNet.Images(60, seed: 13, low: 0.2, range: 0.6);

        var plain = Fid.Compute(net, real, generated);
        var measured = Fid.Compute(net, real, generated, resamples: 10);

        Assert.Null(plain.StandardError);
        Assert.True(measured.StandardError > 0, $"standard error {measured.StandardError}");
        Assert.Equal(plain.Value, measured.Value, 9);
        Assert.Contains(" ± ", measured.ToString(), StringComparison.Ordinal);
        Assert.Equal("resamples", Assert.Throws<ArgumentOutOfRangeException>(() => Fid.Compute(net, real, generated, resamples: 1)).ParamName);
    }
}

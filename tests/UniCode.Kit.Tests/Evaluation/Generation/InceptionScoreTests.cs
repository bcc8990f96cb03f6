using UniCode.Kit.Evaluation.Generation;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation.Generation;

public sealed class InceptionScoreTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Confident_predictions_spread_evenly_over_c_classes_score_c(int classes)
    {
        using var scope = new DisposeScope();
        var probabilities = OneHot([.. Enumerable.Range(0, 5 * classes).Select(i => i % classes)], classes);
        var result = InceptionScore.FromProbabilities(probabilities);
        Assert.Equal(classes, result.Mean, 9);
        Assert.Equal(0, result.Std);
    }

    [Fact]
    public void Identical_predictions_score_one_however_sharp()
    {
        using var scope = new DisposeScope();
        Assert.Equal(1, InceptionScore.FromProbabilities(OneHot([3, 3, 3, 3], 5)).Mean, 12);
        Assert.Equal(1, InceptionScore.FromProbabilities(Tensor.Full([6, 4], 0.25, DType.Float64)).Mean, 12);
    }

    [Fact]
    public void A_hand_computed_case_matches_the_definition()
    {
        // Rows (0.5, 0.5) and (1, 0): p(y) = (0.75, 0.25); KL1 = 0.5 ln(0.5/0.75) + 0.5 ln(0.5/0.25), KL2 = ln(1/0.75).
        using var scope = new DisposeScope();
        var probabilities = Tensor.FromArray(new double[,] { { 0.5, 0.5 }, { 1, 0 } });
        var kl = ((0.5 * Math.Log(0.5 / 0.75)) + (0.5 * Math.Log(2)) + Math.Log(1 / 0.75)) / 2;
        Assert.Equal(Math.Exp(kl), InceptionScore.FromProbabilities(probabilities).Mean, 12);
    }

    [Fact]
    public void Splits_are_scored_alone_and_summarised_by_mean_and_std()
    {
        // First half: two classes evenly (IS 2); second half: one class (IS 1). Mean 1.5, population std 0.5.
        using var scope = new DisposeScope();
        var result = InceptionScore.FromProbabilities(OneHot([0, 1, 0, 1, 2, 2, 2, 2], 3), splits: 2);
        Assert.Equal((1.5, 0.5, 2, 8), (Math.Round(result.Mean, 9), Math.Round(result.Std, 9), result.Splits, result.Count));
        Assert.Equal("IS 1.50 ± 0.50 (8 images, 2 splits)", result.ToString());
    }

    [Fact]
    public void The_net_entry_point_scores_the_nets_softmax()
    {
        using var scope = new DisposeScope();
        using var net = TinyFeatureNet.Create();
        var images = TinyFeatureNet.Images(20, seed: 1);
        var probabilities = ClassProbabilities.Of(net, images, batchSize: 8);
        Assert.Equal(new long[] { 20, 10 }, probabilities.Shape);
        var expected = InceptionScore.FromProbabilities(probabilities, splits: 2);
        var result = InceptionScore.Compute(net, images, new InceptionScoreOptions { Splits = 2, BatchSize = 8 });
        Assert.Equal(expected.Mean, result.Mean, 12);
        Assert.InRange(result.Mean, 1, 10);
    }

    [Fact]
    public void Bad_inputs_are_rejected_naming_them()
    {
        using var scope = new DisposeScope();
        using var net = TinyFeatureNet.Create();
        var few = Assert.Throws<ArgumentException>(() => InceptionScore.Compute(net, TinyFeatureNet.Images(5, seed: 2)));
        Assert.Equal("images", few.ParamName);
        Assert.Contains("at least 10", few.Message, StringComparison.Ordinal);
        var logits = Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(Tensor.FromArray(new double[,] { { 2, -1 } })));
        Assert.Contains("probabilities row 0", logits.Message, StringComparison.Ordinal);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(OneHot([0, 1], 2), splits: 3)).ParamName);
    }

    private static Tensor OneHot(int[] classes, int count)
    {
        var values = new double[classes.Length, count];
        for (var i = 0; i < classes.Length; i++)
        {
            values[i, classes[i]] = 1;
        }

        return Tensor.FromArray(values);
    }
}

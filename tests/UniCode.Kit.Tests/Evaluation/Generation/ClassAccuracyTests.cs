using UniCode.Kit.Evaluation.Generation;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation.Generation;

public sealed class ClassAccuracyTests
{
    [Fact]
    public void A_hand_made_case_counts_argmax_hits_overall_and_per_class()
    {
        using var scope = new DisposeScope();
        // Argmax per row: 0, 2, 1, 1, 2. Asked: 0, 1, 1, 1, 2 → rows 0, 2, 3, 4 right.
        var scores = Tensor.FromArray(new double[,] { { 3, 1, 0 }, { 0, 1, 5 }, { -1, 2, 1 }, { 0.1, 0.3, 0.2 }, { 0, 0, 9 } });
        var result = ClassAccuracy.FromScores(scores, [0, 1, 1, 1, 2]);
        Assert.Equal((4, 5), (result.Correct, result.Count));
        Assert.Equal(0.8, result.Accuracy, 12);
        Assert.Equal(new Dictionary<long, double> { [0] = 1, [1] = 2.0 / 3, [2] = 1 }, result.PerClass);
        Assert.Equal("class accuracy 80.0% (4 of 5 images, 3 classes asked)", result.ToString());
    }

    [Fact]
    public void The_net_entry_point_judges_by_the_nets_argmax()
    {
        using var scope = new DisposeScope();
        using var net = TinyFeatureNet.Create();
        var images = TinyFeatureNet.Images(12, seed: 3);
        long[] predicted;
        using (Autograd.NoGrad())
        {
            predicted = net.Forward(images).ArgMax(1).ToArray<long>();
        }

        Assert.Equal(1.0, ClassAccuracy.Compute(net, images, predicted, batchSize: 5).Accuracy);
        long[] wrong = [.. predicted.Select(p => (p + 1) % 10)];
        Assert.Equal(0.0, ClassAccuracy.Compute(net, images, wrong).Accuracy);
    }

    [Fact]
    public void Mismatched_lengths_and_unknown_classes_are_rejected_naming_them()
    {
        using var scope = new DisposeScope();
        using var net = TinyFeatureNet.Create();
        var images = TinyFeatureNet.Images(3, seed: 4);
        Assert.Equal("classes", Assert.Throws<ArgumentException>(() => ClassAccuracy.Compute(net, images, [0, 1])).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => ClassAccuracy.Compute(net, images, [0, 1, 10])).ParamName);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => ClassAccuracy.Compute(net, Tensor.Zeros(0, 1, 16, 16), [])).ParamName);
    }
}

using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Evaluation.Generation;
using UniCode.Kit.Training.Features;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation.Generation;

/// <summary>The generation metrics with a feature net trained on Fashion-MNIST, on real images standing in for samples.</summary>
public sealed class TrainedFeatureNetMetricsTests : IDisposable
{
    private static readonly FeatureCnnOptions Options = new() { ImageSize = 16, Width = 16, FeatureDim = 32, Steps = 120, BatchSize = 64 };

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"unicode-fid-{Guid.NewGuid():N}");

    [Fact]
    public void One_class_samples_are_closer_to_their_class_than_to_another_and_are_classified_as_it()
    {
        var fashion = new FashionMnistOptions { Size = 16 };
        var train = FashionMnist.Load(FashionMnistSplit.Train, fashion);
        var test = FashionMnist.Load(FashionMnistSplit.Test, fashion);
        var (net, _) = FeatureNets.LoadOrTrain(DatasetSubset.Sample(train, 2000, seed: 4), Options, new ArtifactCache(folder));
        using (net)
        {
            using var scope = new DisposeScope();
            // The unconditional one-class setting: real trousers (class 1) against "samples" that are other trousers or sneakers (class 7).
            var realTrousers = Images(test, 1, 150);
            var trousers = Images(train, 1, 150);
            var sneakers = Images(train, 7, 150);
            var same = Fid.Compute(net, realTrousers, trousers);
            var other = Fid.Compute(net, realTrousers, sneakers);
            Assert.True(other.Value > 2 * same.Value, $"trousers vs trousers {same}; trousers vs sneakers {other}");

            // The class-conditioned setting: images "generated" for the class they show are mostly classified as it.
            var asked = Enumerable.Repeat(1L, 150).Concat(Enumerable.Repeat(7L, 150)).ToArray();
            var accuracy = ClassAccuracy.Compute(net, Tensor.Cat([trousers, sneakers]), asked);
            Assert.True(accuracy.Accuracy > 0.8, accuracy.ToString());
            var swapped = ClassAccuracy.Compute(net, Tensor.Cat([sneakers, trousers]), asked);
            Assert.True(swapped.Accuracy < 0.2, swapped.ToString());

            // Two confidently told classes score an IS near 2; one class alone near 1.
            var mixed = InceptionScore.Compute(net, Tensor.Cat([trousers, sneakers]), new InceptionScoreOptions { Splits = 1 });
            var single = InceptionScore.Compute(net, trousers, new InceptionScoreOptions { Splits = 1 });
            Assert.True(mixed.Mean > 1.5 && single.Mean < 1.3, $"two classes {mixed}; one class {single}");
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Tensor Images(FashionMnist dataset, long label, int count)
    {
        var indices = Enumerable.Range(0, dataset.Count).Where(i => dataset.LabelAt(i) == label).Take(count);
        return FeatureExtraction.FirstImages(new DatasetSubset(dataset, indices), count);
    }
}

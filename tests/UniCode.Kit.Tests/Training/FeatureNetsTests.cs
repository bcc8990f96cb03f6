using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Training.Features;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Training;

public sealed class FeatureNetsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"unicode-features-{Guid.NewGuid():N}");

    private static readonly FeatureCnnOptions Options = new() { ImageSize = 16, Width = 16, FeatureDim = 32, Steps = 120, BatchSize = 64 };

    [Fact]
    public void The_feature_net_learns_the_classes_and_is_cached_under_its_options()
    {
        var fashion = new FashionMnistOptions { Size = 16 };
        var train = DatasetSubset.Sample(FashionMnist.Load(FashionMnistSplit.Train, fashion), 2000, seed: 4);
        var test = DatasetSubset.Sample(FashionMnist.Load(FashionMnistSplit.Test, fashion), 500, seed: 4);
        var cache = new ArtifactCache(folder);
        var (net, artifact) = FeatureNets.LoadOrTrain(train, Options, cache);
        using (net)
        {
            Assert.False(artifact.Reused);
            using var scope = new DisposeScope();
            var images = FeatureExtraction.FirstImages(test, 500);
            var labels = Tensor.FromArray(Enumerable.Range(0, 500).Select(test.LabelAt).ToArray());
            using var noGrad = Autograd.NoGrad();
            var logits = net.Forward(images);
            var accuracy = logits.ArgMax(1).Eq(labels).Float().Mean().Item<float>();
            Assert.True(accuracy > 0.6, $"accuracy {accuracy:P1} after {Options.Steps} steps (chance 10%)");

            var (again, reused) = FeatureNets.LoadOrTrain(train, Options, cache);
            using (again)
            {
                Assert.True(reused.Reused);
                Assert.True(again.Forward(images).AllClose(logits, 1e-5, 1e-6));
            }

            var features = FeatureExtraction.Features(net, images, batchSize: 128);
            Assert.Equal(new long[] { 500, 32 }, features.Shape);
        }
    }

    [Fact]
    public void A_dataset_of_another_shape_is_rejected()
    {
        var train = DatasetSubset.Sample(FashionMnist.Load(FashionMnistSplit.Train), 100, seed: 1); // 32x32
        var e = Assert.Throws<ArgumentException>(() => FeatureNets.Train(train, Options));
        Assert.Contains("16x16", e.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using UniCode.Torch.NN;
using UniCode.Torch.Optim;
using Xunit.Abstractions;

namespace UniCode.Torch.Tests.Learning;

public sealed class FashionMnistCnnTests(ITestOutputHelper log)
{
    private const int TrainImages = 2000;
    private const int TestImages = 2000;

    /// <summary>conv-norm-relu-pool twice, then a two-layer classifier.</summary>
    private sealed class Cnn : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1;
        private readonly GroupNorm norm1;
        private readonly Conv2d conv2;
        private readonly GroupNorm norm2;
        private readonly Linear hidden;
        private readonly Linear classifier;

        public Cnn(Generator generator)
        {
            conv1 = new Conv2d(1, 24, 3, padding: 1, generator: generator);
            norm1 = new GroupNorm(4, 24);
            conv2 = new Conv2d(24, 48, 3, padding: 1, generator: generator);
            norm2 = new GroupNorm(4, 48);
            hidden = new Linear(48 * 7 * 7, 128, generator: generator);
            classifier = new Linear(128, 10, generator: generator);
            RegisterComponents();
        }

        public override Tensor Forward(Tensor input)
        {
            using var scope = new DisposeScope();
            var x = Functional.MaxPool2d(norm1.Forward(conv1.Forward(input)).Relu(), 2);
            x = Functional.MaxPool2d(norm2.Forward(conv2.Forward(x)).Relu(), 2);
            return classifier.Forward(hidden.Forward(x.Flatten(1)).Relu()).MoveToOuterScope();
        }
    }

    // uint8 [N, 28, 28] to float [N, 1, 28, 28] in [-1, 1].
    private static Tensor Prepare(Tensor images) => images.Unsqueeze(1).Float().Div(127.5).Sub(1);

    [Fact]
    public void A_small_cnn_trained_on_2000_images_classifies_the_test_set_above_85_percent()
    {
        var (trainImages, trainLabels) = FashionMnist.Load("train", TrainImages);
        var (testImages, testLabels) = FashionMnist.Load("t10k", TestImages);
        using var _ = trainImages;
        using var __ = trainLabels;
        using var ___ = testImages;
        using var ____ = testLabels;
        using var generator = new Generator(2024);
        using var model = new Cnn(generator);
        using var optimizer = new AdamW(model.Parameters(), new AdamWOptions { LearningRate = 2e-3, WeightDecay = 1e-2 });
        const int epochs = 20, batch = 64;
        const int stepsPerEpoch = (TrainImages + batch - 1) / batch;
        var scheduler = new LearningRateScheduler(optimizer, new WarmupCosineSchedule { WarmupSteps = 50, TotalSteps = epochs * stepsPerEpoch });

        using (var inputs = Prepare(trainImages))
        {
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                using var epochScope = new DisposeScope();
                var order = Tensor.RandPerm(TrainImages, generator);
                for (var start = 0; start < TrainImages; start += batch)
                {
                    using var stepScope = new DisposeScope();
                    var index = order.Narrow(0, start, Math.Min(batch, TrainImages - start));
                    var x = inputs.IndexSelect(0, index);
                    var flip = Tensor.Rand([index.NumElements], generator).Lt(0.5).View(-1, 1, 1, 1);
                    x = Tensor.Where(flip, x.Flip(3), x); // mirrored clothes are still the same class
                    optimizer.ZeroGrad();
                    Functional.CrossEntropy(model.Forward(x), trainLabels.IndexSelect(0, index)).Backward();
                    optimizer.Step();
                    scheduler.Step();
                }
            }
        }

        model.Eval();
        long correct = 0;
        using (Autograd.NoGrad())
        {
            for (var start = 0; start < TestImages; start += 500)
            {
                using var scope = new DisposeScope();
                var x = Prepare(testImages.Narrow(0, start, 500));
                correct += model.Forward(x).ArgMax(1).Eq(testLabels.Narrow(0, start, 500)).Sum().ToInt64();
            }
        }

        var accuracy = correct / (double)TestImages;
        log.WriteLine($"Fashion-MNIST test accuracy on {TestImages} images: {accuracy:P2}");
        Assert.True(accuracy > 0.85, $"test accuracy {accuracy:P1} is not above 85%");
    }

    [Fact]
    public void A_missing_dataset_fails_with_the_command_that_installs_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load("train", 10, "/nonexistent/fashion-mnist"));
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/fashion-mnist/train-images-idx3-ubyte.gz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dataset_files_hold_what_their_headers_say()
    {
        var (images, labels) = FashionMnist.Load("t10k", 10000);
        using var _ = images;
        using var __ = labels;
        TensorAssert.Is([10000, 28, 28], DType.UInt8, images);
        Assert.Equal(Enumerable.Repeat(1000L, 10), labels.Bincount().ToArray<long>()); // the test set is balanced
        Assert.Equal(255L, images.Max().ToInt64());
    }
}

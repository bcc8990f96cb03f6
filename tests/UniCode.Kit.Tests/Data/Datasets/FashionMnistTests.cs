using UniCode.Kit.Data;
using UniCode.Kit.Data.Batching;
using UniCode.Kit.Data.Datasets;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Data.Datasets;

public sealed class FashionMnistTests
{
    [Fact]
    public void The_Debian_files_hold_60000_training_and_10000_test_images_of_ten_balanced_classes()
    {
        var train = FashionMnist.Load(FashionMnistSplit.Train);
        var test = FashionMnist.Load(FashionMnistSplit.Test);
        Assert.Equal(60_000, train.Count);
        Assert.Equal(10_000, test.Count);
        var trainCounts = Enumerable.Range(0, train.Count).GroupBy(i => train.LabelAt(i)).ToDictionary(g => g.Key, g => g.Count());
        var testCounts = Enumerable.Range(0, test.Count).GroupBy(i => test.LabelAt(i)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), trainCounts.Keys.Order());
        Assert.All(trainCounts.Values, c => Assert.Equal(6000, c));
        Assert.All(testCounts.Values, c => Assert.Equal(1000, c));
    }

    [Fact]
    public void First_items_match_values_read_independently_from_the_files()
    {
        // Labels and pixel sums of the first images, read with Python's gzip module from the Debian files.
        var train = FashionMnist.Load(FashionMnistSplit.Train);
        var test = FashionMnist.Load(FashionMnistSplit.Test);
        Assert.Equal([9L, 0, 0, 3, 0, 2, 7, 2, 5, 5], Enumerable.Range(0, 10).Select(train.LabelAt));
        Assert.Equal([9L, 2, 1, 1, 6, 1, 4, 6, 5, 7], Enumerable.Range(0, 10).Select(test.LabelAt));
        Assert.Equal(76247, Sum(train.GetOriginal(0)));
        Assert.Equal(33456, Sum(test.GetOriginal(0)));
        Assert.Equal("Ankle boot", train.Get(0).Caption);
    }

    [Fact]
    public void Class_names_are_the_ten_Fashion_MNIST_classes_in_label_order()
    {
        Assert.Equal(
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            FashionMnist.Load(FashionMnistSplit.Test).ClassNames);
    }

    [Fact]
    public void Default_32x32_is_the_28x28_image_padded_by_two_black_pixels()
    {
        var test = FashionMnist.Load(FashionMnistSplit.Test);
        var original = test.GetOriginal(3);
        var image = test.Get(3).Image;
        Assert.Equal((32, 32, 1), (image.Height, image.Width, image.Channels));
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var inside = x is >= 2 and < 30 && y is >= 2 and < 30;
                Assert.Equal(inside ? original[x - 2, y - 2, 0] : (byte)0, image[x, y, 0]);
            }
        }

        var padOnly = FashionMnist.Load(FashionMnistSplit.Test, new FashionMnistOptions { Fit = FashionMnistFit.Pad });
        Assert.Equal(image.Pixels.ToArray(), padOnly.Get(3).Image.Pixels.ToArray());
    }

    [Fact]
    public void Resize_to_14_averages_two_by_two_blocks_and_three_channels_replicate_grey()
    {
        var test = FashionMnist.Load(FashionMnistSplit.Test, new FashionMnistOptions { Size = 14, Fit = FashionMnistFit.Resize, Channels = 3 });
        var original = test.GetOriginal(5);
        var image = test.Get(5).Image;
        Assert.Equal((14, 14, 3), (image.Height, image.Width, image.Channels));
        for (var y = 0; y < 14; y++)
        {
            for (var x = 0; x < 14; x++)
            {
                var mean = (original[2 * x, 2 * y, 0] + original[(2 * x) + 1, 2 * y, 0] + original[2 * x, (2 * y) + 1, 0] + original[(2 * x) + 1, (2 * y) + 1, 0]) / 4.0;
                Assert.InRange(image[x, y, 0], Math.Floor(mean), Math.Ceiling(mean));
                Assert.Equal(image[x, y, 0], image[x, y, 1]);
                Assert.Equal(image[x, y, 0], image[x, y, 2]);
            }
        }
    }

    [Fact]
    public void Pad_then_resize_keeps_the_garment_share_at_other_resolutions()
    {
        var at48 = FashionMnist.Load(FashionMnistSplit.Test, new FashionMnistOptions { Size = 48 }).Get(0).Image;
        Assert.Equal((48, 48), (at48.Height, at48.Width));
        // 2/32 of the side is border at 32, so 3 pixels at 48 stay black.
        for (var i = 0; i < 48; i++)
        {
            Assert.Equal(0, at48[i, 0, 0]);
            Assert.Equal(0, at48[0, i, 0]);
            Assert.Equal(0, at48[i, 47, 0]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            FashionMnist.Load(FashionMnistSplit.Test, new FashionMnistOptions { Size = 24, Fit = FashionMnistFit.Pad }));
    }

    [Fact]
    public void Batches_are_float_images_in_unit_range_and_int64_labels()
    {
        var test = FashionMnist.Load(FashionMnistSplit.Test);
        using var scope = new DisposeScope();
        using var batch = new ImageBatcher(test, new BatchOptions { BatchSize = 64, Seed = 1 }).Epoch(0).First();
        Assert.Equal([64L, 1, 32, 32], batch.Images.Shape);
        Assert.Equal(DType.Float32, batch.Images.DType);
        Assert.Equal(DType.Int64, batch.Labels.DType);
        Assert.InRange(batch.Images.Min().Item<float>(), 0f, 0f);
        Assert.InRange(batch.Images.Max().Item<float>(), 0.5f, 1f);
        Assert.All(batch.Labels.ToArray<long>(), l => Assert.InRange(l, 0, 9));
    }

    [Fact]
    public void A_missing_root_names_the_apt_package()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<DatasetNotInstalledException>(() =>
            FashionMnist.Load(FashionMnistSplit.Train, new FashionMnistOptions { Root = Path.Combine(temp.Path, "nowhere") }));
        Assert.Contains("dataset-fashion-mnist", error.Message);
        Assert.Contains("nowhere", error.Message);
        Assert.Equal("dataset-fashion-mnist", error.AptPackage);
    }

    [Fact]
    public void A_truncated_image_file_raises_an_error_naming_it()
    {
        using var temp = new TempFolder();
        var (images, labels) = FashionMnist.FilesOf(temp.Path, FashionMnistSplit.Test);
        IdxFileTests.WriteGz(labels, IdxFileTests.Idx([3], [1, 2, 3]));
        IdxFileTests.WriteGz(images, IdxFileTests.Idx([3, 28, 28], new byte[28 * 28 * 2]));
        var error = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(FashionMnistSplit.Test, new FashionMnistOptions { Root = temp.Path }));
        Assert.Contains(images, error.Message);
    }

    [Fact]
    public void Files_that_disagree_on_the_count_or_hold_bad_labels_are_errors()
    {
        using var temp = new TempFolder();
        var (images, labels) = FashionMnist.FilesOf(temp.Path, FashionMnistSplit.Test);
        IdxFileTests.WriteGz(images, IdxFileTests.Idx([2, 28, 28], new byte[28 * 28 * 2]));
        IdxFileTests.WriteGz(labels, IdxFileTests.Idx([3], [1, 2, 3]));
        var options = new FashionMnistOptions { Root = temp.Path };
        Assert.Contains(labels, Assert.Throws<InvalidDataException>(() => FashionMnist.Load(FashionMnistSplit.Test, options)).Message);
        IdxFileTests.WriteGz(labels, IdxFileTests.Idx([2], [1, 12]));
        Assert.Contains("label 12", Assert.Throws<InvalidDataException>(() => FashionMnist.Load(FashionMnistSplit.Test, options)).Message);
    }

    [Fact]
    public void Out_of_range_options_are_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FashionMnist.Load(FashionMnistSplit.Test, new FashionMnistOptions { Channels = 2 }));
        Assert.Contains("Channels", error.Message);
    }

    private static long Sum(RawImage image)
    {
        long sum = 0;
        foreach (var b in image.Pixels)
        {
            sum += b;
        }

        return sum;
    }
}

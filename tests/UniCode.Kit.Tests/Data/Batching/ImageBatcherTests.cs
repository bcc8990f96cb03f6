using UniCode.Kit.Data;
using UniCode.Kit.Data.Batching;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Data.Batching;

public sealed class ImageBatcherTests
{
    /// <summary>A tiny dataset whose pixels encode the index, so batches can be checked value by value.</summary>
    private sealed class Indexed(int count) : IImageDataset
    {
        public string Name => "indexed";

        public int Count => count;

        public int Height => 2;

        public int Width => 3;

        public int Channels => 1;

        public IReadOnlyList<string> ClassNames => ["even", "odd"];

        public long LabelAt(int index) => index % 2;

        public ImageExample Get(int index) =>
            new(RawImage.Filled(2, 3, (byte)index), index % 2, $"item {index}", [new QuestionAnswer(QuestionKind.Open, $"q{index}", $"a{index}")]);
    }

    [Fact]
    public void Batches_are_float_nchw_in_unit_range_with_int64_labels_and_strings()
    {
        using var scope = new DisposeScope();
        var batcher = new ImageBatcher(new Indexed(10), new BatchOptions { BatchSize = 4, Shuffle = false });
        var batches = batcher.Epoch(0).ToArray();
        Assert.Equal(3, batcher.BatchesPerEpoch);
        Assert.Equal([4, 4, 2], batches.Select(b => b.Count));
        var first = batches[0];
        Assert.Equal([4L, 1, 2, 3], first.Images.Shape);
        Assert.Equal(DType.Float32, first.Images.DType);
        Assert.Equal(DType.Int64, first.Labels.DType);
        Assert.Equal([0L, 1, 0, 1], first.Labels.ToArray<long>());
        Assert.Equal(3 / 255f, first.Images[3, 0, 1, 2].Item<float>(), 6);
        Assert.Equal(["item 0", "item 1", "item 2", "item 3"], first.Captions);
        Assert.Equal(["q0", "q1", "q2", "q3"], first.Questions);
        Assert.Equal(["a0", "a1", "a2", "a3"], first.Answers);
        foreach (var b in batches)
        {
            b.Dispose();
        }
    }

    [Fact]
    public void Shuffles_differ_across_epochs_but_repeat_for_the_same_seed()
    {
        var dataset = new Indexed(50);
        var a = new ImageBatcher(dataset, new BatchOptions { BatchSize = 8, Seed = 3 });
        var b = new ImageBatcher(dataset, new BatchOptions { BatchSize = 8, Seed = 3 });
        var c = new ImageBatcher(dataset, new BatchOptions { BatchSize = 8, Seed = 4 });
        static int[] Order(ImageBatcher batcher, int epoch)
        {
            var order = new List<int>();
            foreach (var batch in batcher.Epoch(epoch))
            {
                using (batch)
                {
                    order.AddRange(batch.Indices);
                }
            }

            return [.. order];
        }

        var epoch0 = Order(a, 0);
        Assert.Equal(Enumerable.Range(0, 50), epoch0.Order());
        Assert.Equal(epoch0, Order(b, 0));
        Assert.NotEqual(epoch0, Order(a, 1));
        Assert.Equal(Order(a, 1), Order(b, 1));
        Assert.NotEqual(epoch0, Order(c, 0));
        Assert.NotEqual(Enumerable.Range(0, 50), epoch0);
    }

    [Fact]
    public void Batch_images_hold_the_pixels_of_their_indices()
    {
        using var batch = new ImageBatcher(new Indexed(30), new BatchOptions { BatchSize = 7, Seed = 1 }).Epoch(2).First();
        var values = batch.Images.ToArray<float>();
        for (var k = 0; k < batch.Count; k++)
        {
            Assert.All(values.Skip(k * 6).Take(6), v => Assert.Equal(batch.Indices[k] / 255f, v, 6));
            Assert.Equal($"item {batch.Indices[k]}", batch.Captions[k]);
        }
    }

    [Fact]
    public void Drop_last_drops_the_partial_batch()
    {
        var batcher = new ImageBatcher(new Indexed(10), new BatchOptions { BatchSize = 4, DropLast = true });
        Assert.Equal(2, batcher.BatchesPerEpoch);
        var sizes = batcher.Epoch(0).Select(b =>
        {
            using (b)
            {
                return b.Count;
            }
        }).ToArray();
        Assert.Equal([4, 4], sizes);
    }

    [Fact]
    public void Disposing_frees_the_tensors_and_taken_tensors_stay_with_the_caller()
    {
        var batch = ImageBatcher.Collate(new Indexed(5), [4, 0]);
        var images = batch.Images;
        using var labels = batch.TakeLabels();
        batch.Dispose();
        batch.Dispose();
        Assert.True(images.IsDisposed);
        Assert.False(labels.IsDisposed);
        Assert.Equal([0L, 0], labels.ToArray<long>());
        Assert.Throws<ObjectDisposedException>(() => batch.Images);
    }

    [Fact]
    public void An_example_of_the_wrong_size_is_an_error_naming_the_dataset_and_index()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageBatcher.Collate(new Liar(), [0]));
        Assert.Contains("liar", error.Message);
        Assert.Contains("example 0", error.Message);
    }

    [Fact]
    public void Bad_batch_options_are_refused_by_name()
    {
        Assert.Contains("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSampler(10, new BatchOptions { BatchSize = 0 })).Message);
    }

    private sealed class Liar : IImageDataset
    {
        public string Name => "liar";

        public int Count => 1;

        public int Height => 4;

        public int Width => 4;

        public int Channels => 3;

        public IReadOnlyList<string> ClassNames => [];

        public long LabelAt(int index) => -1;

        public ImageExample Get(int index) => new(RawImage.Filled(2, 2, 0, 0, 0), -1, string.Empty, []);
    }
}

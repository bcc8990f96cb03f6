using UniCode.Kit.Data;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Data.Shapes;

namespace UniCode.Kit.Tests.Data;

public sealed class DatasetConcatTests
{
    [Fact]
    public void Indices_run_through_each_part_in_order_skipping_empty_ones()
    {
        var a = new ShapesDataset(new ShapesOptions { Size = 16, Count = 3, Seed = 1 });
        var empty = new ShapesDataset(new ShapesOptions { Size = 16, Count = 0, Seed = 2 });
        var b = new ShapesDataset(new ShapesOptions { Size = 16, Count = 2, Seed = 3 });

        var all = new DatasetConcat([a, empty, b]);

        Assert.Equal(5, all.Count);
        Assert.Equal(a.Get(2).Caption, all.Get(2).Caption);
        Assert.Equal(b.Get(0).Caption, all.Get(3).Caption);
        Assert.Equal(b.Get(1).Image.Pixels.ToArray(), all.Get(4).Image.Pixels.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => all.Get(5));
    }

    [Fact]
    public void Parts_of_another_size_or_other_classes_are_refused_by_name()
    {
        var small = new ShapesDataset(new ShapesOptions { Size = 16, Count = 2 });
        var large = new ShapesDataset(new ShapesOptions { Size = 24, Count = 2 });
        var fashion = FashionMnist.Load(FashionMnistSplit.Test, new FashionMnistOptions { Size = 16, Channels = 3 });

        var size = Assert.Throws<ArgumentException>(() => new DatasetConcat([small, large]));
        var classes = Assert.Throws<ArgumentException>(() => new DatasetConcat([small, fashion]));

        Assert.Contains("24x24", size.Message, StringComparison.Ordinal);
        Assert.Contains(fashion.Name, classes.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DatasetConcat([]));
    }
}

using UniCode.Kit.Data;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Data.Shapes;

namespace UniCode.Kit.Tests.Data;

public sealed class DatasetSubsetTests
{
    [Fact]
    public void Stratified_subsets_keep_class_proportions_exactly()
    {
        var test = FashionMnist.Load(FashionMnistSplit.Test);
        var subset = DatasetSubset.Sample(test, 500, seed: 1, SubsetSampling.Stratified);
        Assert.Equal(500, subset.Count);
        var perClass = Enumerable.Range(0, subset.Count).GroupBy(subset.LabelAt).Select(g => g.Count()).ToArray();
        Assert.Equal(10, perClass.Length);
        Assert.All(perClass, c => Assert.Equal(50, c));
        Assert.Equal(500, subset.Indices.Distinct().Count());
        Assert.Equal(subset.Indices.Order(), subset.Indices);
        Assert.Equal(test.Get(subset.Indices[7]).Image.Pixels.ToArray(), subset.Get(7).Image.Pixels.ToArray());
    }

    [Fact]
    public void Subsets_are_seeded()
    {
        var test = FashionMnist.Load(FashionMnistSplit.Test);
        foreach (var sampling in Enum.GetValues<SubsetSampling>())
        {
            var a = DatasetSubset.Sample(test, 100, 5, sampling).Indices;
            Assert.Equal(a, DatasetSubset.Sample(test, 100, 5, sampling).Indices);
            Assert.NotEqual(a, DatasetSubset.Sample(test, 100, 6, sampling).Indices);
        }
    }

    [Fact]
    public void Stratified_rounding_gives_the_remainder_to_the_largest_fractions()
    {
        var test = FashionMnist.Load(FashionMnistSplit.Test);
        var subset = DatasetSubset.Sample(test, 13, 0, SubsetSampling.Stratified);
        var perClass = Enumerable.Range(0, 10).Select(c => Enumerable.Range(0, 13).Count(i => subset.LabelAt(i) == c)).ToArray();
        // Equal classes: 1.3 each -> one each, and the 3 extra go to the lowest class indices on ties.
        Assert.Equal([2, 2, 2, 1, 1, 1, 1, 1, 1, 1], perClass);
    }

    [Fact]
    public void Uniform_subsets_work_without_labels_and_stratified_ones_need_them()
    {
        var shapes = new ShapesDataset(new ShapesOptions { Count = 40 });
        Assert.Equal(10, DatasetSubset.Sample(shapes, 10, 2, SubsetSampling.Uniform).Count);
        Assert.Throws<ArgumentException>(() => DatasetSubset.Sample(shapes, 10, 2, SubsetSampling.Stratified));
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSubset.Sample(shapes, 41, 2, SubsetSampling.Uniform));
    }
}

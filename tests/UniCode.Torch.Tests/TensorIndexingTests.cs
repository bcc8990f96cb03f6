namespace UniCode.Torch.Tests;

public sealed class TensorIndexingTests
{
    // x[i, j, k] = 100 i + 10 j + k, shape [2, 3, 4].
    private static Tensor Cube()
    {
        using var scope = new DisposeScope();
        var i = Tensor.Arange(2).View(2, 1, 1) * 100;
        var j = Tensor.Arange(3).View(1, 3, 1) * 10;
        var k = Tensor.Arange(4).View(1, 1, 4);
        return (i + j + k).MoveToOuterScope();
    }

    [Fact]
    public void Indexer_picks_slices_and_trims_like_python()
    {
        using var scope = new DisposeScope();
        var x = Cube();

        // x[0, :, 1:-1]
        var picked = x[0, .., 1..^1];
        Assert.Equal([3L, 2], picked.Shape);
        Assert.Equal([1L, 2, 11, 12, 21, 22], picked.Contiguous().ToArray<long>());

        Assert.Equal(123L, x[1, 2, 3].ToInt64());
        Assert.Empty(x[1, 2, 3].Shape);
        Assert.Equal([3L, 4], x[1].Shape);
        Assert.Equal([110L, 111, 112, 113], x[1, 1].ToArray<long>());
        Assert.Equal([2L, 2, 4], x[.., 1..].Shape);
        Assert.Equal([2L, 3, 1], x[.., .., ^1..].Shape);
        Assert.Equal([0L, 2], x[0, 0, TensorIndex.Slice(.., 2)].ToArray<long>());
        Assert.Equal([2L, 0, 4], x[.., 5.., ..].Shape); // out-of-range slices clamp, as Python's

        // The result is a view: writing through it changes x.
        x[0, 0].FillInPlace(-1);
        Assert.Equal([-1L, -1, -1, -1], x[0, 0].ToArray<long>());
    }

    [Fact]
    public void NewAxis_and_Ellipsis_insert_and_skip_dimensions()
    {
        using var scope = new DisposeScope();
        var x = Cube();
        Assert.Equal([1L, 2, 3, 4], x[TensorIndex.NewAxis].Shape);
        Assert.Equal([2L, 3, 1, 4], x[.., .., TensorIndex.NewAxis].Shape);
        Assert.Equal([2L, 3], x[TensorIndex.Ellipsis, 1].Shape);
        Assert.Equal([1L, 11, 21, 101, 111, 121], x[TensorIndex.Ellipsis, 1].Contiguous().ToArray<long>());
        Assert.Equal([3L, 4], x[1, TensorIndex.Ellipsis].Shape);
        Assert.Equal([1L, 2, 4], x[TensorIndex.NewAxis, TensorIndex.Ellipsis, 0, ..].Shape);
        Assert.Equal([2L, 3, 4], x[TensorIndex.Ellipsis].Shape);
        Assert.Equal([2L, 3, 4], x[..].Shape);
    }

    [Fact]
    public void Indexer_rejects_more_indices_than_dimensions_and_two_ellipses()
    {
        using var scope = new DisposeScope();
        var x = Cube();
        Assert.Throws<ArgumentException>(() => x[0, 0, 0, 0]);
        Assert.Throws<ArgumentException>(() => x[TensorIndex.Ellipsis, 0, TensorIndex.Ellipsis]);
        Assert.Throws<ArgumentOutOfRangeException>(() => TensorIndex.Slice(.., 0));
    }

    [Fact]
    public void IndexSelect_picks_rows_or_columns_in_the_given_order()
    {
        using var scope = new DisposeScope();
        var m = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        TensorAssert.Equal([4, 5, 6, 1, 2, 3, 4, 5, 6], m.IndexSelect(0, Tensor.From([1L, 0L, 1L])));
        TensorAssert.Equal([3, 1, 6, 4], m.IndexSelect(1, Tensor.From([2L, 0L])));
    }

    [Fact]
    public void Gather_picks_one_element_per_position_along_a_dim()
    {
        using var scope = new DisposeScope();
        var m = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var index = Tensor.FromArray(new long[,] { { 2, 0 }, { 1, 1 } });
        var picked = m.Gather(1, index);
        Assert.Equal([2L, 2], picked.Shape);
        TensorAssert.Equal([3, 1, 5, 5], picked);
        TensorAssert.Equal([4, 2, 3], m.Gather(0, Tensor.FromArray(new long[,] { { 1, 0, 0 } })));
    }

    [Fact]
    public void Scatter_and_scatter_add_write_and_accumulate_at_indices()
    {
        using var scope = new DisposeScope();
        var zeros = Tensor.Zeros(3, 3);
        var index = Tensor.FromArray(new long[,] { { 0 }, { 2 }, { 1 } });
        var scattered = zeros.Scatter(1, index, Tensor.FromArray(new float[,] { { 7 }, { 8 }, { 9 } }));
        TensorAssert.Equal([7, 0, 0, 0, 0, 8, 0, 9, 0], scattered);
        TensorAssert.Equal([1, 0, 0, 0, 0, 1, 0, 1, 0], zeros.Scatter(1, index, 1));
        TensorAssert.Equal(new double[9], zeros); // out of place

        var sums = Tensor.Zeros(4).ScatterAdd(0, Tensor.From([0L, 1L, 0L, 3L]), Tensor.From([1f, 2f, 3f, 4f]));
        TensorAssert.Equal([4, 2, 0, 4], sums);
    }

    [Fact]
    public void IndexAdd_accumulates_repeated_rows_and_index_copy_overwrites()
    {
        using var scope = new DisposeScope();
        var source = Tensor.FromArray(new float[,] { { 1, 1 }, { 2, 2 }, { 3, 3 } });
        var index = Tensor.From([0L, 2L, 0L]);
        TensorAssert.Equal([4, 4, 0, 0, 2, 2], Tensor.Zeros(3, 2).IndexAdd(0, index, source));
        TensorAssert.Equal([8, 8, 0, 0, 4, 4], Tensor.Zeros(3, 2).IndexAdd(0, index, source, 2));

        var target = Tensor.Ones(3, 2);
        target.IndexAddInPlace(0, index, source, 0.5);
        TensorAssert.Equal([3, 3, 1, 1, 2, 2], target);
        target.IndexCopyInPlace(0, Tensor.From([1L]), Tensor.FromArray(new float[,] { { 9, 9 } }));
        TensorAssert.Equal([3, 3, 9, 9, 2, 2], target);
    }

    [Fact]
    public void OneHot_adds_a_class_dimension()
    {
        using var scope = new DisposeScope();
        var hot = Tensor.From([0L, 2L, 1L]).OneHot(4);
        TensorAssert.Is([3, 4], DType.Int64, hot);
        Assert.Equal([1L, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0], hot.ToArray<long>());
        Assert.Equal([3L, 3], Tensor.From([0L, 2L, 1L]).OneHot().Shape); // max + 1 classes
        Assert.Equal([2L, 1, 3], UniCode.Torch.NN.Functional.OneHot(Tensor.FromArray(new long[,] { { 0 }, { 2 } }), 3).Shape);
    }
}

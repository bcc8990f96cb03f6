namespace UniCode.Torch.Tests;

public sealed class TensorShapeTests
{
    // [[0, 1, 2], [3, 4, 5]]
    private static Tensor Matrix() => Tensor.Arange(6).View(2, 3);

    [Fact]
    public void View_and_reshape_keep_row_major_order_and_infer_minus_one()
    {
        using var scope = new DisposeScope();
        var m = Matrix();
        Assert.Equal([2L, 3], m.Shape);
        Assert.Equal(2, m.Dim);
        Assert.Equal(3, m.Size(-1));
        Assert.Equal([3L, 1], m.Strides);
        Assert.Equal([3L, 2], m.View(3, -1).Shape);
        Assert.Equal([0L, 1, 2, 3, 4, 5], m.Reshape(6).ToArray<long>());
        Assert.Equal([6L], m.Flatten().Shape);
        Assert.Equal([2L, 1, 3], m.Unflatten(1, 1, 3).Shape);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Size(2));
    }

    [Fact]
    public void Permute_and_transpose_reorder_dimensions()
    {
        using var scope = new DisposeScope();
        var m = Matrix();
        var t = m.Transpose(0, 1);
        Assert.Equal([3L, 2], t.Shape);
        Assert.False(t.IsContiguous);
        Assert.Equal([0L, 3, 1, 4, 2, 5], t.Contiguous().ToArray<long>());
        Assert.Equal([0L, 3, 1, 4, 2, 5], m.T.ToArray<long>());
        Assert.True(t.Contiguous().IsContiguous);

        var cube = Tensor.Arange(24).View(2, 3, 4);
        var permuted = cube.Permute(2, 0, 1);
        Assert.Equal([4L, 2, 3], permuted.Shape);
        Assert.Equal(cube[1, 2, 3].ToInt64(), permuted[3, 1, 2].ToInt64());

        // A view of a transposed tensor is not possible; reshape copies instead.
        Assert.Throws<TorchException>(() => t.View(6));
        Assert.Equal([0L, 3, 1, 4, 2, 5], t.Reshape(6).ToArray<long>());
    }

    [Fact]
    public void Squeeze_and_unsqueeze_remove_and_add_size_one_dims()
    {
        using var scope = new DisposeScope();
        var x = Tensor.Zeros(1, 3, 1, 2);
        Assert.Equal([3L, 2], x.Squeeze().Shape);
        Assert.Equal([3L, 1, 2], x.Squeeze(0).Shape);
        Assert.Equal([1L, 3, 1, 2], x.Squeeze(1).Shape); // size 3: unchanged
        Assert.Equal([1L, 3, 1, 2, 1], x.Unsqueeze(-1).Shape);
        Assert.Equal([1L, 1, 3, 1, 2], x.Unsqueeze(1).Shape);
        Assert.Equal([1L, 6], x.Flatten(1).Shape);
        Assert.Equal([3L, 2], x.Flatten(0, 2).Shape);
    }

    [Fact]
    public void Expand_broadcasts_without_copying_and_repeat_tiles()
    {
        using var scope = new DisposeScope();
        var row = Tensor.From([1L, 2L, 3L]).View(1, 3);
        var expanded = row.Expand(2, -1);
        Assert.Equal([2L, 3], expanded.Shape);
        Assert.Equal([0L, 1], expanded.Strides); // no copy
        Assert.Equal([1L, 2, 3, 1, 2, 3], expanded.Contiguous().ToArray<long>());
        Assert.Equal([2L, 3], row.ExpandAs(Tensor.Zeros(2, 3)).Shape);

        var tiled = row.Repeat(2, 2);
        Assert.Equal([2L, 6], tiled.Shape);
        Assert.Equal([1L, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3], tiled.ToArray<long>());
        Assert.Equal([3L, 2, 1], Tensor.From([1L, 2L, 3L]).Flip(0).ToArray<long>());
        Assert.Equal([3L, 1, 2], Tensor.From([1L, 2L, 3L]).Roll(1, 0).ToArray<long>());
    }

    [Fact]
    public void Cat_and_stack_join_along_existing_and_new_dims()
    {
        using var scope = new DisposeScope();
        var a = Matrix();
        var b = Matrix() + 10;
        var rows = Tensor.Cat([a, b]);
        Assert.Equal([4L, 3], rows.Shape);
        Assert.Equal([10L, 11, 12], rows[2].ToArray<long>());
        var columns = Tensor.Cat([a, b], 1);
        Assert.Equal([2L, 6], columns.Shape);
        Assert.Equal([0L, 1, 2, 10, 11, 12], columns[0].ToArray<long>());

        var stacked = Tensor.Stack([a, b]);
        Assert.Equal([2L, 2, 3], stacked.Shape);
        var inner = Tensor.Stack([a, b], -1);
        Assert.Equal([2L, 3, 2], inner.Shape);
        Assert.Equal([1L, 11], inner[0, 1].ToArray<long>());
    }

    [Fact]
    public void Chunk_and_split_cut_into_pieces()
    {
        using var scope = new DisposeScope();
        var x = Tensor.Arange(7);
        var chunks = x.Chunk(3);
        Assert.Equal(3, chunks.Length);
        Assert.Equal([0L, 1, 2], chunks[0].ToArray<long>());
        Assert.Equal([6L], chunks[2].ToArray<long>());

        var pieces = x.Split(3);
        Assert.Equal([3, 3, 1], pieces.Select(p => (int)p.NumElements));
        var sized = x.Split([2, 5]);
        Assert.Equal([2L, 3, 4, 5, 6], sized[1].ToArray<long>());

        var m = Matrix();
        var halves = m.Chunk(3, dim: 1);
        Assert.Equal([2L, 1], halves[2].Shape);
        Assert.Equal([2L, 5], halves[2].Flatten().ToArray<long>());
        Assert.Throws<TorchException>(() => x.Split([2, 2]));
    }

    [Fact]
    public void Narrow_select_and_slice_are_views()
    {
        using var scope = new DisposeScope();
        var m = Matrix();
        Assert.Equal([1L, 2, 4, 5], m.Narrow(1, 1, 2).Contiguous().ToArray<long>());
        Assert.Equal([3L, 4, 5], m.Select(0, -1).ToArray<long>());
        Assert.Equal([0L, 2, 3, 5], m.Slice(1, 0, 3, 2).Contiguous().ToArray<long>());

        // Writing through a view changes the source.
        m.Narrow(1, 0, 1).FillInPlace(-1);
        Assert.Equal([-1L, 1, 2, -1, 4, 5], m.ToArray<long>());
    }

    [Fact]
    public void Tril_and_triu_keep_a_triangle()
    {
        using var scope = new DisposeScope();
        var ones = Tensor.Ones(3, 3);
        TensorAssert.Equal([1, 0, 0, 1, 1, 0, 1, 1, 1], ones.Tril());
        TensorAssert.Equal([1, 1, 1, 0, 1, 1, 0, 0, 1], ones.Triu());
        TensorAssert.Equal([0, 1, 1, 0, 0, 1, 0, 0, 0], ones.Triu(1));
        TensorAssert.Equal([0, 0, 0, 1, 0, 0, 1, 1, 0], ones.Tril(-1));
    }
}

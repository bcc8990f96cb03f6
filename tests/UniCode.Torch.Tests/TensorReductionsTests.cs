namespace UniCode.Torch.Tests;

public sealed class TensorReductionsTests
{
    private static Tensor Matrix() => Tensor.FromArray(new double[,] { { 1, 2, 3, 4 }, { 2, 4, 6, 8 } });

    [Fact]
    public void Sum_and_mean_reduce_all_or_chosen_dims_with_and_without_keepdim()
    {
        using var scope = new DisposeScope();
        var m = Matrix();
        var total = m.Sum();
        TensorAssert.Is([], DType.Float64, total);
        Assert.Equal(30.0, total.ToDouble());
        Assert.Equal(3.75, m.Mean().ToDouble());

        TensorAssert.Equal([3, 6, 9, 12], m.Sum(0));
        Assert.Equal([4L], m.Sum(0).Shape);
        Assert.Equal([1L, 4], m.Sum(0, keepDim: true).Shape);
        TensorAssert.Equal([10, 20], m.Sum(-1));
        Assert.Equal([2L, 1], m.Mean(1, keepDim: true).Shape);
        TensorAssert.Equal([2.5, 5], m.Mean(1));
        TensorAssert.Equal([30], m.Sum([0, 1], keepDim: true));
        Assert.Equal([1L, 1], m.Sum([0, 1], keepDim: true).Shape);
        TensorAssert.Equal([3.75], m.Mean([0, 1]));

        // Summing an integer tensor stays integral (int64), as PyTorch.
        TensorAssert.Is([], DType.Int64, Tensor.From([1, 2, 3]).Sum());
        Assert.Equal(6L, Tensor.From([1, 2, 3]).Sum().ToInt64());
    }

    [Fact]
    public void Max_and_min_along_a_dim_return_values_and_indices()
    {
        using var scope = new DisposeScope();
        var m = Tensor.FromArray(new float[,] { { 3, 9, 1 }, { 7, 2, 8 } });
        var (values, indices) = m.Max(1);
        TensorAssert.Equal([9, 8], values);
        TensorAssert.Is([2], DType.Int64, indices);
        Assert.Equal([1L, 2], indices.ToArray<long>());

        var (minValues, minIndices) = m.Min(0, keepDim: true);
        Assert.Equal([1L, 3], minValues.Shape);
        TensorAssert.Equal([3, 2, 1], minValues);
        Assert.Equal([0L, 1, 0], minIndices.ToArray<long>());

        Assert.Equal(9f, m.Max().Item<float>());
        Assert.Equal(1f, m.Min().Item<float>());
        Assert.Equal(1L, m.ArgMax().ToInt64()); // of the flattened tensor
        Assert.Equal(2L, m.ArgMin().ToInt64());
        Assert.Equal([1L, 0, 1], m.ArgMax(0).ToArray<long>());
        Assert.Equal([2L, 1], m.ArgMin(1).ToArray<long>());
        Assert.Equal([2L, 1], m.ArgMin(1, keepDim: true).Shape);
        TensorAssert.Equal([9, 8], m.Amax([1]));
        TensorAssert.Equal([1], m.Amin([0, 1]));
    }

    [Fact]
    public void Variance_and_standard_deviation_apply_the_requested_correction()
    {
        using var scope = new DisposeScope();
        var m = Matrix();
        TensorAssert.Close([5 / 3.0, 20 / 3.0], m.Var([1]), 1e-12);
        TensorAssert.Close([1.25, 5], m.Var([1], correction: 0), 1e-12);
        TensorAssert.Close([Math.Sqrt(5 / 3.0), Math.Sqrt(20 / 3.0)], m.Std([1]), 1e-12);
        TensorAssert.Close([Math.Sqrt(1.25), Math.Sqrt(5)], m.Std([1], correction: 0), 1e-12);
        Assert.Equal([2L, 1], m.Std([1], keepDim: true).Shape);

        // Over everything: mean 3.75, squared deviations sum to 37.5.
        Assert.Equal(37.5 / 7, m.Var().ToDouble(), 12);
        Assert.Equal(Math.Sqrt(37.5 / 8), m.Std(correction: 0).ToDouble(), 12);
    }

    [Fact]
    public void LogSumExp_equals_the_log_of_the_sum_of_exponentials()
    {
        using var scope = new DisposeScope();
        var x = Tensor.FromArray(new double[,] { { 0, Math.Log(3) }, { 1000, 1000 } });
        TensorAssert.Close([Math.Log(4), 1000 + Math.Log(2)], x.LogSumExp(1), 1e-9);
        Assert.Equal([2L, 1], x.LogSumExp(1, keepDim: true).Shape);
    }

    [Fact]
    public void Products_logic_and_running_sums_give_known_values()
    {
        using var scope = new DisposeScope();
        Assert.Equal(24.0, Tensor.From([1.0, 2, 3, 4]).Prod().ToDouble());
        Assert.True(Tensor.From([true, true]).All().ToBoolean());
        Assert.False(Tensor.From([true, false]).All().ToBoolean());
        Assert.True(Tensor.From([false, true]).Any().ToBoolean());
        TensorAssert.Equal([1, 3, 6, 10], Tensor.From([1f, 2f, 3f, 4f]).CumSum(0));
        TensorAssert.Equal([1, 3, 3, 7], Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } }).CumSum(1));
        Assert.Equal([1L, 2, 0, 1], Tensor.From([0L, 1, 1, 3]).Bincount().ToArray<long>());
        Assert.Equal(6, Tensor.From([0L, 1, 1, 3]).Bincount(minLength: 6).NumElements);
        Assert.Equal([1L, 3], Tensor.From([0f, 1f, 0f, 2f]).Nonzero().Flatten().ToArray<long>());
    }

    [Fact]
    public void TopK_returns_the_largest_or_smallest_values_and_their_positions()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([4f, 1f, 9f, 7f, 3f]);
        var (values, indices) = x.TopK(3);
        TensorAssert.Equal([9, 7, 4], values);
        Assert.Equal([2L, 3, 0], indices.ToArray<long>());

        var (smallest, where) = x.TopK(2, largest: false);
        TensorAssert.Equal([1, 3], smallest);
        Assert.Equal([1L, 4], where.ToArray<long>());

        var rows = Tensor.FromArray(new float[,] { { 1, 5, 3 }, { 6, 4, 2 } });
        TensorAssert.Equal([5, 6], rows.TopK(1, dim: 1).Values);
        Assert.Equal([2L, 1], rows.TopK(1, dim: 1).Values.Shape);
    }

    [Fact]
    public void Sort_orders_values_and_returns_the_permutation()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([3f, 1f, 2f, 1f]);
        var (ascending, order) = x.Sort(stable: true);
        TensorAssert.Equal([1, 1, 2, 3], ascending);
        Assert.Equal([1L, 3, 2, 0], order.ToArray<long>()); // stable: the first 1 stays first
        TensorAssert.Equal([3, 2, 1, 1], x.Sort(descending: true).Values);
        Assert.Equal([0L, 2], x.ArgSort(descending: true).ToArray<long>()[..2]); // the two 1s may come in either order
        TensorAssert.Equal([1, 1, 2, 3], x.Gather(0, x.ArgSort()));
    }

    [Fact]
    public void Norms_give_the_p_norm_over_all_or_chosen_dims()
    {
        using var scope = new DisposeScope();
        var x = Tensor.FromArray(new double[,] { { 3, -4 }, { 0, 12 } });
        Assert.Equal(13.0, x.Norm().ToDouble(), 12);
        Assert.Equal(19.0, x.Norm(1).ToDouble(), 12);
        Assert.Equal(12.0, x.Norm(double.PositiveInfinity).ToDouble(), 12);
        TensorAssert.Close([5, 12], x.Norm(2, [1]), 1e-12);
        Assert.Equal([2L, 1], x.Norm(2, [1], keepDim: true).Shape);
        TensorAssert.Close([3, 16], x.Norm(1, [0]), 1e-12);
    }

    [Fact]
    public void Matrix_products_match_hand_computed_values()
    {
        using var scope = new DisposeScope();
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var b = Tensor.FromArray(new float[,] { { 1, 0, 2 }, { 0, 1, 3 } });
        var ab = a.MatMul(b);
        TensorAssert.Is([3, 3], DType.Float32, ab);
        TensorAssert.Equal([1, 2, 8, 3, 4, 18, 5, 6, 28], ab);
        TensorAssert.Equal([1, 2, 8, 3, 4, 18, 5, 6, 28], a.Mm(b));
        TensorAssert.Equal([11, 14, 18, 22], b.MatMul(a));

        // Matrix-vector, vector-vector and the outer product.
        var v = Tensor.From([1f, -1f]);
        TensorAssert.Equal([-1, -1, -1], a.MatMul(v));
        Assert.Equal([3L], a.MatMul(v).Shape);
        Assert.Equal(2f, v.MatMul(v).Item<float>());
        TensorAssert.Equal([1, -1, -1, 1], v.Outer(v));

        // Batches: bmm, broadcasting matmul and einsum agree.
        var left = Tensor.Stack([a, a * 2]);
        var right = Tensor.Stack([b, b]);
        var batched = left.Bmm(right);
        Assert.Equal([2L, 3, 3], batched.Shape);
        TensorAssert.Equal([2, 4, 16, 6, 8, 36, 10, 12, 56], batched[1]);
        TensorAssert.Close(batched, left.MatMul(b), 0);
        TensorAssert.Close(batched, Tensor.Einsum("bij,bjk->bik", left, right), 1e-5);
        Assert.Equal(91f, Tensor.Einsum("ij,ij->", a, a).Item<float>());
        TensorAssert.Equal([1, 3, 5, 2, 4, 6], Tensor.Einsum("ij->ji", a));
    }
}

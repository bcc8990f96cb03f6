namespace UniCode.Torch.Tests;

public sealed class TensorOperatorsTests
{
    [Fact]
    public void Tensor_operators_broadcast_a_row_over_a_matrix()
    {
        using var scope = new DisposeScope();
        var m = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var row = Tensor.From([10f, 20f, 30f]);
        var column = Tensor.From([1f, 2f], 2, 1);

        TensorAssert.Equal([11, 22, 33, 14, 25, 36], m + row);
        TensorAssert.Equal([-9, -18, -27, -6, -15, -24], m - row);
        TensorAssert.Equal([10, 40, 90, 40, 100, 180], m * row);
        TensorAssert.Close([0.1, 0.1, 0.1, 0.4, 0.25, 0.2], m / row);
        TensorAssert.Equal([2, 3, 4, 6, 7, 8], m + column);
        Assert.Equal([2L, 3], (m + column).Shape);
        Assert.Equal([2L, 3], (column * row).Shape);
        TensorAssert.Equal([-1, -2, -3, -4, -5, -6], -m);
    }

    [Fact]
    public void Scalar_operators_work_on_both_sides()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1f, 2f, 4f]);
        TensorAssert.Equal([3, 4, 6], x + 2);
        TensorAssert.Equal([3, 4, 6], 2 + x);
        TensorAssert.Equal([-1, 0, 2], x - 2);
        TensorAssert.Equal([0, -1, -3], 1 - x);
        TensorAssert.Equal([3, 6, 12], x * 3);
        TensorAssert.Equal([3, 6, 12], 3 * x);
        TensorAssert.Equal([0.5, 1, 2], x / 2);
        TensorAssert.Equal([2, 1, 0.5], 2 / x);
        TensorAssert.Equal([1.5, 2.5, 4.5], x + 0.5);
        TensorAssert.Equal([0.25, 0.125, 0.0625], 0.25 / x);
    }

    [Fact]
    public void Integer_tensors_stay_int64_with_integer_scalars_and_become_float_with_fractions()
    {
        using var scope = new DisposeScope();
        var n = Tensor.From([1L, 2L, 3L]);

        var plusOne = n + 1;
        TensorAssert.Is([3], DType.Int64, plusOne);
        Assert.Equal([2L, 3, 4], plusOne.ToArray<long>());
        TensorAssert.Is([3], DType.Int64, n * 2);
        TensorAssert.Is([3], DType.Int64, 1 - n);
        Assert.Equal([0L, -1, -2], (1 - n).ToArray<long>());
        TensorAssert.Is([3], DType.Int64, n + n);

        var plusHalf = n + 0.5;
        TensorAssert.Is([3], DType.Float32, plusHalf);
        Assert.Equal([1.5f, 2.5f, 3.5f], plusHalf.ToArray<float>());
        TensorAssert.Is([3], DType.Float32, 0.5 - n);
        TensorAssert.Equal([-0.5, -1.5, -2.5], 0.5 - n);

        // Division is true division, as Python 3 and PyTorch.
        TensorAssert.Is([3], DType.Float32, n / 2);
        TensorAssert.Equal([0.5, 1, 1.5], n / 2);
        TensorAssert.Is([3], DType.Float32, 6 / n);
        TensorAssert.Equal([6, 3, 2], 6 / n);
        TensorAssert.Close([0.5, 0.25, 0.5 / 3], 0.5 / n, 1e-7);
    }

    [Fact]
    public void Float64_tensors_keep_their_dtype_with_scalars_and_mixed_tensors_promote()
    {
        using var scope = new DisposeScope();
        var d = Tensor.From([1.0, 2.0]);
        TensorAssert.Is([2], DType.Float64, d + 1);
        TensorAssert.Is([2], DType.Float64, 2 / d);
        TensorAssert.Is([2], DType.Float64, d * 0.5f);
        TensorAssert.Is([2], DType.Float64, d + Tensor.From([1f, 1f]));
        TensorAssert.Is([2], DType.Float32, Tensor.From([1L, 1L]) + Tensor.From([1f, 1f]));
    }

    [Fact]
    public void Remainder_takes_the_sign_of_the_divisor()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([-1L, 4L, 7L]);
        Assert.Equal([2L, 1, 1], (x % 3).ToArray<long>());
        Assert.Equal([-1L, -2, -2], x.Remainder(Tensor.From([-3L, -3L, -3L])).ToArray<long>());
        Assert.Equal([-1L, 1, 2], x.FloorDivide(Tensor.From([3L, 3L, 3L])).ToArray<long>());
    }

    [Fact]
    public void Comparisons_give_bool_tensors_and_combine_with_logical_operators()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1f, 2f, 3f, 4f]);
        var y = Tensor.From([4f, 2f, 2f, 1f]);

        var less = x < y;
        TensorAssert.Is([4], DType.Bool, less);
        Assert.Equal([true, false, false, false], less.ToArray<bool>());
        Assert.Equal([false, false, true, true], (x > y).ToArray<bool>());
        Assert.Equal([true, true, false, false], (x <= y).ToArray<bool>());
        Assert.Equal([false, true, true, true], (x >= y).ToArray<bool>());
        Assert.Equal([true, true, false, false], (x < 2.5).ToArray<bool>());
        Assert.Equal([false, true, true, true], (x >= 2).ToArray<bool>());
        Assert.Equal([false, false, true, true], (x > 2L).ToArray<bool>());
        Assert.Equal([true, true, true, false], (x <= 3).ToArray<bool>());
        Assert.Equal([false, true, false, false], x.Eq(y).ToArray<bool>());
        Assert.Equal([true, false, true, true], x.Ne(y).ToArray<bool>());
        Assert.Equal([false, false, true, false], x.Eq(3).ToArray<bool>());
        Assert.Equal([true, true, false, true], x.Ne(3).ToArray<bool>());

        Assert.Equal([false, true, true, false], ((x > 1) & (x < 4)).ToArray<bool>());
        Assert.Equal([true, false, false, true], ((x < 2) | (x > 3)).ToArray<bool>());
        Assert.Equal([false, true, true, true], (!(x < 2)).ToArray<bool>());
    }

    [Fact]
    public void Tensor_equality_operators_keep_reference_meaning()
    {
        using var scope = new DisposeScope();
        var a = Tensor.From([1f]);
        var b = Tensor.From([1f]);
        Assert.True(a.Equal(b));
#pragma warning disable CS1718 // a comparison with itself is the point
        Assert.True(a == a);
#pragma warning restore CS1718
        Assert.False(a == b);
    }

    [Fact]
    public void Pow_raises_a_scalar_to_each_exponent()
    {
        using var scope = new DisposeScope();
        var exponents = Tensor.From([0f, 1f, 3f, -1f]);

        TensorAssert.Equal([1, 2, 8, 0.5], Tensor.Pow(2, exponents));
    }
}

namespace UniCode.Torch.Tests;

public sealed class TensorDataTests
{
    [Fact]
    public void From_copies_managed_values_in_row_major_order()
    {
        using var scope = new DisposeScope();
        var data = new float[] { 1, 2, 3, 4, 5, 6 };
        var t = Tensor.From(data, 2, 3);
        data[0] = 100; // the tensor holds a copy
        TensorAssert.Is([2, 3], DType.Float32, t);
        Assert.Equal([1f, 2, 3, 4, 5, 6], t.ToArray<float>());
        Assert.Equal(6f, t[1, 2].Item<float>());

        var longs = Tensor.From([7L, 8L]);
        TensorAssert.Is([2], DType.Int64, longs);

        var bytes = Tensor.From(new byte[] { 0, 255 });
        TensorAssert.Is([2], DType.UInt8, bytes);
        Assert.Equal([0, 255], bytes.ToArray<byte>());

        var flags = Tensor.From([true, false, true]);
        TensorAssert.Is([3], DType.Bool, flags);
        Assert.Equal([true, false, true], flags.ToArray<bool>());
    }


    [Fact]
    public void FromArray_keeps_the_shape_of_a_rectangular_array()
    {
        using var scope = new DisposeScope();
        var t = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        TensorAssert.Is([2, 3], DType.Float64, t);
        Assert.Equal(4.0, t[1, 0].ToDouble());

        var cube = Tensor.FromArray(new long[2, 3, 4]);
        TensorAssert.Is([2, 3, 4], DType.Int64, cube);
    }


    [Fact]
    public void From_with_a_shape_that_does_not_match_the_data_raises_a_TorchException()
    {
        var error = Assert.Throws<TorchException>(() => Tensor.From([1f, 2f, 3f], 2, 2));
        Assert.Contains("12 bytes", error.Message, StringComparison.Ordinal);
    }


    [Fact]
    public void Scalars_and_like_factories_follow_their_source()
    {
        using var scope = new DisposeScope();
        var s = Tensor.FromScalar(3, DType.Int32);
        TensorAssert.Is([], DType.Int32, s);
        Assert.Equal(3, s.Item<int>());
        Assert.Equal(3L, s.ToInt64());

        var source = Tensor.Ones([2, 2], DType.Float64);
        TensorAssert.Is([2, 2], DType.Float64, source.ZerosLike());
        Assert.Equal([0.0, 0, 0, 0], source.ZerosLike().ToArray<double>());
        Assert.Equal([7.0, 7, 7, 7], source.FullLike(7).ToArray<double>());
        Assert.Equal([1.0, 1, 1, 1], source.ZerosLike().OnesLike().ToArray<double>());
        Assert.True(Tensor.FromScalar(true, DType.Bool).ToBoolean());
    }


    [Fact]
    public void Conversions_change_the_dtype_and_keep_the_values()
    {
        using var scope = new DisposeScope();
        var t = Tensor.From([1.75f, -2.25f, 3f]);
        TensorAssert.Is([3], DType.Float64, t.Double());
        Assert.Equal([1.75, -2.25, 3.0], t.Double().ToArray<double>());
        Assert.Equal([1L, -2, 3], t.Long().ToArray<long>()); // truncation towards zero, as PyTorch
        Assert.Equal([true, true, true], t.Bool().ToArray<bool>());
        Assert.Equal([1.75f, -2.25f, 3f], t.To(DType.BFloat16).Float().ToArray<float>());
        Assert.Equal(Device.Cpu.Type, t.Device.Type);
        Assert.Equal(sizeof(float), DType.Float32.ElementSize());
    }
}

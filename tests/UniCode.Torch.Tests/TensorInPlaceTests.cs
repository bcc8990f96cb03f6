namespace UniCode.Torch.Tests;

public sealed class TensorInPlaceTests
{
    [Fact]
    public void In_place_updates_change_the_tensor_itself()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1.0, 2.0]);
        var same = x.AddInPlace(Tensor.From([1.0, 1.0]), 2).MulInPlace(3).SubInPlace(Tensor.From([1.0, 1.0]));
        Assert.Same(x, same);
        TensorAssert.Equal([8, 11], x);
        x.DivInPlace(2).AddInPlace(1);
        TensorAssert.Equal([5, 6.5], x);
        x.AddcmulInPlace(Tensor.From([2.0, 2.0]), Tensor.From([3.0, 1.0]), 0.5);
        TensorAssert.Equal([8, 7.5], x);
        x.AddcdivInPlace(Tensor.From([2.0, 3.0]), Tensor.From([4.0, 1.0]), -2);
        TensorAssert.Equal([7, 1.5], x);
        x.LerpInPlace(Tensor.From([9.0, 3.5]), 0.5);
        TensorAssert.Equal([8, 2.5], x);
        x.MulInPlace(Tensor.From([2.0, 2.0])).DivInPlace(Tensor.From([4.0, 5.0]));
        TensorAssert.Equal([4, 1], x);
        x.FillInPlace(3);
        TensorAssert.Equal([3, 3], x);
        x.CopyFrom(Tensor.From([-1.0]));
        TensorAssert.Equal([-1, -1], x);
        x.ZeroInPlace();
        TensorAssert.Equal([0, 0], x);
    }
}

using UniCode.Torch.NN;

namespace UniCode.Torch.Tests;

public sealed class GradAssignmentTests
{
    [Fact]
    public void Assigning_a_gradient_of_another_shape_is_rejected_as_PyTorch_does()
    {
        using var scope = new DisposeScope();
        var p = new Parameter(Tensor.Zeros(3));
        Assert.Contains("shapes must match", Assert.Throws<TorchException>(() => p.Grad = Tensor.Ones(1)).Message, StringComparison.Ordinal);
        Assert.Contains("[1, 3]", Assert.Throws<TorchException>(() => p.Grad = Tensor.Ones(1, 3)).Message, StringComparison.Ordinal);
        Assert.Null(p.Grad);
        p.Dispose();
    }

    [Fact]
    public void Assigning_a_gradient_of_another_dtype_is_rejected()
    {
        using var scope = new DisposeScope();
        using var p = new Parameter(Tensor.Zeros(3));
        var error = Assert.Throws<TorchException>(() => p.Grad = Tensor.Ones([3], DType.Float64));
        Assert.Contains("dtypes must match", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matching_gradient_is_accepted_and_null_clears_it()
    {
        using var scope = new DisposeScope();
        using var p = new Parameter(Tensor.Zeros(3));
        p.Grad = Tensor.Full([3], 2);
        TensorAssert.Equal([2, 2, 2], p.Grad!);
        p.Grad = null;
        Assert.Null(p.Grad);
    }
}

using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

public sealed class LinearTests
{
    [Fact]
    public void Forward_is_the_functional_linear_of_its_parameters()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(1);
        using var layer = new Linear(5, 3, generator: g);
        Assert.Equal([3L, 5], layer.Weight.Shape);
        Assert.Equal([3L], layer.Bias!.Shape);
        Assert.Equal(["weight", "bias"], layer.NamedParameters().Select(p => p.Name));

        var x = Tensor.Randn([2, 7, 5], g);
        var y = layer.Forward(x);
        Assert.Equal([2L, 7, 3], y.Shape);
        TensorAssert.Close(x.MatMul(layer.Weight.T) + layer.Bias, y, 1e-6);
    }

    [Fact]
    public void Initial_values_follow_PyTorch_s_bounds_and_the_generator()
    {
        using var scope = new DisposeScope();
        using var g1 = new Generator(9);
        using var g2 = new Generator(9);
        using var a = new Linear(16, 64, generator: g1);
        using var b = new Linear(16, 64, generator: g2);
        Assert.True(a.Weight.Equal(b.Weight));
        Assert.True(a.Bias!.Equal(b.Bias!));

        var bound = 1 / Math.Sqrt(16);
        Assert.True(a.Weight.Abs().Max().ToDouble() <= bound);
        Assert.True(a.Weight.Abs().Max().ToDouble() > 0.9 * bound); // uniform over the whole range
        Assert.True(a.Bias!.Abs().Max().ToDouble() <= bound);
    }

    [Fact]
    public void A_layer_without_bias_has_only_a_weight()
    {
        using var layer = new Linear(2, 2, hasBias: false);
        Assert.Null(layer.Bias);
        Assert.Single(layer.Parameters());
        Assert.Equal("Linear(in=2, out=2, bias=False)", layer.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Linear(0, 2));
    }

    [Fact]
    public void Wrong_input_size_raises_a_TorchException_naming_the_shapes()
    {
        using var scope = new DisposeScope();
        using var layer = new Linear(4, 2);
        var error = Assert.Throws<TorchException>(() => layer.Forward(Tensor.Zeros(3, 5)));
        Assert.Contains("3x5", error.Message, StringComparison.Ordinal);
        Assert.Contains("4x2", error.Message, StringComparison.Ordinal);
    }
}

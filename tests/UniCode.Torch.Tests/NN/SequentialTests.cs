using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

public sealed class SequentialTests
{
    [Fact]
    public void Forward_applies_the_layers_in_order()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(1);
        var first = new Linear(3, 5, generator: g);
        var second = new Linear(5, 2, generator: g);
        using var model = new Sequential(first, new ReLU(), second);
        var x = Tensor.Randn([4, 3], g);
        Assert.True(model.Forward(x).Equal(second.Forward(first.Forward(x).Relu())));
        Assert.Equal(3, model.Layers.Count);
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], model.NamedParameters().Select(p => p.Name));
        Assert.False(x.IsDisposed); // the input belongs to the caller
    }

    [Fact]
    public void Named_layers_use_their_names()
    {
        using var model = new Sequential(("encoder", new Linear(2, 2)), ("act", new Tanh()), ("decoder", new Linear(2, 1)));
        Assert.Equal(["encoder.weight", "encoder.bias", "decoder.weight", "decoder.bias"], model.NamedParameters().Select(p => p.Name));
    }

    [Fact]
    public void Gradients_flow_through_the_whole_sequence()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(2);
        using var model = new Sequential(new Linear(3, 4, generator: g), new Tanh(), new Linear(4, 1, generator: g));
        model.Forward(Tensor.Randn([5, 3], g)).Sum().Backward();
        Assert.All(model.Parameters(), p => Assert.True(p.Grad!.Abs().Sum().ToDouble() > 0));
    }

    [Fact]
    public void An_empty_sequence_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sequential(Array.Empty<Module<Tensor, Tensor>>()));
    }
}

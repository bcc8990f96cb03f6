using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

public sealed class Conv2dTests
{
    [Fact]
    public void Output_size_follows_stride_padding_and_dilation()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(1);
        var x = Tensor.Randn([2, 3, 9, 9], g);
        using var plain = new Conv2d(3, 8, 3, generator: g);
        Assert.Equal([2L, 8, 7, 7], plain.Forward(x).Shape);
        using var strided = new Conv2d(3, 8, 3, stride: 2, padding: 1, generator: g);
        Assert.Equal([2L, 8, 5, 5], strided.Forward(x).Shape);
        using var dilated = new Conv2d(3, 4, 3, dilation: 2, generator: g);
        Assert.Equal([2L, 4, 5, 5], dilated.Forward(x).Shape);
        using var grouped = new Conv2d(4, 6, 1, groups: 2, hasBias: false, generator: g);
        Assert.Equal([6L, 2, 1, 1], grouped.Weight.Shape);
        Assert.Null(grouped.Bias);
    }

    [Fact]
    public void Forward_is_the_functional_convolution_of_its_parameters()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(2);
        using var conv = new Conv2d(2, 3, 3, padding: 1, generator: g);
        var x = Tensor.Randn([1, 2, 4, 4], g);
        Assert.True(conv.Forward(x).Equal(Functional.Conv2d(x, conv.Weight, conv.Bias, padding: 1)));
        var bound = 1 / Math.Sqrt(2 * 3 * 3);
        Assert.True(conv.Weight.Abs().Max().ToDouble() <= bound);
        Assert.True(conv.Bias!.Abs().Max().ToDouble() <= bound);
    }

    [Fact]
    public void Channels_must_divide_into_groups()
    {
        Assert.Throws<ArgumentException>(() => new Conv2d(3, 4, 3, groups: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2d(3, 4, 0));
    }
}

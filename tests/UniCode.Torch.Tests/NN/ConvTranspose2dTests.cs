using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

public sealed class ConvTranspose2dTests
{
    [Fact]
    public void Stride_two_doubles_the_resolution()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(1);
        using var up = new ConvTranspose2d(4, 2, 4, stride: 2, padding: 1, generator: g);
        Assert.Equal([4L, 2, 4, 4], up.Weight.Shape);
        var x = Tensor.Randn([3, 4, 5, 6], g);
        Assert.Equal([3L, 2, 10, 12], up.Forward(x).Shape);

        // (H - 1) * stride - 2 * padding + kernel + output padding.
        using var odd = new ConvTranspose2d(4, 2, 3, stride: 2, padding: 1, outputPadding: 1, generator: g);
        Assert.Equal([3L, 2, 10, 12], odd.Forward(x).Shape);
    }

    [Fact]
    public void Forward_is_the_functional_transposed_convolution_of_its_parameters()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(2);
        using var up = new ConvTranspose2d(2, 3, 2, stride: 2, generator: g);
        var x = Tensor.Randn([1, 2, 3, 3], g);
        Assert.True(up.Forward(x).Equal(Functional.ConvTranspose2d(x, up.Weight, up.Bias, stride: 2)));
        var bound = 1 / Math.Sqrt(3 * 2 * 2); // PyTorch takes the fan-in from the weight's dimension 1
        Assert.True(up.Weight.Abs().Max().ToDouble() <= bound);
        Assert.Throws<ArgumentException>(() => new ConvTranspose2d(3, 4, 3, groups: 2));
    }
}

using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

// GroupNorm, LayerNorm and RMSNorm modules: learned scale 1 and shift 0 at the start.
public sealed class NormalizationTests
{
    [Fact]
    public void GroupNorm_starts_as_plain_normalisation_and_applies_its_affine_parameters()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(1);
        using var norm = new GroupNorm(2, 4);
        Assert.Equal(["weight", "bias"], norm.NamedParameters().Select(p => p.Name));
        var x = Tensor.Randn([2, 4, 3, 3], g) * 5 + 2;
        var y = norm.Forward(x);
        TensorAssert.Close(Functional.GroupNorm(x, 2), y, 1e-6);
        var grouped = y.View(2, 2, -1);
        TensorAssert.Close(new double[4], grouped.Mean(-1), 1e-5);
        TensorAssert.Close([1, 1, 1, 1], grouped.Var([-1], correction: 0), 1e-3);

        using (Autograd.NoGrad())
        {
            var parameters = norm.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
            parameters["weight"].FillInPlace(2);
            parameters["bias"].FillInPlace(-1);
        }

        TensorAssert.Close(Functional.GroupNorm(x, 2) * 2 - 1, norm.Forward(x), 1e-5);
        Assert.Throws<ArgumentException>(() => new GroupNorm(3, 4));
        using var plain = new GroupNorm(2, 4, affine: false);
        Assert.Empty(plain.Parameters());
    }

    [Fact]
    public void LayerNorm_normalises_the_trailing_dimensions()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(2);
        using var norm = new LayerNorm(6);
        var x = Tensor.Randn([3, 6], g) * 3 + 1;
        var y = norm.Forward(x);
        TensorAssert.Close(new double[3], y.Mean(-1), 1e-5);
        TensorAssert.Close([1, 1, 1], y.Var([-1], correction: 0), 1e-3);
        using var noBias = new LayerNorm([6], hasBias: false);
        Assert.Equal(["weight"], noBias.NamedParameters().Select(p => p.Name));
        using var noAffine = new LayerNorm([2, 3], elementwiseAffine: false);
        Assert.Empty(noAffine.Parameters());
        Assert.Equal([3L, 2, 3], noAffine.Forward(x.View(3, 2, 3)).Shape);
    }

    [Fact]
    public void RMSNorm_scales_each_row_to_unit_root_mean_square()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(3);
        using var norm = new RMSNorm(8);
        var x = Tensor.Randn([4, 8], g) * 7;
        var y = norm.Forward(x);
        TensorAssert.Close([1, 1, 1, 1], y.Square().Mean(-1).Sqrt(), 1e-4);
        TensorAssert.Close(x / x.Square().Mean(-1, keepDim: true).Add(1e-6).Sqrt(), y, 1e-5);
        Assert.Equal(["weight"], norm.NamedParameters().Select(p => p.Name));
    }
}

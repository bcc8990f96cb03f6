using UniCode.Torch.Diagnostics;

namespace UniCode.Torch.Tests.Diagnostics;

public sealed class GradientCheckTests
{
    private static Tensor Input(Generator g, params long[] shape) => Tensor.Randn(shape, g, DType.Float64, requiresGrad: true);

    [Fact]
    public void A_correct_gradient_passes()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(1);
        var result = GradientCheck.Run(x => (x[0] * x[0] * x[1]).Sin(), [Input(g, 3, 2), Input(g, 2)]);
        Assert.True(result.Passed, result.Report);
        Assert.True(result.MaxAbsoluteError < 1e-7);
    }

    [Fact]
    public void A_gradient_cut_with_Detach_fails_and_the_report_points_at_it()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(2);
        var x = Tensor.From([0.5, -1.0, 2.0]).RequiresGradInPlace();

        // d/dx of x * x is 2x, but with one factor detached autograd only sees x.
        var result = GradientCheck.Run(inputs => inputs[0] * inputs[0].Detach(), [x]);
        Assert.False(result.Passed);
        Assert.True(result.MaxAbsoluteError > 0.1, $"max error {result.MaxAbsoluteError}");
        Assert.Contains("input 0 element", result.Report, StringComparison.Ordinal);

        // Fully detached: autograd sees no path at all (a null gradient), the finite differences do.
        var cut = GradientCheck.Run(inputs => inputs[0].Detach().Exp() + (inputs[0] * 0), [x]);
        Assert.False(cut.Passed);
    }

    [Fact]
    public void A_slightly_wrong_gradient_is_caught_too()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(3);
        // y = x + 1e-3 * detached(x^2): the analytical gradient misses 2e-3 x, above the tolerance.
        var result = GradientCheck.Run(x => x[0] + (x[0].Detach().Square() * 1e-3), [Input(g, 4)]);
        Assert.False(result.Passed, result.Report);
    }

    [Fact]
    public void Inputs_must_be_float64_and_some_must_require_grad()
    {
        using var scope = new DisposeScope();
        var single = Tensor.Ones([2], requiresGrad: true);
        Assert.Throws<ArgumentException>(() => GradientCheck.Run(x => x[0] * 2, [single]));
        Assert.Throws<ArgumentException>(() => GradientCheck.Run(x => x[0] * 2, [Tensor.Ones([2], DType.Float64)]));
        Assert.Throws<ArgumentNullException>(() => GradientCheck.Run(null!, [single]));
    }

    [Fact]
    public void The_check_restores_the_inputs_it_perturbs()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([0.25, 0.75]).RequiresGradInPlace();
        GradientCheck.Run(i => i[0].Exp(), [x]);
        TensorAssert.Equal([0.25, 0.75], x);
        Assert.True(x.RequiresGrad);
    }
}

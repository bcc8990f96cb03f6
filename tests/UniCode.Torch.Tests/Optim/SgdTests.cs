using UniCode.Torch.Optim;

namespace UniCode.Torch.Tests.Optim;

public sealed class SgdTests
{
    private static readonly double[] Start = [1.0, -2.0, 0.5];
    private static readonly double[] Curvature = [0.5, 2.0, -1.0];

    [Fact]
    public void Plain_sgd_steps_against_the_gradient()
    {
        using var q = new Quadratic(Start, Curvature);
        using var optimizer = new Sgd([q.Parameter], new SgdOptions { LearningRate = 0.1 });
        q.Backward();
        optimizer.Step();
        var g = q.Gradient(Start);
        TensorAssert.Close(Start.Select((p, i) => p - (0.1 * g[i])).ToArray(), q.Parameter, 1e-15);
    }

    [Fact]
    public void Two_momentum_steps_equal_the_hand_formula()
    {
        using var q = new Quadratic(Start, Curvature);
        const double lr = 0.1, mu = 0.9, dampening = 0.2, wd = 0.01;
        using var optimizer = new Sgd([q.Parameter], new SgdOptions { LearningRate = lr, Momentum = mu, Dampening = dampening, WeightDecay = wd });

        // Step 1: d1 = g1 + wd p0; the buffer starts as d1 (no dampening); p1 = p0 - lr d1.
        q.Backward();
        optimizer.Step();
        var g1 = q.Gradient(Start);
        var b1 = Start.Select((p, i) => g1[i] + (wd * p)).ToArray();
        var p1 = Start.Select((p, i) => p - (lr * b1[i])).ToArray();
        TensorAssert.Close(p1, q.Parameter, 1e-15);

        // Step 2: d2 = g2 + wd p1; b2 = mu b1 + (1 - dampening) d2; p2 = p1 - lr b2.
        optimizer.ZeroGrad();
        q.Backward();
        optimizer.Step();
        var g2 = q.Gradient(p1);
        var b2 = p1.Select((p, i) => (mu * b1[i]) + ((1 - dampening) * (g2[i] + (wd * p)))).ToArray();
        var p2 = p1.Select((p, i) => p - (lr * b2[i])).ToArray();
        TensorAssert.Close(p2, q.Parameter, 1e-15);
    }

    [Fact]
    public void Nesterov_momentum_looks_ahead()
    {
        using var q = new Quadratic(Start, Curvature);
        const double lr = 0.1, mu = 0.5;
        using var optimizer = new Sgd([q.Parameter], new SgdOptions { LearningRate = lr, Momentum = mu, Nesterov = true });
        q.Backward();
        optimizer.Step();
        var g1 = q.Gradient(Start);
        var p1 = Start.Select((p, i) => p - (lr * (g1[i] + (mu * g1[i])))).ToArray();
        TensorAssert.Close(p1, q.Parameter, 1e-15);

        optimizer.ZeroGrad();
        q.Backward();
        optimizer.Step();
        var g2 = q.Gradient(p1);
        var b2 = g1.Select((b, i) => (mu * b) + g2[i]).ToArray();
        TensorAssert.Close(p1.Select((p, i) => p - (lr * (g2[i] + (mu * b2[i])))).ToArray(), q.Parameter, 1e-15);

        Assert.Throws<ArgumentException>(() => new Sgd([q.Parameter], new SgdOptions { Momentum = 0, Nesterov = true }));
    }
}

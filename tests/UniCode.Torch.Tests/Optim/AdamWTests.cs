using UniCode.Torch.NN;
using UniCode.Torch.Optim;

namespace UniCode.Torch.Tests.Optim;

public sealed class AdamWTests
{
    private static readonly double[] Start = [1.0, -2.0, 0.5, 3.0];
    private static readonly double[] Curvature = [0.5, 2.0, -1.0, 0.01];

    [Fact]
    public void One_step_equals_the_closed_form_update()
    {
        // At step 1 the bias-corrected moments are g and g^2, so p1 = p0 (1 - lr wd) - lr g / (|g| + eps).
        using var q = new Quadratic(Start, Curvature);
        const double lr = 0.1, wd = 0.05, eps = 1e-8;
        using var optimizer = new AdamW([q.Parameter], new AdamWOptions { LearningRate = lr, WeightDecay = wd, Eps = eps });
        q.Backward();
        optimizer.Step();

        var g = q.Gradient(Start);
        var expected = Start.Select((p, i) => (p * (1 - (lr * wd))) - (lr * g[i] / (Math.Abs(g[i]) + eps))).ToArray();
        TensorAssert.Close(expected, q.Parameter, 1e-12);
    }

    [Fact]
    public void Adam_without_weight_decay_moves_each_element_by_the_learning_rate()
    {
        using var q = new Quadratic(Start, Curvature);
        using var optimizer = new AdamW([q.Parameter], new AdamWOptions { LearningRate = 0.01, WeightDecay = 0 });
        q.Backward();
        optimizer.Step();
        var expected = Start.Select((p, i) => p - (0.01 * Math.Sign(Curvature[i] * p))).ToArray();
        TensorAssert.Close(expected, q.Parameter, 1e-8);
    }

    [Fact]
    public void Several_steps_follow_the_AdamW_recurrence_with_bias_correction()
    {
        using var q = new Quadratic(Start, Curvature);
        const double lr = 0.05, wd = 0.1, b1 = 0.8, b2 = 0.95, eps = 1e-6;
        using var optimizer = new AdamW([q.Parameter], new AdamWOptions { LearningRate = lr, Beta1 = b1, Beta2 = b2, Eps = eps, WeightDecay = wd });

        var p = (double[])Start.Clone();
        var m = new double[p.Length];
        var v = new double[p.Length];
        for (var t = 1; t <= 5; t++)
        {
            optimizer.ZeroGrad();
            q.Backward();
            optimizer.Step();

            var g = q.Gradient(p);
            for (var i = 0; i < p.Length; i++)
            {
                p[i] *= 1 - (lr * wd);
                m[i] = (b1 * m[i]) + ((1 - b1) * g[i]);
                v[i] = (b2 * v[i]) + ((1 - b2) * g[i] * g[i]);
                var denominator = (Math.Sqrt(v[i]) / Math.Sqrt(1 - Math.Pow(b2, t))) + eps;
                p[i] -= lr / (1 - Math.Pow(b1, t)) * m[i] / denominator;
            }

            TensorAssert.Close(p, q.Parameter, 1e-12);
        }
    }

    [Fact]
    public void Parameter_groups_use_their_own_learning_rate_and_weight_decay()
    {
        using var a = new Quadratic([1.0], [1.0]);
        using var b = new Quadratic([1.0], [1.0]);
        using var optimizer = new AdamW(
            [new ParameterGroup([a.Parameter]), new ParameterGroup([b.Parameter], learningRate: 0.5, weightDecay: 0)],
            new AdamWOptions { LearningRate = 0.1, WeightDecay = 0.2 });
        Assert.Equal(0.1, optimizer.ParameterGroups[0].LearningRate);
        Assert.Equal(0.2, optimizer.ParameterGroups[0].WeightDecay);
        Assert.Equal(0.5, optimizer.ParameterGroups[1].LearningRate);
        Assert.Equal(0.0, optimizer.ParameterGroups[1].WeightDecay);

        a.Backward();
        b.Backward();
        optimizer.Step();
        TensorAssert.Close([(1 * (1 - 0.02)) - 0.1], a.Parameter, 1e-7);
        TensorAssert.Close([1 - 0.5], b.Parameter, 1e-7);
    }

    [Fact]
    public void Parameters_without_a_gradient_are_left_alone()
    {
        using var q = new Quadratic([1.0, 2.0], [1.0, 1.0]);
        using var optimizer = new AdamW([q.Parameter]);
        optimizer.Step();
        TensorAssert.Equal([1, 2], q.Parameter);
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        using var q = new Quadratic([1.0], [1.0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([q.Parameter], new AdamWOptions { Beta1 = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([q.Parameter], new AdamWOptions { LearningRate = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([q.Parameter], new AdamWOptions { Eps = -1 }));
        Assert.Throws<ArgumentException>(() => new AdamW(Array.Empty<Parameter>()));
    }
}

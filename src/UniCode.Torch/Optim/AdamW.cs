using UniCode.Torch.NN;

namespace UniCode.Torch.Optim;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter), the update of PyTorch's <c>torch.optim.AdamW</c>:
/// p -= lr * wd * p; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
/// p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps). With weight decay 0 it is Adam.
/// </summary>
public sealed class AdamW : Optimizer
{
    /// <summary>Creates the optimizer over one group.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="options">The settings (defaults: PyTorch's).</param>
    public AdamW(IEnumerable<Parameter> parameters, AdamWOptions? options = null)
        : this([new ParameterGroup(parameters)], options)
    {
    }

    /// <summary>Creates the optimizer over several groups.</summary>
    /// <param name="groups">The groups; unset settings come from <paramref name="options"/>.</param>
    /// <param name="options">The settings (defaults: PyTorch's).</param>
    public AdamW(IEnumerable<ParameterGroup> groups, AdamWOptions? options = null)
        : base(groups, (options ?? new AdamWOptions()).LearningRate, (options ?? new AdamWOptions()).WeightDecay)
    {
        Options = options ?? new AdamWOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public AdamWOptions Options { get; }

    /// <inheritdoc/>
    public override void Step()
    {
        using var noGrad = Autograd.NoGrad();
        foreach (var group in ParameterGroups)
        {
            foreach (var parameter in group.Parameters)
            {
                using var scope = new DisposeScope();
                var grad = parameter.Grad;
                if (grad is null)
                {
                    continue;
                }

                var step = State(parameter, "step", () => Tensor.FromScalar(0.0, DType.Float64));
                var expAvg = State(parameter, "exp_avg", parameter.ZerosLike);
                var expAvgSq = State(parameter, "exp_avg_sq", parameter.ZerosLike);
                step.AddInPlace(1);
                var t = step.ToDouble();

                parameter.MulInPlace(1 - (group.LearningRate * group.WeightDecay));
                expAvg.LerpInPlace(grad, 1 - Options.Beta1);
                expAvgSq.MulInPlace(Options.Beta2).AddcmulInPlace(grad, grad, 1 - Options.Beta2);

                var biasCorrection1 = 1 - Math.Pow(Options.Beta1, t);
                var biasCorrection2 = 1 - Math.Pow(Options.Beta2, t);
                var stepSize = group.LearningRate / biasCorrection1;
                var denominator = expAvgSq.Sqrt().DivInPlace(Math.Sqrt(biasCorrection2)).AddInPlace(Options.Eps);
                parameter.AddcdivInPlace(expAvg, denominator, -stepSize);
            }
        }
    }
}

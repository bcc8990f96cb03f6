using UniCode.Torch.NN;

namespace UniCode.Torch.Optim;

/// <summary>
/// Stochastic gradient descent with momentum, the update of PyTorch's <c>torch.optim.SGD</c>:
/// d = g + wd p; b = mu b + (1 - dampening) d (b = d at the first step); p -= lr (nesterov ? d + mu b : b).
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates the optimizer over one group.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="options">The settings.</param>
    public Sgd(IEnumerable<Parameter> parameters, SgdOptions? options = null)
        : this([new ParameterGroup(parameters)], options)
    {
    }

    /// <summary>Creates the optimizer over several groups.</summary>
    /// <param name="groups">The groups; unset settings come from <paramref name="options"/>.</param>
    /// <param name="options">The settings.</param>
    public Sgd(IEnumerable<ParameterGroup> groups, SgdOptions? options = null)
        : base(groups, (options ?? new SgdOptions()).LearningRate, (options ?? new SgdOptions()).WeightDecay)
    {
        Options = options ?? new SgdOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public SgdOptions Options { get; }

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

                var direction = group.WeightDecay != 0 ? grad.Add(parameter, group.WeightDecay) : grad;
                if (Options.Momentum != 0)
                {
                    var fresh = false;
                    var buffer = State(parameter, "momentum_buffer", () =>
                    {
                        fresh = true;
                        return direction.Clone();
                    });
                    if (!fresh)
                    {
                        buffer.MulInPlace(Options.Momentum).AddInPlace(direction, 1 - Options.Dampening);
                    }

                    direction = Options.Nesterov ? direction.Add(buffer, Options.Momentum) : buffer;
                }

                parameter.AddInPlace(direction, -group.LearningRate);
            }
        }
    }
}

namespace UniCode.Torch.Optim;

/// <summary>Settings of <see cref="Sgd"/> (defaults: plain SGD with PyTorch's usual learning rate).</summary>
public sealed record SgdOptions : IOptions
{
    /// <summary>The step size (finite, at least 0).</summary>
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>Momentum factor (0: plain SGD; finite, at least 0).</summary>
    public double Momentum { get; init; }

    /// <summary>Dampening of the momentum, in [0, 1].</summary>
    public double Dampening { get; init; }

    /// <summary>L2 penalty added to the gradient (finite, at least 0).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Nesterov momentum (needs momentum &gt; 0 and dampening 0).</summary>
    public bool Nesterov { get; init; }

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.NonNegative(LearningRate, nameof(LearningRate));
        OptionCheck.NonNegative(Momentum, nameof(Momentum));
        OptionCheck.InRange(Dampening, 0, 1, nameof(Dampening));
        OptionCheck.NonNegative(WeightDecay, nameof(WeightDecay));
        if (Nesterov && (Momentum <= 0 || Dampening != 0))
        {
            throw new ArgumentException($"Nesterov momentum needs Momentum > 0 and Dampening 0, not {Momentum} and {Dampening}", nameof(Nesterov));
        }
    }
}

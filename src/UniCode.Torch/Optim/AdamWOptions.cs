namespace UniCode.Torch.Optim;

/// <summary>Settings of <see cref="AdamW"/> (defaults: PyTorch's).</summary>
public sealed record AdamWOptions : IOptions
{
    /// <summary>The step size (finite, at least 0).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Decay of the first-moment average, in [0, 1).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay of the second-moment average, in [0, 1).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Added to the denominator (finite, at least 0).</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>Decoupled weight decay (0 makes this plain Adam; finite, at least 0).</summary>
    public double WeightDecay { get; init; } = 1e-2;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.NonNegative(LearningRate, nameof(LearningRate));
        OptionCheck.InRange(Beta1, 0, 1, nameof(Beta1), maxExclusive: true);
        OptionCheck.InRange(Beta2, 0, 1, nameof(Beta2), maxExclusive: true);
        OptionCheck.NonNegative(Eps, nameof(Eps));
        OptionCheck.NonNegative(WeightDecay, nameof(WeightDecay));
    }
}

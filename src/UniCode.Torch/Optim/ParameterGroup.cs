using UniCode.Torch.NN;

namespace UniCode.Torch.Optim;

/// <summary>
/// Parameters that share a learning rate and weight decay (e.g. nanoGPT's "no decay for norms and
/// biases" group). Null settings take the optimizer's defaults.
/// </summary>
public sealed class ParameterGroup
{
    private double currentLearningRate;
    private double startLearningRate;
    private double decay;

    /// <summary>Creates a group.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="learningRate">Its learning rate, or null for the optimizer's.</param>
    /// <param name="weightDecay">Its weight decay, or null for the optimizer's.</param>
    public ParameterGroup(IEnumerable<Parameter> parameters, double? learningRate = null, double? weightDecay = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        if (Parameters.Any(p => p is null))
        {
            throw new ArgumentException("a parameter group holds a null parameter", nameof(parameters));
        }

        if (learningRate is { } lr)
        {
            OptionCheck.NonNegative(lr, nameof(learningRate));
        }

        if (weightDecay is { } wd)
        {
            OptionCheck.NonNegative(wd, nameof(weightDecay));
        }

        RequestedLearningRate = learningRate;
        RequestedWeightDecay = weightDecay;
    }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The current learning rate (a schedule changes it; finite, at least 0).</summary>
    public double LearningRate
    {
        get => currentLearningRate;
        set
        {
            OptionCheck.NonNegative(value, nameof(LearningRate));
            currentLearningRate = value;
        }
    }

    /// <summary>The learning rate the group started with (what schedules multiply).</summary>
    public double InitialLearningRate
    {
        get => startLearningRate;
        internal set
        {
            OptionCheck.NonNegative(value, nameof(InitialLearningRate));
            startLearningRate = value;
        }
    }

    /// <summary>The weight decay (finite, at least 0).</summary>
    public double WeightDecay
    {
        get => decay;
        set
        {
            OptionCheck.NonNegative(value, nameof(WeightDecay));
            decay = value;
        }
    }

    internal double? RequestedLearningRate { get; }

    internal double? RequestedWeightDecay { get; }
}

using UniCode.Torch.NN;

namespace UniCode.Torch.Optim;

/// <summary>
/// Parameters that share a learning rate and weight decay (e.g. nanoGPT's "no decay for norms and
/// biases" group). Null settings take the optimizer's defaults.
/// </summary>
public sealed class ParameterGroup
{
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

        RequestedLearningRate = learningRate;
        RequestedWeightDecay = weightDecay;
    }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The current learning rate (a schedule changes it).</summary>
    public double LearningRate { get; set; }

    /// <summary>The learning rate the group started with (what schedules multiply).</summary>
    public double InitialLearningRate { get; internal set; }

    /// <summary>The weight decay.</summary>
    public double WeightDecay { get; set; }

    internal double? RequestedLearningRate { get; }

    internal double? RequestedWeightDecay { get; }
}

namespace UniCode.Torch.Optim;

/// <summary>
/// A learning-rate schedule: the factor applied to each group's initial learning rate at a step. Schedules are
/// options (sealed init-only records that validate themselves); <see cref="LearningRateScheduler"/> validates
/// the one it is given.
/// </summary>
public interface ILearningRateSchedule : IOptions
{
    /// <summary>The multiplier at <paramref name="step"/> (0-based).</summary>
    /// <param name="step">The optimizer step.</param>
    double Factor(long step);
}

/// <summary>The same learning rate throughout.</summary>
public sealed record ConstantSchedule : ILearningRateSchedule
{
    /// <inheritdoc/>
    public double Factor(long step) => 1;

    /// <inheritdoc/>
    public void Validate()
    {
    }
}

/// <summary>
/// Linear warm-up to the full rate over <see cref="WarmupSteps"/>, then a half-cosine down to
/// <see cref="MinFactor"/> at <see cref="TotalSteps"/>, then flat:
/// step &lt; W: (step + 1) / W; W &lt;= step &lt;= T: min + (1 - min) (1 + cos(pi (step - W) / (T - W))) / 2.
/// </summary>
public sealed record WarmupCosineSchedule : ILearningRateSchedule
{
    /// <summary>Steps of linear warm-up (0: none; at least 0).</summary>
    public long WarmupSteps { get; init; }

    /// <summary>The step at which the decay ends (at least <see cref="WarmupSteps"/>).</summary>
    public required long TotalSteps { get; init; }

    /// <summary>The final factor, in [0, 1].</summary>
    public double MinFactor { get; init; }

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(WarmupSteps, 0, nameof(WarmupSteps));
        OptionCheck.AtLeast(TotalSteps, WarmupSteps, nameof(TotalSteps));
        OptionCheck.InRange(MinFactor, 0, 1, nameof(MinFactor));
    }

    /// <inheritdoc/>
    public double Factor(long step)
    {
        Validate();
        if (step < WarmupSteps)
        {
            return (step + 1) / (double)WarmupSteps;
        }

        if (step >= TotalSteps || TotalSteps == WarmupSteps)
        {
            return step >= TotalSteps ? MinFactor : 1;
        }

        var progress = (step - WarmupSteps) / (double)(TotalSteps - WarmupSteps);
        return MinFactor + ((1 - MinFactor) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }
}

/// <summary>Applies a schedule to an optimizer: call <see cref="Step"/> after each optimizer step.</summary>
public sealed class LearningRateScheduler
{
    private readonly Optimizer optimizer;
    private readonly ILearningRateSchedule schedule;

    /// <summary>Creates the scheduler and sets the learning rate for step 0.</summary>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="schedule">The schedule.</param>
    /// <param name="currentStep">The step to start from (when resuming).</param>
    public LearningRateScheduler(Optimizer optimizer, ILearningRateSchedule schedule, long currentStep = 0)
    {
        this.optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        this.schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        schedule.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(currentStep);
        CurrentStep = currentStep;
        Apply();
    }

    /// <summary>The step whose learning rate is in effect.</summary>
    public long CurrentStep { get; private set; }

    /// <summary>Advances one step and updates every group's learning rate.</summary>
    public void Step()
    {
        CurrentStep++;
        Apply();
    }

    private void Apply()
    {
        var factor = schedule.Factor(CurrentStep);
        foreach (var group in optimizer.ParameterGroups)
        {
            group.LearningRate = group.InitialLearningRate * factor;
        }
    }
}

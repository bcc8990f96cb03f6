namespace UniCode.Torch.Optim;

/// <summary>A learning-rate schedule: the factor applied to each group's initial learning rate at a step.</summary>
public interface ILearningRateSchedule
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
}

/// <summary>
/// Linear warm-up to the full rate over <paramref name="WarmupSteps"/>, then a half-cosine down to
/// <paramref name="MinFactor"/> at <paramref name="TotalSteps"/>, then flat:
/// step &lt; W: (step + 1) / W; W &lt;= step &lt;= T: min + (1 - min) (1 + cos(pi (step - W) / (T - W))) / 2.
/// </summary>
/// <param name="WarmupSteps">Steps of linear warm-up (0: none).</param>
/// <param name="TotalSteps">The step at which the decay ends.</param>
/// <param name="MinFactor">The final factor.</param>
public sealed record WarmupCosineSchedule(long WarmupSteps, long TotalSteps, double MinFactor = 0) : ILearningRateSchedule
{
    /// <inheritdoc/>
    public double Factor(long step)
    {
        if (WarmupSteps < 0 || TotalSteps < WarmupSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(step), $"need 0 <= warm-up ({WarmupSteps}) <= total ({TotalSteps})");
        }

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

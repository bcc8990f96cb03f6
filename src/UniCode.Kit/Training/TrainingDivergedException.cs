namespace UniCode.Kit.Training;

/// <summary>A training run stopped because its loss stopped being a finite number.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for <paramref name="step"/>.</summary>
    /// <param name="step">The 0-based step whose loss was not finite.</param>
    /// <param name="loss">That loss.</param>
    /// <param name="what">What was being trained.</param>
    public TrainingDivergedException(int step, double loss, string what)
        : base($"{what}: the loss at step {step} is {loss}; training stopped (lower the learning rate, or resume from the last checkpoint with other options)")
    {
        Step = step;
        Loss = loss;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException()
    {
    }

    /// <summary>The step whose loss was not finite.</summary>
    public int Step { get; }

    /// <summary>That loss.</summary>
    public double Loss { get; }
}

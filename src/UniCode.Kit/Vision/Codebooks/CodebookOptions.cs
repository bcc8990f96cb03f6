using UniCode.Torch;

namespace UniCode.Kit.Vision.Codebooks;

/// <summary>The codebook paradigm of a tokenizer's training, and its parameters.</summary>
public sealed record CodebookOptions : IOptions
{
    /// <summary>Which paradigm (paper §3.2).</summary>
    public CodebookParadigm Paradigm { get; init; } = CodebookParadigm.Separate;

    /// <summary>How Iterative applies Eq. 3.</summary>
    public IterativeSchedule Schedule { get; init; } = IterativeSchedule.Converging;

    /// <summary>λ of Eq. 3 for the <see cref="IterativeSchedule.Paper"/> schedule.</summary>
    public double Lambda { get; init; } = 0.99;

    /// <summary>N: the <see cref="IterativeSchedule.Paper"/> schedule applies Eq. 3 every N steps.</summary>
    public int Interval { get; init; } = 10;

    /// <summary>Where the converging ramp starts, as a fraction of the training steps.</summary>
    public double RampStart { get; init; } = 0.1;

    /// <summary>Where the converging ramp reaches C = C_L, as a fraction of the training steps; the rest holds it.</summary>
    public double RampEnd { get; init; } = 0.6;

    /// <inheritdoc/>
    public void Validate()
    {
        if (!Enum.IsDefined(Paradigm))
        {
            throw new ArgumentOutOfRangeException(nameof(Paradigm), Paradigm, "unknown codebook paradigm");
        }

        if (!Enum.IsDefined(Schedule))
        {
            throw new ArgumentOutOfRangeException(nameof(Schedule), Schedule, "unknown iterative schedule");
        }

        OptionCheck.InRange(Lambda, 0, 1, nameof(Lambda));
        OptionCheck.AtLeast(Interval, 1, nameof(Interval));
        OptionCheck.InRange(RampStart, 0, 1, nameof(RampStart));
        OptionCheck.InRange(RampEnd, 0, 1, nameof(RampEnd));
        if (RampEnd < RampStart)
        {
            throw new ArgumentOutOfRangeException(nameof(RampEnd), RampEnd, $"RampEnd must be at least RampStart ({RampStart})");
        }
    }
}

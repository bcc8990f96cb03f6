using UniCode.Kit.Vision.Quantization;

namespace UniCode.Kit.Vision.Codebooks;

/// <summary>
/// Paper Fig. 2 (c), language-driven iterative training: the codebook follows the encoder's features by EMA (Eq. 2,
/// inside the quantizer's update) and is pulled toward the LM's table by Eq. 3, C ← λC + (1−λ)·s·C_L, on the
/// schedule of <see cref="CodebookOptions.Schedule"/>. C_L is never written.
/// </summary>
public sealed class IterativeCodebook : CodebookSync
{
    private readonly CodebookOptions options;
    private readonly int totalSteps;

    /// <summary>Binds the paradigm.</summary>
    /// <param name="quantizer">The tokenizer's quantizer.</param>
    /// <param name="language">C_L.</param>
    /// <param name="options">Schedule, λ, interval and ramp.</param>
    /// <param name="totalSteps">The number of training steps (the ramp is laid out over them).</param>
    public IterativeCodebook(VectorQuantizer quantizer, LanguageCodebook language, CodebookOptions options, int totalSteps)
        : base(quantizer, language ?? throw new ArgumentNullException(nameof(language)))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        this.options = options;
        this.totalSteps = totalSteps;
    }

    /// <inheritdoc/>
    public override CodebookParadigm Paradigm => CodebookParadigm.Iterative;

    /// <summary>The Eq. 3 λ applied after step <paramref name="step"/> (1 means no pull that step).</summary>
    /// <param name="step">0-based training step.</param>
    public double LambdaAt(int step)
    {
        if (options.Schedule == IterativeSchedule.Paper)
        {
            return (step + 1) % options.Interval == 0 ? options.Lambda : 1;
        }

        // Converging: λ_t = 1 − ramp(t), the ramp rising linearly from RampStart to RampEnd (fractions of training).
        var t = (step + 1) / (double)totalSteps;
        if (t <= options.RampStart)
        {
            return 1;
        }

        var span = options.RampEnd - options.RampStart;
        var ramp = span <= 0 || t >= options.RampEnd ? 1 : (t - options.RampStart) / span;
        return 1 - ramp;
    }

    /// <inheritdoc/>
    public override void Resume(int stepsDone)
    {
        if (stepsDone > 0 && LambdaAt(stepsDone - 1) == 0)
        {
            Quantizer.Frozen = true;
        }
    }

    /// <inheritdoc/>
    public override void AfterStep(int step)
    {
        var lambda = LambdaAt(step);
        if (lambda >= 1)
        {
            return;
        }

        using var scaled = Language!.Scaled();
        if (options.Schedule == IterativeSchedule.Paper)
        {
            Quantizer.BlendToward(scaled, lambda); // Eq. 3 as written: C itself is pulled, and the pulls compound
        }
        else
        {
            Quantizer.MixToward(scaled, 1 - lambda); // C = (1 − ramp) C_EMA + ramp s·C_L: the ramp does not compound
        }

        if (lambda == 0)
        {
            // C = s·C_L now: hold it (no EMA, no restarts) while the encoder and decoder adapt.
            Quantizer.Frozen = true;
        }
    }
}

namespace UniCode.Kit.Vision.Codebooks;

/// <summary>How the <see cref="CodebookParadigm.Iterative"/> paradigm applies Eq. 3.</summary>
public enum IterativeSchedule
{
    /// <summary>
    /// The paper's rule as written: Eq. 2 every step and, every <see cref="CodebookOptions.Interval"/> steps,
    /// C ← λC + (1−λ)C_L with the fixed <see cref="CodebookOptions.Lambda"/>. A calibration here found that with
    /// λ = 0.99 every 10 steps the feature EMA dominates and cos(C, C_L) stays near 0: nothing is unified.
    /// </summary>
    Paper,

    /// <summary>
    /// Converges (the kit's default, after the authors' released code): after every step the codebook is the blend
    /// C = (1 − r_t) C_EMA + r_t s·C_L of the EMA codebook (Eq. 2) and C_L, with r_t ramping from 0 at
    /// <see cref="CodebookOptions.RampStart"/> to 1 at <see cref="CodebookOptions.RampEnd"/> (fractions of training):
    /// Eq. 3 with λ_t = 1 − r_t, applied to the EMA estimate so that the ramp does not compound. From then on
    /// C = s·C_L exactly and is held while the encoder and decoder adapt to it.
    /// </summary>
    Converging,
}

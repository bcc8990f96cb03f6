namespace UniCode.Kit.Training.Multimodal;

/// <summary>One Stage II step.</summary>
/// <param name="Step">The step (0-based).</param>
/// <param name="Loss">The answer-only cross-entropy (Eq. 6).</param>
/// <param name="LearningRate">The learning rate it used.</param>
public sealed record InstructionStepRecord(int Step, double Loss, double LearningRate);

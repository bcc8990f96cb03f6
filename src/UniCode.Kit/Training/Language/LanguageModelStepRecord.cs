namespace UniCode.Kit.Training.Language;

/// <summary>One language-model training step.</summary>
/// <param name="Step">The step (0-based).</param>
/// <param name="Loss">The batch's mean next-token cross-entropy (nats).</param>
/// <param name="LearningRate">The learning rate the step used.</param>
/// <param name="ValidationPerplexity">exp(mean held-out cross-entropy), on the steps where it was measured.</param>
public sealed record LanguageModelStepRecord(int Step, double Loss, double LearningRate, double? ValidationPerplexity);

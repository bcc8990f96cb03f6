namespace UniCode.Kit.Evaluation.Generation;

/// <summary>An Inception Score analogue (higher is better; 1 to the number of classes).</summary>
/// <param name="Mean">The mean score over the splits.</param>
/// <param name="Std">The population standard deviation over the splits (0 for one split).</param>
/// <param name="Splits">How many parts the images were cut into.</param>
/// <param name="Count">Images scored.</param>
public sealed record InceptionScoreResult(double Mean, double Std, int Splits, int Count)
{
    /// <summary>"IS 7.12 ± 0.08 (1000 images, 10 splits)".</summary>
    public override string ToString() =>
        $"IS {MetricText.Number(Mean)} ± {MetricText.Number(Std)} ({Count} images, {Splits} split{(Splits == 1 ? "" : "s")})";
}

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>A POPE confusion matrix ("yes" is positive) and the scores POPE reports from it.</summary>
/// <param name="TruePositives">Yes to a present object.</param>
/// <param name="FalsePositives">Yes to an absent object (a hallucination).</param>
/// <param name="TrueNegatives">No to an absent object.</param>
/// <param name="FalseNegatives">No to a present object.</param>
public sealed record PopeResult(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>How many probes.</summary>
    public int Count => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>(TP + TN) / all.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Count);

    /// <summary>The standard error of <see cref="Accuracy"/> over the probes, √(a(1 − a) / n) (0 with no probes).</summary>
    public double AccuracyStandardError => Count == 0 ? 0 : Math.Sqrt(Accuracy * (1 - Accuracy) / Count);

    /// <summary>TP / (TP + FP); 0 when the model never says yes.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 0 when no object is present.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The share of yes replies, (TP + FP) / all: 0.5 for a balanced set answered without bias.</summary>
    public double YesRatio => Ratio(TruePositives + FalsePositives, Count);

    /// <summary>"POPE accuracy 85.0%, precision 80.0%, recall 92.0%, F1 85.6%, yes 57.5% (TP 46, FP 11, TN 39, FN 4)".</summary>
    public override string ToString() =>
        $"POPE accuracy {MetricText.Percent(Accuracy)}, precision {MetricText.Percent(Precision)}, recall {MetricText.Percent(Recall)}, "
        + $"F1 {MetricText.Percent(F1)}, yes {MetricText.Percent(YesRatio)} (TP {TruePositives}, FP {FalsePositives}, TN {TrueNegatives}, FN {FalseNegatives})";

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}

using UniCode.Kit.Data;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>The VQA accuracy of a set of answers.</summary>
/// <param name="Accuracy">The mean score, 0 to 1.</param>
/// <param name="Count">How many questions were scored.</param>
/// <param name="PerKind">The mean score of each kind of question present, in the kinds' order.</param>
public sealed record VqaAccuracyResult(double Accuracy, int Count, IReadOnlyDictionary<QuestionKind, double> PerKind)
{
    /// <summary>
    /// The standard error of <see cref="Accuracy"/> as an estimate over questions, √(p(1 − p) / n): exact for 0/1
    /// scores and an upper bound for the fractional min(matches / 3, 1) scores (their variance is at most p(1 − p)).
    /// </summary>
    public double StandardError => Count == 0 ? 0 : Math.Sqrt(Accuracy * (1 - Accuracy) / Count);

    /// <summary>"VQA accuracy 72.5% over 400 questions (CountAll 80.0%, ...)".</summary>
    public override string ToString()
    {
        var kinds = string.Join(", ", PerKind.Select(p => $"{p.Key} {MetricText.Percent(p.Value)}"));
        return $"VQA accuracy {MetricText.Percent(Accuracy)} over {Count} questions" + (PerKind.Count > 1 ? $" ({kinds})" : "");
    }
}

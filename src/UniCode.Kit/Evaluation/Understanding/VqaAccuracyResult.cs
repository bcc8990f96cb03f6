using UniCode.Kit.Data;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>The VQA accuracy of a set of answers.</summary>
/// <param name="Accuracy">The mean score, 0 to 1.</param>
/// <param name="Count">How many questions were scored.</param>
/// <param name="PerKind">The mean score of each kind of question present, in the kinds' order.</param>
public sealed record VqaAccuracyResult(double Accuracy, int Count, IReadOnlyDictionary<QuestionKind, double> PerKind)
{
    /// <summary>"VQA accuracy 72.5% over 400 questions (CountAll 80.0%, ...)".</summary>
    public override string ToString()
    {
        var kinds = string.Join(", ", PerKind.Select(p => $"{p.Key} {MetricText.Percent(p.Value)}"));
        return $"VQA accuracy {MetricText.Percent(Accuracy)} over {Count} questions" + (PerKind.Count > 1 ? $" ({kinds})" : "");
    }
}

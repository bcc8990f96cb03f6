namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>The accuracy of a set of multiple-choice replies.</summary>
/// <param name="Correct">Replies that chose the right option.</param>
/// <param name="Unparsed">Replies that named no option (counted wrong).</param>
/// <param name="Count">Questions.</param>
public sealed record MultipleChoiceResult(int Correct, int Unparsed, int Count)
{
    /// <summary>Correct / Count.</summary>
    public double Accuracy => (double)Correct / Count;

    /// <summary>"multiple-choice accuracy 62.0% (31 of 50; 2 replies named no option)".</summary>
    public override string ToString() =>
        $"multiple-choice accuracy {MetricText.Percent(Accuracy)} ({Correct} of {Count}; {Unparsed} {(Unparsed == 1 ? "reply" : "replies")} named no option)";
}

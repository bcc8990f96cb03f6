namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>
/// POPE's scores of yes/no existence probes (Li et al. 2023, "Evaluating Object Hallucination in Large
/// Vision-Language Models"): "yes" is the positive class; accuracy, precision, recall, F1 and the share of yes replies.
/// </summary>
public static class PopeScore
{
    /// <summary>The scores of replies read by <see cref="YesNoAnswer.IsYes"/> against the truth.</summary>
    /// <param name="replies">One reply per probe.</param>
    /// <param name="present">Whether each probed object is present (the right answer is yes).</param>
    public static PopeResult Compute(IReadOnlyList<string> replies, IReadOnlyList<bool> present)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return Compute([.. replies.Select((r, i) => YesNoAnswer.IsYes(r ?? throw new ArgumentException($"reply {i} is null", nameof(replies))))], present);
    }

    /// <summary>The scores of yes/no decisions against the truth.</summary>
    /// <param name="saidYes">Whether the model said yes to each probe.</param>
    /// <param name="present">Whether each probed object is present.</param>
    public static PopeResult Compute(IReadOnlyList<bool> saidYes, IReadOnlyList<bool> present)
    {
        ArgumentNullException.ThrowIfNull(saidYes);
        ArgumentNullException.ThrowIfNull(present);
        if (saidYes.Count == 0)
        {
            throw new ArgumentException("POPE needs at least one reply", nameof(saidYes));
        }

        if (present.Count != saidYes.Count)
        {
            throw new ArgumentException($"{saidYes.Count} replies but {present.Count} truths", nameof(present));
        }

        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < saidYes.Count; i++)
        {
            switch ((saidYes[i], present[i]))
            {
                case (true, true): tp++; break;
                case (true, false): fp++; break;
                case (false, false): tn++; break;
                default: fn++; break;
            }
        }

        return new PopeResult(tp, fp, tn, fn);
    }
}

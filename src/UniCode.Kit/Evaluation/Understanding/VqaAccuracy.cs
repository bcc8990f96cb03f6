using UniCode.Kit.Data;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>
/// VQA accuracy (Antol et al. 2015): a prediction scores min(#matching references / 3, 1) against several human
/// answers, or exact match (1 or 0) against a single reference; both sides are compared after
/// <see cref="AnswerNormalization.Normalize"/>. The accuracy is the mean score.
/// </summary>
/// <remarks>
/// The official script averages min(#matches / 3, 1) over the ten leave-one-out subsets of its ten answers; with the
/// kit's reference lists (one exact answer for Shapes, a few for imported data) the plain formula is used, as most
/// papers state it.
/// </remarks>
public static class VqaAccuracy
{
    /// <summary>The score of one prediction: min(#matches / 3, 1) with two or more references, else exact match.</summary>
    /// <param name="prediction">The model's answer.</param>
    /// <param name="references">One or more reference answers.</param>
    public static double Score(string prediction, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
        {
            throw new ArgumentException("a VQA question needs at least one reference answer", nameof(references));
        }

        var predicted = AnswerNormalization.Normalize(prediction);
        var matches = references.Count(r => AnswerNormalization.Normalize(r) == predicted);
        return references.Count == 1 ? matches : Math.Min(matches / 3.0, 1.0);
    }

    /// <summary>The accuracy of <paramref name="predictions"/> against the answers of <paramref name="questions"/>
    /// (one exact reference each), with the accuracy of each kind of question.</summary>
    /// <param name="predictions">One answer per question, in order.</param>
    /// <param name="questions">The questions with their reference answers.</param>
    public static VqaAccuracyResult Compute(IReadOnlyList<string> predictions, IReadOnlyList<QuestionAnswer> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return Compute(predictions, [.. questions.Select(q => (IReadOnlyList<string>)[q.Answer])], [.. questions.Select(q => q.Kind)]);
    }

    /// <summary>The accuracy of <paramref name="predictions"/> against several references per question.</summary>
    /// <param name="predictions">One answer per question, in order.</param>
    /// <param name="references">The reference answers of each question (at least one each).</param>
    /// <param name="kinds">The kind of each question, for <see cref="VqaAccuracyResult.PerKind"/>; null counts all as <see cref="QuestionKind.Open"/>.</param>
    public static VqaAccuracyResult Compute(IReadOnlyList<string> predictions, IReadOnlyList<IReadOnlyList<string>> references, IReadOnlyList<QuestionKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(references);
        if (predictions.Count == 0)
        {
            throw new ArgumentException("VQA accuracy needs at least one prediction", nameof(predictions));
        }

        if (references.Count != predictions.Count)
        {
            throw new ArgumentException($"{predictions.Count} predictions but {references.Count} reference lists", nameof(references));
        }

        if (kinds is not null && kinds.Count != predictions.Count)
        {
            throw new ArgumentException($"{predictions.Count} predictions but {kinds.Count} question kinds", nameof(kinds));
        }

        var scores = new double[predictions.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            if (references[i] is null || references[i].Count == 0)
            {
                throw new ArgumentException($"question {i} has no reference answer", nameof(references));
            }

            scores[i] = Score(predictions[i] ?? string.Empty, references[i]);
        }

        var perKind = scores
            .Select((s, i) => (Kind: kinds?[i] ?? QuestionKind.Open, Score: s))
            .GroupBy(p => p.Kind)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Average(p => p.Score));
        return new VqaAccuracyResult(scores.Average(), scores.Length, perKind);
    }
}

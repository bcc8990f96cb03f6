namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>The accuracy of replies to multiple-choice questions, read by <see cref="MultipleChoiceAnswer.Parse"/>.</summary>
public static class MultipleChoiceAccuracy
{
    /// <summary>How many replies chose the right option; an unparsed reply counts as wrong.</summary>
    /// <param name="replies">One reply per question, in order.</param>
    /// <param name="questions">The questions.</param>
    public static MultipleChoiceResult Compute(IReadOnlyList<string> replies, IReadOnlyList<MultipleChoiceQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(questions);
        if (questions.Count == 0)
        {
            throw new ArgumentException("multiple-choice accuracy needs at least one question", nameof(questions));
        }

        if (replies.Count != questions.Count)
        {
            throw new ArgumentException($"{replies.Count} replies but {questions.Count} questions", nameof(replies));
        }

        int correct = 0, unparsed = 0;
        for (var i = 0; i < replies.Count; i++)
        {
            var chosen = MultipleChoiceAnswer.Parse(replies[i] ?? string.Empty, questions[i].Choices);
            if (chosen is null)
            {
                unparsed++;
            }
            else if (chosen == questions[i].AnswerIndex)
            {
                correct++;
            }
        }

        return new MultipleChoiceResult(correct, unparsed, questions.Count);
    }
}

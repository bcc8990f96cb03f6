using UniCode.Kit.Data;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>
/// Builds multiple-choice questions about class-labelled images (the kit's ScienceQA analogue on Fashion-MNIST
/// categories): each question offers the image's class and <see cref="MultipleChoiceOptions.Choices"/> − 1 other classes
/// drawn uniformly without replacement, in a random order, each question from its own seeded stream.
/// </summary>
public static class MultipleChoiceSet
{
    /// <summary>One question per label.</summary>
    /// <param name="labels">The images' classes (each 0 .. classNames.Count − 1).</param>
    /// <param name="classNames">The class names, which are the options' texts.</param>
    /// <param name="options">The number of choices, the texts and the seed (validated).</param>
    public static IReadOnlyList<MultipleChoiceQuestion> Build(IReadOnlyList<long> labels, IReadOnlyList<string> classNames, MultipleChoiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        options ??= new MultipleChoiceOptions();
        options.Validate();
        if (labels.Count == 0)
        {
            throw new ArgumentException("a multiple-choice set needs at least one labelled image", nameof(labels));
        }

        if (classNames.Count < options.Choices)
        {
            throw new ArgumentException($"{options.Choices} choices need at least {options.Choices} classes, not {classNames.Count}", nameof(classNames));
        }

        var questions = new MultipleChoiceQuestion[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (label < 0 || label >= classNames.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"label {i} is outside the {classNames.Count} classes");
            }

            var random = SeededRandom.ForStream(options.Seed, (ulong)i);
            var others = Enumerable.Range(0, classNames.Count).Where(c => c != label).ToArray();
            random.Shuffle(others);
            int[] chosen = [(int)label, .. others[..(options.Choices - 1)]];
            random.Shuffle(chosen);
            questions[i] = new MultipleChoiceQuestion(i, options.Question, [.. chosen.Select(c => classNames[c])], Array.IndexOf(chosen, (int)label), options.Instruction);
        }

        return questions;
    }
}

using System.Text;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>One multiple-choice question about an image.</summary>
/// <param name="Example">The image's index in the label list the set was built from.</param>
/// <param name="Question">The question put before the options.</param>
/// <param name="Choices">The options' texts, lettered A, B, ... in this order.</param>
/// <param name="AnswerIndex">The position of the right option in <paramref name="Choices"/>.</param>
/// <param name="Instruction">The instruction put after the options (may be empty).</param>
public sealed record MultipleChoiceQuestion(int Example, string Question, IReadOnlyList<string> Choices, int AnswerIndex, string Instruction)
{
    /// <summary>The right option's letter, 'A' for the first.</summary>
    public char AnswerLetter => Letter(AnswerIndex);

    /// <summary>The right option's text.</summary>
    public string Answer => Choices[AnswerIndex];

    /// <summary>The prompt: the question, one "A. text" line per option, then the instruction.</summary>
    public string Prompt
    {
        get
        {
            var text = new StringBuilder(Question).Append('\n');
            for (var i = 0; i < Choices.Count; i++)
            {
                text.Append(Letter(i)).Append(". ").Append(Choices[i]).Append('\n');
            }

            return text.Append(Instruction).ToString().TrimEnd();
        }
    }

    /// <summary>The letter of option <paramref name="index"/>: 'A' for 0.</summary>
    /// <param name="index">0 to 25.</param>
    public static char Letter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 25);
        return (char)('A' + index);
    }

    /// <summary>The prompt followed by the answer letter.</summary>
    public override string ToString() => $"{Prompt}\n→ {AnswerLetter}";
}

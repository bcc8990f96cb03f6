using UniCode.Kit.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>How <see cref="MultipleChoiceSet.Build"/> writes multiple-choice questions about class-labelled images.</summary>
public sealed record MultipleChoiceOptions : IOptions
{
    /// <summary>Options per question: the true class and Choices − 1 distractors (lettered A, B, ...).</summary>
    public int Choices { get; init; } = 4;

    /// <summary>The question put before the options.</summary>
    public string Question { get; init; } = "What is shown in the image?";

    /// <summary>The instruction put after the options (LLaVA's ScienceQA prompt).</summary>
    public string Instruction { get; init; } = "Answer with the option's letter from the given choices directly.";

    /// <summary>Seeds the distractors and the position of the true class.</summary>
    public ulong Seed { get; init; }

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.InRange(Choices, 2, 26, nameof(Choices));
        OptionRules.NotBlank(Question, nameof(Question));
        if (Instruction is null)
        {
            throw new ArgumentException($"{nameof(Instruction)} must not be null (use \"\" for none)", nameof(Instruction));
        }
    }
}

using UniCode.Torch;

namespace UniCode.Kit.Training.Multimodal;

/// <summary>
/// How Stage I interleaves the two trainings: before every tokenizer step, one LM step on text, both over the one
/// table (the tokenizer's codebook paradigm says how they share it). The tokenizer's steps and optimiser are its
/// recipe's; the LM continues from its pre-training with these settings.
/// </summary>
public sealed record StageOneOptions : IOptions
{
    /// <summary>Text blocks per LM step.</summary>
    public int LanguageBatchSize { get; init; } = 8;

    /// <summary>Tokens per text block.</summary>
    public int LanguageBlockSize { get; init; } = 128;

    /// <summary>The LM's peak learning rate in Stage I (below pre-training's: it continues a trained model).</summary>
    public double LanguageLearningRate { get; init; } = 3e-4;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(LanguageBatchSize, 1, nameof(LanguageBatchSize));
        OptionCheck.AtLeast(LanguageBlockSize, 2, nameof(LanguageBlockSize));
        OptionCheck.Positive(LanguageLearningRate, nameof(LanguageLearningRate));
    }
}

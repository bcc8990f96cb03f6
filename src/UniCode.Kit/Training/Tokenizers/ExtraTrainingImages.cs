using UniCode.Torch;

namespace UniCode.Kit.Training.Tokenizers;

/// <summary>
/// Images a tokenizer trains on beyond its dataset's training split: the paper's Table 2 adds CC3M images ("+ cc3m
/// imgs") and then the evaluation ground truth ("++ GT imgs") to the visual encoder's training set. Only the tokenizer
/// sees them; the LM's stages keep the training split.
/// </summary>
public sealed record ExtraTrainingImages : IOptions
{
    /// <summary>Scenes the dataset's generator draws beyond its training split (seed 2; the test split is seed 1). Only
    /// generated datasets (shapes) have them.</summary>
    public int GeneratedScenes { get; init; }

    /// <summary>Whether the test images the tokenizer is evaluated on are trained on too (the paper's "GT imgs").</summary>
    public bool TestImages { get; init; }

    /// <summary>The seed of the extra scenes: neither the training split's (0) nor the test split's (1).</summary>
    public const ulong GeneratedSeed = 2;

    /// <inheritdoc/>
    public void Validate() => OptionCheck.AtLeast(GeneratedScenes, 0, nameof(GeneratedScenes));
}

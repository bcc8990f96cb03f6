using UniCode.Torch;

namespace UniCode.Kit.Training.Language;

/// <summary>How the language model is pre-trained on text (next-token prediction over packed blocks, as in nanoGPT).</summary>
public sealed record LanguageModelTrainingOptions : IOptions
{
    /// <summary>Optimizer steps.</summary>
    public int Steps { get; init; } = 2000;

    /// <summary>Blocks per step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Tokens per block (at most the model's context).</summary>
    public int BlockSize { get; init; } = 128;

    /// <summary>AdamW's peak learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Linear warm-up steps before the cosine decay.</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>The learning rate at the end, as a fraction of the peak.</summary>
    public double FinalLearningRateFraction { get; init; } = 0.1;

    /// <summary>AdamW's decoupled weight decay, applied to matrices only (embeddings and linear weights; not norms or
    /// biases), as GPT-2 and nanoGPT do.</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>AdamW's β2 (0.95 for language models, after GPT-3).</summary>
    public double Beta2 { get; init; } = 0.95;

    /// <summary>The gradient norm is clipped to this (0 turns clipping off).</summary>
    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>The share of the token stream held out for validation perplexity.</summary>
    public double ValidationFraction { get; init; } = 0.05;

    /// <summary>Seeds the batch offsets and dropout.</summary>
    public ulong Seed { get; init; }

    /// <summary>A checkpoint is written every this many steps (and at the end) when a folder is given.</summary>
    public int CheckpointEvery { get; init; } = 500;

    /// <summary>Validation perplexity is measured every this many steps (and at the end).</summary>
    public int EvaluateEvery { get; init; } = 250;

    /// <summary>How many validation blocks a measurement reads (fewer when the held-out stream is shorter).</summary>
    public int EvaluationBlocks { get; init; } = 64;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(Steps, 1, nameof(Steps));
        OptionCheck.AtLeast(BatchSize, 1, nameof(BatchSize));
        OptionCheck.AtLeast(BlockSize, 2, nameof(BlockSize));
        OptionCheck.Positive(LearningRate, nameof(LearningRate));
        OptionCheck.AtLeast(WarmupSteps, 0, nameof(WarmupSteps));
        OptionCheck.InRange(FinalLearningRateFraction, 0, 1, nameof(FinalLearningRateFraction));
        OptionCheck.NonNegative(WeightDecay, nameof(WeightDecay));
        OptionCheck.InRange(Beta2, 0, 1, nameof(Beta2), maxExclusive: true);
        OptionCheck.NonNegative(GradientClipNorm, nameof(GradientClipNorm));
        OptionCheck.InRange(ValidationFraction, 0, 0.5, nameof(ValidationFraction));
        OptionCheck.AtLeast(CheckpointEvery, 1, nameof(CheckpointEvery));
        OptionCheck.AtLeast(EvaluateEvery, 1, nameof(EvaluateEvery));
        OptionCheck.AtLeast(EvaluationBlocks, 1, nameof(EvaluationBlocks));
    }
}

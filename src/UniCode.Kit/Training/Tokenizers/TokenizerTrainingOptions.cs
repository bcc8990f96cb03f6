using UniCode.Kit.Vision.Codebooks;
using UniCode.Torch;

namespace UniCode.Kit.Training.Tokenizers;

/// <summary>How a visual tokenizer is trained on image reconstruction.</summary>
public sealed record TokenizerTrainingOptions : IOptions
{
    /// <summary>Optimizer steps.</summary>
    public int Steps { get; init; } = 2000;

    /// <summary>Images per step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam's peak learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Linear warm-up steps before the cosine decay.</summary>
    public int WarmupSteps { get; init; } = 50;

    /// <summary>The learning rate at the end, as a fraction of the peak.</summary>
    public double FinalLearningRateFraction { get; init; } = 0.1;

    /// <summary>The gradient norm is clipped to this (0 turns clipping off).</summary>
    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>Seeds the weights' initialisation order, the batch order and the restarts.</summary>
    public ulong Seed { get; init; }

    /// <summary>A checkpoint is written every this many steps (and at the end) when a folder is given.</summary>
    public int CheckpointEvery { get; init; } = 500;

    /// <summary>The codebook's alignment with C_L is logged every this many steps.</summary>
    public int AlignmentEvery { get; init; } = 10;

    /// <summary>The codebook paradigm.</summary>
    public CodebookOptions Codebook { get; init; } = new();

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(Steps, 1, nameof(Steps));
        OptionCheck.AtLeast(BatchSize, 1, nameof(BatchSize));
        OptionCheck.Positive(LearningRate, nameof(LearningRate));
        OptionCheck.AtLeast(WarmupSteps, 0, nameof(WarmupSteps));
        OptionCheck.InRange(FinalLearningRateFraction, 0, 1, nameof(FinalLearningRateFraction));
        OptionCheck.NonNegative(GradientClipNorm, nameof(GradientClipNorm));
        OptionCheck.AtLeast(CheckpointEvery, 1, nameof(CheckpointEvery));
        OptionCheck.AtLeast(AlignmentEvery, 1, nameof(AlignmentEvery));
        if (Codebook is null)
        {
            throw new ArgumentNullException(nameof(Codebook), "Codebook options are required");
        }

        Codebook.Validate();
    }
}

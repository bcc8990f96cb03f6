using UniCode.Kit.Language;
using UniCode.Torch;

namespace UniCode.Kit.Training.Multimodal;

/// <summary>How Stage II instruction-tunes the MLLM (the tokenizer frozen): steps, AdamW, and full tuning or LoRA.</summary>
public sealed record InstructionTuningOptions : IOptions
{
    /// <summary>Optimizer steps.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Examples per step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>AdamW's peak learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Linear warm-up steps before the cosine decay.</summary>
    public int WarmupSteps { get; init; } = 50;

    /// <summary>The learning rate at the end, as a fraction of the peak.</summary>
    public double FinalLearningRateFraction { get; init; } = 0.1;

    /// <summary>AdamW's weight decay on matrices.</summary>
    public double WeightDecay { get; init; } = 0.0;

    /// <summary>The gradient norm is clipped to this (0: off).</summary>
    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>LoRA on the projections (only the LoRA matrices, the projector and any new code rows train), or null
    /// for full tuning.</summary>
    public LoraOptions? Lora { get; init; }

    /// <summary>Seeds the batches.</summary>
    public ulong Seed { get; init; }

    /// <summary>A checkpoint is written every this many steps (and at the end) when a folder is given.</summary>
    public int CheckpointEvery { get; init; } = 250;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(Steps, 1, nameof(Steps));
        OptionCheck.AtLeast(BatchSize, 1, nameof(BatchSize));
        OptionCheck.Positive(LearningRate, nameof(LearningRate));
        OptionCheck.AtLeast(WarmupSteps, 0, nameof(WarmupSteps));
        OptionCheck.InRange(FinalLearningRateFraction, 0, 1, nameof(FinalLearningRateFraction));
        OptionCheck.NonNegative(WeightDecay, nameof(WeightDecay));
        OptionCheck.NonNegative(GradientClipNorm, nameof(GradientClipNorm));
        OptionCheck.AtLeast(CheckpointEvery, 1, nameof(CheckpointEvery));
        Lora?.Validate();
    }
}

using UniCode.Kit.Configuration;
using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Evaluation.Alignment;
using UniCode.Kit.Evaluation.Generation;
using UniCode.Kit.Evaluation.Generation.Shapes;
using UniCode.Kit.Evaluation.Understanding;
using UniCode.Kit.Tests.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation;

/// <summary>The options of the generation and understanding metrics and of their judge nets.</summary>
public sealed class EvaluationOptionsTests : OptionsContract
{
    public static TheoryData<IOptions> Defaults() =>
    [
        new InceptionScoreOptions(), new TinyClipOptions(), new ShapesAttributeNetOptions(), new PopeSetOptions(), new MultipleChoiceOptions(),
        TinyClipOptions.For(Profile.Smoke, "emoji"), TinyClipOptions.For(Profile.Paper, "shapes"),
        ShapesAttributeNetOptions.For(Profile.Smoke, "shapes"), ShapesAttributeNetOptions.For(Profile.Paper, "shapes"),
    ];

    public static TheoryData<IOptions, string> Invalid() => new()
    {
        { new InceptionScoreOptions { Splits = 0 }, nameof(InceptionScoreOptions.Splits) },
        { new InceptionScoreOptions { BatchSize = 0 }, nameof(InceptionScoreOptions.BatchSize) },
        { new TinyClipOptions { Dataset = " " }, nameof(TinyClipOptions.Dataset) },
        { new TinyClipOptions { ImageChannels = 2 }, nameof(TinyClipOptions.ImageChannels) },
        { new TinyClipOptions { ImageSize = 4 }, nameof(TinyClipOptions.ImageSize) },
        { new TinyClipOptions { ImageWidth = 10 }, nameof(TinyClipOptions.ImageWidth) },
        { new TinyClipOptions { TextWidth = 0 }, nameof(TinyClipOptions.TextWidth) },
        { new TinyClipOptions { EmbeddingDim = 1 }, nameof(TinyClipOptions.EmbeddingDim) },
        { new TinyClipOptions { VocabularySize = 100 }, nameof(TinyClipOptions.VocabularySize) },
        { new TinyClipOptions { MaxTokens = 1 }, nameof(TinyClipOptions.MaxTokens) },
        { new TinyClipOptions { InitialTemperature = 0 }, nameof(TinyClipOptions.InitialTemperature) },
        { new TinyClipOptions { InitialTemperature = double.NaN }, nameof(TinyClipOptions.InitialTemperature) },
        { new TinyClipOptions { Steps = 0 }, nameof(TinyClipOptions.Steps) },
        { new TinyClipOptions { BatchSize = 1 }, nameof(TinyClipOptions.BatchSize) },
        { new TinyClipOptions { LearningRate = -1 }, nameof(TinyClipOptions.LearningRate) },
        { new ShapesAttributeNetOptions { Dataset = "" }, nameof(ShapesAttributeNetOptions.Dataset) },
        { new ShapesAttributeNetOptions { ImageSize = 8 }, nameof(ShapesAttributeNetOptions.ImageSize) },
        { new ShapesAttributeNetOptions { MaxCount = 10 }, nameof(ShapesAttributeNetOptions.MaxCount) },
        { new ShapesAttributeNetOptions { Width = 6 }, nameof(ShapesAttributeNetOptions.Width) },
        { new ShapesAttributeNetOptions { Steps = 0 }, nameof(ShapesAttributeNetOptions.Steps) },
        { new ShapesAttributeNetOptions { BatchSize = 0 }, nameof(ShapesAttributeNetOptions.BatchSize) },
        { new ShapesAttributeNetOptions { LearningRate = double.PositiveInfinity }, nameof(ShapesAttributeNetOptions.LearningRate) },
        { new PopeSetOptions { Sampling = (PopeSampling)7 }, nameof(PopeSetOptions.Sampling) },
        { new PopeSetOptions { PositivesPerScene = 0 }, nameof(PopeSetOptions.PositivesPerScene) },
        { new MultipleChoiceOptions { Choices = 1 }, nameof(MultipleChoiceOptions.Choices) },
        { new MultipleChoiceOptions { Choices = 27 }, nameof(MultipleChoiceOptions.Choices) },
        { new MultipleChoiceOptions { Question = "" }, nameof(MultipleChoiceOptions.Question) },
        { new MultipleChoiceOptions { Instruction = null! }, nameof(MultipleChoiceOptions.Instruction) },
    };
}

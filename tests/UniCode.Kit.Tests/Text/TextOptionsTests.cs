using UniCode.Kit.Tests.Configuration;
using UniCode.Kit.Text;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Text;

public sealed class TextOptionsTests : OptionsContract
{
    public static TheoryData<IOptions> Defaults() => [new BpeTrainerOptions(), new ChatTemplateOptions()];

    public static TheoryData<IOptions, string> Invalid() => new()
    {
        { new BpeTrainerOptions { VocabularySize = 256 }, nameof(BpeTrainerOptions.VocabularySize) },
        { new BpeTrainerOptions { VocabularySize = 256 + SpecialTokens.Reserved.Count, AdditionalSpecialTokens = ["<task>"] }, nameof(BpeTrainerOptions.VocabularySize) },
        { new BpeTrainerOptions { MinPairFrequency = 0 }, nameof(BpeTrainerOptions.MinPairFrequency) },
        { new BpeTrainerOptions { AdditionalSpecialTokens = null! }, nameof(BpeTrainerOptions.AdditionalSpecialTokens) },
        { new BpeTrainerOptions { AdditionalSpecialTokens = ["<a>", "<a>"] }, nameof(BpeTrainerOptions.AdditionalSpecialTokens) },
        { new BpeTrainerOptions { AdditionalSpecialTokens = [""] }, nameof(BpeTrainerOptions.AdditionalSpecialTokens) },
        { new ChatTemplateOptions { ImageTokenCount = 0 }, nameof(ChatTemplateOptions.ImageTokenCount) },
    };

    [Fact]
    public void Training_Validates_What_It_Receives() =>
        Assert.Equal("MinPairFrequency", Assert.Throws<ArgumentOutOfRangeException>(() => BpeTokenizer.Train(["a b"], new BpeTrainerOptions { MinPairFrequency = 0 })).ParamName);
}

using UniCode.Kit.Data.Llava;
using UniCode.Kit.Tests.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Data.Llava;

public sealed class LlavaOptionsTests : OptionsContract
{
    public static TheoryData<IOptions> Defaults() => [new LlavaConvertOptions(), new LlavaExportOptions()];

    public static TheoryData<IOptions, string> Invalid() => new()
    {
        { new LlavaConvertOptions { Limit = -1 }, nameof(LlavaConvertOptions.Limit) },
        { new LlavaExportOptions { Count = -1 }, nameof(LlavaExportOptions.Count) },
        { new LlavaExportOptions { Style = (LlavaExportStyle)12 }, nameof(LlavaExportOptions.Style) },
        { new LlavaExportOptions { CaptionPrompt = " " }, nameof(LlavaExportOptions.CaptionPrompt) },
        { new LlavaExportOptions { Name = "" }, nameof(LlavaExportOptions.Name) },
    };

    [Fact]
    public void The_Converter_Validates_What_It_Receives() =>
        Assert.Equal("Limit", Assert.Throws<ArgumentOutOfRangeException>(() => LlavaConverter.Convert("in.json", "images", "out", new LlavaConvertOptions { Limit = -2 })).ParamName);
}

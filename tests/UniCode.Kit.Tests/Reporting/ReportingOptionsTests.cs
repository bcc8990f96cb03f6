using UniCode.Kit.Reporting.Chromium;
using UniCode.Kit.Reporting.Images;
using UniCode.Kit.Tests.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Reporting;

public sealed class ReportingOptionsTests : OptionsContract
{
    public static TheoryData<IOptions> Defaults() => [new ImageGridOptions(), new ScreenshotOptions()];

    public static TheoryData<IOptions, string> Invalid() => new()
    {
        { new ImageGridOptions { Columns = 0 }, nameof(ImageGridOptions.Columns) },
        { new ImageGridOptions { Padding = -1 }, nameof(ImageGridOptions.Padding) },
        { new ImageGridOptions { Padding = 1001 }, nameof(ImageGridOptions.Padding) },
        { new ImageGridOptions { Scale = 0 }, nameof(ImageGridOptions.Scale) },
        { new ImageGridOptions { Scale = 65 }, nameof(ImageGridOptions.Scale) },
        { new ImageGridOptions { CaptionScale = 0.05 }, nameof(ImageGridOptions.CaptionScale) },
        { new ImageGridOptions { CaptionScale = double.NaN }, nameof(ImageGridOptions.CaptionScale) },
        { new ImageGridOptions { CaptionOverflow = (CaptionOverflow)5 }, nameof(ImageGridOptions.CaptionOverflow) },
        { new ImageGridOptions { MaxCaptionLines = 0 }, nameof(ImageGridOptions.MaxCaptionLines) },
        { new ImageGridOptions { MaxCaptionLines = 21 }, nameof(ImageGridOptions.MaxCaptionLines) },
        { new ScreenshotOptions { Width = 15 }, nameof(ScreenshotOptions.Width) },
        { new ScreenshotOptions { Width = 8001 }, nameof(ScreenshotOptions.Width) },
        { new ScreenshotOptions { Height = 0 }, nameof(ScreenshotOptions.Height) },
        { new ScreenshotOptions { Height = 8001 }, nameof(ScreenshotOptions.Height) },
        { new ScreenshotOptions { Scale = 0.2 }, nameof(ScreenshotOptions.Scale) },
        { new ScreenshotOptions { Scale = double.PositiveInfinity }, nameof(ScreenshotOptions.Scale) },
        { new ScreenshotOptions { VirtualTimeBudgetMilliseconds = -1 }, nameof(ScreenshotOptions.VirtualTimeBudgetMilliseconds) },
        { new ScreenshotOptions { VirtualTimeBudgetMilliseconds = 600_001 }, nameof(ScreenshotOptions.VirtualTimeBudgetMilliseconds) },
        { new ScreenshotOptions { Timeout = TimeSpan.Zero }, nameof(ScreenshotOptions.Timeout) },
        { new ScreenshotOptions { Timeout = TimeSpan.FromHours(2) }, nameof(ScreenshotOptions.Timeout) },
    };
}

using UniCode.Kit.Reporting.Chromium;
using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Tests.Reporting.Chromium;

[Collection(ReportingEnvironment.Name)]
public sealed class HeadlessChromiumTests
{
    [Fact]
    public void A_plain_page_is_shot_at_the_window_size_and_scale()
    {
        const string page = "<!DOCTYPE html><html><body style=\"margin:0;background:#00ff00\"></body></html>";
        using var scope = new DisposeScope();
        var image = ImageIO.Decode(HeadlessChromium.Screenshot(page, new ScreenshotOptions { Width = 120, Height = 80, Scale = 2 }));
        Assert.Equal([160L, 240, 3], image.Shape);
        var green = image.To(DType.Int32);
        Assert.Equal(0, green[.., .., 0].Max().ToInt64());
        Assert.Equal(255, green[.., .., 1].Min().ToInt64());
    }

    [Fact]
    public void A_page_that_never_finishes_is_stopped_with_a_timeout_error()
    {
        const string page = "<!DOCTYPE html><html><body><script>while (true) {}</script></body></html>";
        var error = Assert.Throws<TimeoutException>(() =>
            HeadlessChromium.Screenshot(page, new ScreenshotOptions { Width = 100, Height = 100, Timeout = TimeSpan.FromSeconds(3) }));
        Assert.Contains("did not finish the screenshot within 3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bogus_chromium_path_is_a_clear_error_with_the_install_command()
    {
        using var bogus = new EnvironmentOverride(HeadlessChromium.EnvironmentVariable, "/nonexistent/chromium");
        var error = Assert.Throws<FileNotFoundException>(() => HeadlessChromium.Screenshot("<html></html>"));
        Assert.Contains("UNICODE_CHROMIUM", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_options_are_refused_before_chromium_starts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HeadlessChromium.Screenshot("<html></html>", new ScreenshotOptions { Width = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HeadlessChromium.Screenshot("<html></html>", new ScreenshotOptions { Scale = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HeadlessChromium.Screenshot("<html></html>", new ScreenshotOptions { Timeout = TimeSpan.Zero }));
    }

    [Fact]
    public void The_temporary_profile_and_page_are_deleted_afterwards()
    {
        var before = Folders();
        HeadlessChromium.Screenshot("<!DOCTYPE html><html><body>x</body></html>", new ScreenshotOptions { Width = 50, Height = 50 });
        // Other test processes (the CLI's, the notebooks') take screenshots at the same time, so a folder that is new
        // here may be theirs: theirs go away when their screenshot ends, a leaked one stays.
        var added = Folders().Except(before).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (added.Any(Directory.Exists) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(200);
        }

        Assert.All(added, d => Assert.False(Directory.Exists(d), $"{d} was left behind"));
    }

    private static HashSet<string> Folders() => Directory.GetDirectories(Path.GetTempPath(), "unicode-chromium-*").ToHashSet(StringComparer.Ordinal);
}

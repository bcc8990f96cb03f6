using UniCode.Kit.Reporting.Images;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Tests.Reporting.Images;

public sealed class CaptionLayoutTests
{
    // A monospaced stand-in for the font: 5 pixels per character.
    private static int Mono(string s) => s.Length * 5;

    [Fact]
    public void Short_captions_stay_on_one_line()
    {
        Assert.Equal(["a cat"], CaptionLayout.Fit("a  cat", 40, 2, CaptionOverflow.Wrap, Mono));
        Assert.Empty(CaptionLayout.Fit("   ", 40, 2, CaptionOverflow.Wrap, Mono));
    }

    [Fact]
    public void Long_captions_wrap_at_spaces()
    {
        Assert.Equal(["a red", "circle", "left"], CaptionLayout.Fit("a red circle left", 30, 3, CaptionOverflow.Wrap, Mono));
    }

    [Fact]
    public void Words_wider_than_the_tile_are_cut()
    {
        Assert.Equal(["abcdef", "ghij"], CaptionLayout.Fit("abcdefghij", 30, 3, CaptionOverflow.Wrap, Mono));
    }

    [Fact]
    public void Text_beyond_the_last_line_ends_it_with_an_ellipsis()
    {
        var lines = CaptionLayout.Fit("one two three four five", 30, 2, CaptionOverflow.Wrap, Mono);
        Assert.Equal(["one", "two..."], lines);
        Assert.All(lines, l => Assert.True(Mono(l) <= 30));
    }

    [Fact]
    public void Truncation_keeps_one_line_that_fits()
    {
        Assert.Equal(["a very..."], CaptionLayout.Fit("a very long caption", 45, 3, CaptionOverflow.Truncate, Mono));
        Assert.Equal(["..."], CaptionLayout.Fit("abcdef", 15, 1, CaptionOverflow.Truncate, Mono));
    }

    [Fact]
    public void With_the_real_font_every_line_fits_the_width()
    {
        int Measure(string s) => ImageDraw.MeasureText(s, 0.4).Width;
        var lines = CaptionLayout.Fit("a very long caption that will need wrapping across several lines", 96, 3, CaptionOverflow.Wrap, Measure);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.True(Measure(l) <= 96, $"'{l}' is {Measure(l)} pixels wide"));
        Assert.EndsWith("...", lines[^1], StringComparison.Ordinal);
    }
}

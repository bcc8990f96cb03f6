using UniCode.Notebooks.Rendering;
using UniCode.Notebooks.Scripting;

namespace UniCode.Notebooks.Tests.Rendering;

public sealed class DisplayRendererTests
{
    [Fact]
    public void A_string_is_plain_text()
    {
        var bundle = DisplayRenderer.Render("hello");

        Assert.Equal(["text/plain"], bundle.MimeTypes);
        Assert.Equal("hello", bundle.GetText("text/plain"));
    }

    [Fact]
    public void Null_is_shown_as_null()
    {
        Assert.Equal("<null>", DisplayRenderer.Render(null).GetText("text/plain"));
    }

    [Fact]
    public void Html_content_is_html_only()
    {
        var bundle = DisplayRenderer.Render(new HtmlContent("<b>x</b>"));

        Assert.Equal(["text/html"], bundle.MimeTypes);
        Assert.Equal("<b>x</b>", bundle.GetText("text/html"));
    }

    [Fact]
    public void A_ToHtml_method_gives_html_and_plain_text()
    {
        var bundle = DisplayRenderer.Render(new Table());

        Assert.Equal("<table><tr><td>1</td></tr></table>", bundle.GetText("text/html"));
        Assert.Equal("Table(1 row)", bundle.GetText("text/plain"));
    }

    [Fact]
    public void A_ToPng_method_gives_a_base64_png()
    {
        var bundle = DisplayRenderer.Render(new Picture());

        Assert.Equal(["image/png"], bundle.MimeTypes);
        Assert.Equal(Picture.Bytes, Convert.FromBase64String(bundle.GetText("image/png")!));
    }

    [Fact]
    public void A_ToMarkdown_method_gives_markdown_and_plain_text()
    {
        var bundle = DisplayRenderer.Render(new Note());

        Assert.Equal("**note**", bundle.GetText("text/markdown"));
        Assert.Equal("note", bundle.GetText("text/plain"));
    }

    [Fact]
    public void Html_wins_over_png_and_markdown_when_a_type_has_several()
    {
        var bundle = DisplayRenderer.Render(new Everything());

        Assert.Equal(["text/html", "text/plain"], bundle.MimeTypes);
    }

    [Fact]
    public void Anything_else_is_its_ToString()
    {
        Assert.Equal("42", DisplayRenderer.Render(42).GetText("text/plain"));
        Assert.Equal("plain", DisplayRenderer.Render(new Plain()).GetText("text/plain"));
    }

    [Fact]
    public void Methods_with_other_signatures_are_ignored()
    {
        var bundle = DisplayRenderer.Render(new LookAlike());

        Assert.Equal(["text/plain"], bundle.MimeTypes);
    }

    [Fact]
    public void A_failing_ToHtml_raises_its_own_exception()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DisplayRenderer.Render(new Broken()));

        Assert.Equal("cannot render", error.Message);
    }

    private sealed class Table
    {
        public string ToHtml() => "<table><tr><td>1</td></tr></table>";

        public override string ToString() => "Table(1 row)";
    }

    private sealed class Picture
    {
        public static readonly byte[] Bytes = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

        public byte[] ToPng() => Bytes;
    }

    private sealed class Note
    {
        public string ToMarkdown() => "**note**";

        public override string ToString() => "note";
    }

    private sealed class Everything
    {
        public string ToHtml() => "<p/>";

        public byte[] ToPng() => [1];

        public string ToMarkdown() => "m";
    }

    private sealed class Plain
    {
        public override string ToString() => "plain";
    }

    private sealed class LookAlike
    {
        public string ToHtml(int width) => $"<p>{width}</p>";

        public string ToPng() => "not bytes";
    }

    private sealed class Broken
    {
        public string ToHtml() => throw new InvalidOperationException("cannot render");
    }
}

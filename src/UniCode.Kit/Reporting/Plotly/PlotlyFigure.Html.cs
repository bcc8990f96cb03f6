using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UniCode.Kit.Reporting.Chromium;
using UniCode.Kit.Reporting.Images;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Reporting.Plotly;

// HTML (notebook fragments and whole pages) and PNG (a whole page with plotly.js inlined, shot by Chromium).
public sealed partial class PlotlyFigure
{
    private const string ReadyMarker = "UNICODE_PLOT_READY";
    private const string ErrorMarker = "UNICODE_PLOT_ERROR:";
    private static long fragmentCount;

    /// <summary>
    /// An HTML fragment for a notebook output: the first figure a process renders this way inlines plotly.js
    /// (the page has no other way to get it offline), later ones assume the page has it already
    /// (<see cref="PlotlyJs.ResetNotebook"/> starts over, e.g. after outputs were cleared).
    /// </summary>
    public string ToHtml() => PlotlyJs.RenderForNotebook(mode => ToHtml(mode));

    /// <summary>An HTML fragment (a div and its script) that draws the figure.</summary>
    /// <param name="mode">How the fragment gets plotly.js.</param>
    /// <param name="reference">The script's path or URL, for <see cref="PlotlyJsMode.Reference"/> only.</param>
    public string ToHtml(PlotlyJsMode mode, string? reference = null)
    {
        var json = ToJson();
        var id = $"unicode-plot-{Interlocked.Increment(ref fragmentCount).ToString(CultureInfo.InvariantCulture)}-{ShortHash(json)}";
        return "<div class=\"unicode-plotly\">\n" + LibraryScript(mode, reference) + PlotElement(id) + DrawScript(id, json, forPng: false) + "</div>\n";
    }

    /// <summary>A complete HTML page that draws the figure.</summary>
    /// <param name="mode">How the page gets plotly.js: <see cref="PlotlyJsMode.Inline"/> makes it self-contained.</param>
    /// <param name="reference">The script's path or URL, for <see cref="PlotlyJsMode.Reference"/> only.</param>
    public string ToHtmlDocument(PlotlyJsMode mode = PlotlyJsMode.Inline, string? reference = null) =>
        HtmlText.Document(Title, PlotElement("unicode-plot") + DrawScript("unicode-plot", ToJson(), forPng: false), LibraryScript(mode, reference));

    /// <summary>Writes <see cref="ToHtmlDocument"/> to <paramref name="path"/>, atomically.</summary>
    /// <param name="path">The HTML file.</param>
    /// <param name="mode">How the page gets plotly.js (inlined by default: the file works offline on its own).</param>
    /// <param name="reference">The script's path or URL, for <see cref="PlotlyJsMode.Reference"/> only.</param>
    public void WriteHtml(string path, PlotlyJsMode mode = PlotlyJsMode.Inline, string? reference = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var html = ToHtmlDocument(mode, reference);
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html));
    }

    /// <summary>
    /// The chart rendered once, as a static image for notebooks (a few kilobytes; see <see cref="PngImage"/>).
    /// Display the figure itself for the interactive chart.
    /// </summary>
    /// <param name="scale">Device pixels per CSS pixel.</param>
    public PngImage Snapshot(double scale = 1) => new(ToPng(scale));

    /// <summary>The figure as a PNG of <see cref="Width"/> x <see cref="Height"/> pixels, rendered by headless Chromium.</summary>
    public byte[] ToPng() => ToPng(scale: 1);

    /// <summary>The figure as a PNG, rendered by headless Chromium from a page with plotly.js inlined.</summary>
    /// <param name="scale">Device pixels per figure pixel (2: twice the width and height, sharper text).</param>
    /// <param name="timeout">Wall-clock limit for Chromium (default two minutes).</param>
    public byte[] ToPng(double scale, TimeSpan? timeout = null)
    {
        var options = new ScreenshotOptions { Width = Width, Height = Height, Scale = scale };
        if (timeout is { } limit)
        {
            options = options with { Timeout = limit };
        }

        return HeadlessChromium.Screenshot(PngDocument(), options, ReadyMarker, ErrorMarker);
    }

    /// <summary>Writes <see cref="ToPng(double, TimeSpan?)"/> to <paramref name="path"/>, atomically.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="scale">Device pixels per figure pixel.</param>
    /// <param name="timeout">Wall-clock limit for Chromium.</param>
    public void WritePng(string path, double scale = 1, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, ToPng(scale, timeout));
    }

    /// <summary>The page Chromium screenshots: plotly.js inlined, a static plot, console markers for success and failure.</summary>
    internal string PngDocument()
    {
        // Registered before the library so that even a broken plotly.min.js reports itself.
        var head = "<script>window.addEventListener('error', function (e) { console.error('" + ErrorMarker + " ' + e.message); });</script>\n"
            + "<style>html,body{margin:0;padding:0;overflow:hidden;background:#fff}</style>\n"
            + LibraryScript(PlotlyJsMode.Inline, null);
        return HtmlText.Document(Title, PlotElement("unicode-plot") + DrawScript("unicode-plot", ToJson(), forPng: true), head);
    }

    private static string LibraryScript(PlotlyJsMode mode, string? reference)
    {
        if (mode != PlotlyJsMode.Reference && reference is not null)
        {
            throw new ArgumentException($"a plotly.js reference ('{reference}') is only used with PlotlyJsMode.Reference, not {mode}", nameof(reference));
        }

        return mode switch
        {
            PlotlyJsMode.Inline => "<script>\n" + PlotlyJs.ScriptForInlining() + "\n</script>\n",
            PlotlyJsMode.Reference => string.IsNullOrWhiteSpace(reference)
                ? throw new ArgumentException("PlotlyJsMode.Reference needs the path or URL of plotly.min.js", nameof(reference))
                : $"<script src=\"{HtmlText.Escape(reference)}\" charset=\"utf-8\"></script>\n",
            PlotlyJsMode.AssumeLoaded => string.Empty,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown plotly.js mode"),
        };
    }

    private string PlotElement(string id) =>
        $"<div id=\"{id}\" style=\"width:{Width}px;height:{Height}px\"></div>\n";

    private static string DrawScript(string id, string json, bool forPng)
    {
        var builder = new StringBuilder();
        builder.Append("<script>\n(function () {\n");
        builder.Append("  var figure = ").Append(json).Append(";\n");
        builder.Append("  var element = document.getElementById('").Append(id).Append("');\n");
        if (forPng)
        {
            builder.Append("  Plotly.newPlot(element, figure.data, figure.layout, {staticPlot: true, displayModeBar: false}).then(\n")
                .Append("    function () { console.log('").Append(ReadyMarker).Append("'); },\n")
                .Append("    function (e) { console.error('").Append(ErrorMarker).Append(" ' + e); });\n");
        }
        else
        {
            // Notebook outputs may render before the one that carries the library: wait for it a while.
            builder.Append("  var attempts = 0;\n")
                .Append("  (function draw() {\n")
                .Append("    if (window.Plotly) { Plotly.newPlot(element, figure.data, figure.layout, {displaylogo: false}); return; }\n")
                .Append("    if (++attempts < 200) { setTimeout(draw, 50); return; }\n")
                .Append("    element.textContent = 'plotly.js is not loaded on this page: render a figure with PlotlyJsMode.Inline or Reference first';\n")
                .Append("  })();\n");
        }

        builder.Append("})();\n</script>\n");
        return builder.ToString();
    }

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}

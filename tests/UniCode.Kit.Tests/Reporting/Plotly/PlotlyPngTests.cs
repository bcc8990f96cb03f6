using UniCode.Kit.Reporting.Chromium;
using UniCode.Kit.Reporting.Images;
using UniCode.Kit.Reporting.Plotly;
using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Tests.Reporting.Plotly;

[Collection(ReportingEnvironment.Name)]
public sealed class PlotlyPngTests
{
    [Fact]
    public void A_bar_chart_renders_to_a_non_blank_png_of_the_figure_size()
    {
        // Fails with the apt-get / npm install commands in the message when Chromium or plotly.js is missing.
        var figure = PlotlyFigure.Bar("Table 3: tokenizer", ["VQ-GAN", "RQ-VAE", "HQ-VAE"], [49.1, 49.8, 53.1], "tokenizer", "VQA2");
        figure.Width = 640;
        figure.Height = 400;
        using var folder = new TempFolder();
        figure.WritePng(folder.File("bar.png"));
        Assert.Single(Directory.GetFiles(folder.Path));

        using var scope = new DisposeScope();
        var image = ImageIO.Read(folder.File("bar.png"));
        Assert.Equal([400L, 640, 3], image.Shape);
        var pixels = image.To(DType.Float32);
        Assert.True(pixels.Var().ToDouble() > 100, "the PNG is (nearly) uniform: nothing was drawn");

        // The plot area (inside the axes' margins) must hold the bars: plotly's first colour is #1f77b4.
        var plot = image[100..330, 100..560];
        var barPixels = BarPixels(plot);
        Assert.True(barPixels > 0.2 * 230 * 460, $"only {barPixels} bar-coloured pixels in the plot area");
        var nonWhite = plot.To(DType.Int32).Sum(2).Lt(3 * 250).Sum().ToDouble();
        Assert.True(nonWhite > barPixels * 0.99);
    }

    [Fact]
    public void A_snapshot_is_a_small_png_of_the_chart_for_notebooks()
    {
        var figure = PlotlyFigure.Bar("snapshot", ["a", "b"], [1.0, 2.0]);
        figure.Width = 400;
        figure.Height = 300;

        var snapshot = figure.Snapshot();

        using var scope = new DisposeScope();
        var image = ImageIO.Decode(snapshot.ToPng());
        Assert.Equal([300L, 400, 3], image.Shape);
        Assert.True(BarPixels(image) > 5000, "the snapshot holds no bars");
        Assert.True(snapshot.ToPng().Length < 200_000, "a snapshot should weigh kilobytes, not carry plotly.js");
        Assert.Throws<ArgumentException>(() => new PngImage([1, 2, 3]));
    }

    private static double BarPixels(Tensor image)
    {
        var bar = Tensor.From(new byte[] { 0x1f, 0x77, 0xb4 }, 1, 1, 3).To(DType.Float32);
        return (image.To(DType.Float32) - bar).Abs().Amax([2]).Le(8).Sum().ToDouble();
    }

    [Fact]
    public void Notebook_fragments_draw_even_when_the_one_carrying_the_library_comes_later()
    {
        PlotlyFigure Small(string title)
        {
            var figure = PlotlyFigure.Bar(title, ["a", "b"], [1.0, 2.0]);
            figure.Width = 400;
            figure.Height = 300;
            return figure;
        }

        // A notebook page: an output that assumes plotly.js is loaded, above the output that inlines it.
        var page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\">\n"
            + Small("waits for the library").ToHtml(PlotlyJsMode.AssumeLoaded)
            + Small("brings the library").ToHtml(PlotlyJsMode.Inline)
            + "</body></html>\n";
        using var scope = new DisposeScope();
        var image = ImageIO.Decode(HeadlessChromium.Screenshot(page, new ScreenshotOptions { Width = 400, Height = 600 }));
        Assert.True(BarPixels(image[0..300]) > 5000, "the output above the library was not drawn");
        Assert.True(BarPixels(image[300..600]) > 5000, "the output carrying the library was not drawn");
    }

    [Fact]
    public void A_heatmap_renders_its_colour_scale()
    {
        double?[,] z = { { 0, 1 }, { 2, 3 } };
        var figure = PlotlyFigure.Heatmap("usage", z, ["a", "b"], ["r0", "r1"]);
        using var scope = new DisposeScope();
        var image = ImageIO.Decode(figure.ToPng());
        Assert.Equal([500L, 800, 3], image.Shape);
        // Viridis runs from dark purple (#440154) to yellow (#fde725): both corners of the scale must appear.
        var pixels = image.To(DType.Int32);
        var red = pixels[.., .., 0];
        var blue = pixels[.., .., 2];
        Assert.True((red.Lt(90) & blue.Gt(60) & pixels[.., .., 1].Lt(30)).Sum().ToDouble() > 1000, "no dark purple cells");
        Assert.True((red.Gt(230) & pixels[.., .., 1].Gt(210) & blue.Lt(80)).Sum().ToDouble() > 1000, "no yellow cells");
    }

    [Fact]
    public void A_broken_library_is_reported_with_the_page_error()
    {
        using var folder = new TempFolder();
        var broken = folder.File("plotly.min.js");
        File.WriteAllText(broken, "throw new Error('Plotly broken on purpose');");
        using var library = new EnvironmentOverride(PlotlyJs.EnvironmentVariable, broken);
        var error = Assert.Throws<InvalidOperationException>(() => PlotlyFigure.Bar("t", ["a"], [1.0]).ToPng());
        Assert.Contains("Plotly broken on purpose", error.Message, StringComparison.Ordinal);
    }
}

using UniCode.Kit.Reporting.Plotly;

namespace UniCode.Kit.Tests.Reporting.Plotly;

[Collection(ReportingEnvironment.Name)]
public sealed class PlotlyJsTests
{
    private static PlotlyFigure Figure() => PlotlyFigure.Bar("Table 3", ["VQ-GAN", "HQ-VAE"], [49.1, 53.1]);

    [Fact]
    public void The_installed_library_is_found_and_is_plotly_js()
    {
        // Fails with the npm install command in the message when the set-up has not installed it.
        var path = PlotlyJs.Locate();
        Assert.EndsWith("plotly.js-dist-min/plotly.min.js", path.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains("window.Plotly", PlotlyJs.ReadScript(), StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_html_file_contains_the_whole_library_and_the_figure()
    {
        using var folder = new TempFolder();
        var figure = Figure();
        figure.WriteHtml(folder.File("figure.html"));
        var html = File.ReadAllText(folder.File("figure.html"));
        var library = PlotlyJs.ReadScript();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.True(html.Length > library.Length);
        Assert.Contains(library[..2000], html, StringComparison.Ordinal);
        Assert.Contains(library[^2000..], html, StringComparison.Ordinal);
        Assert.Contains(figure.ToJson(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Reference_and_assume_loaded_modes_do_not_copy_the_library()
    {
        var figure = Figure();
        var referenced = figure.ToHtmlDocument(PlotlyJsMode.Reference, "lib/plotly.min.js?v=\"4\"");
        Assert.Contains("<script src=\"lib/plotly.min.js?v=&quot;4&quot;\" charset=\"utf-8\"></script>", referenced, StringComparison.Ordinal);
        Assert.True(referenced.Length < 10_000);
        var assumed = figure.ToHtmlDocument(PlotlyJsMode.AssumeLoaded);
        Assert.DoesNotContain("<script src", assumed, StringComparison.Ordinal);
        Assert.True(assumed.Length < 10_000);
    }

    [Fact]
    public void Notebook_html_inlines_the_library_once_then_assumes_it_is_loaded()
    {
        PlotlyJs.ResetNotebook();
        var first = Figure().ToHtml();
        var second = Figure().ToHtml();
        var library = PlotlyJs.ReadScript();
        Assert.Contains(library[..2000], first, StringComparison.Ordinal);
        Assert.DoesNotContain(library[..2000], second, StringComparison.Ordinal);
        Assert.Contains("window.Plotly", second, StringComparison.Ordinal); // waits for the library
        PlotlyJs.ResetNotebook();
        Assert.Contains(library[..2000], Figure().ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bogus_environment_path_is_a_clear_error_naming_the_variable_and_the_install_command()
    {
        PlotlyJs.ResetNotebook();
        using var bogus = new EnvironmentOverride(PlotlyJs.EnvironmentVariable, "/nonexistent/plotly.min.js");
        var error = Assert.Throws<FileNotFoundException>(() => Figure().WriteHtml(Path.Combine(Path.GetTempPath(), "never-written.html")));
        Assert.Contains("UNICODE_PLOTLY_JS", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/plotly.min.js", error.Message, StringComparison.Ordinal);
        Assert.Contains("npm install --prefix .cache/npm plotly.js-dist-min", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "never-written.html")));
        Assert.Throws<FileNotFoundException>(() => Figure().ToHtml());
        Assert.Throws<FileNotFoundException>(() => Figure().ToPng());
    }

    [Fact]
    public void When_the_library_is_nowhere_the_error_says_how_to_install_it_and_where_it_looked()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<FileNotFoundException>(() => PlotlyJs.Locate(null, [folder.Path], () => null));
        Assert.Contains("npm install --prefix .cache/npm plotly.js-dist-min", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("npm root -g", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_library_is_found_under_a_parent_folder_or_the_global_npm_root()
    {
        using var folder = new TempFolder();
        var installed = Path.Combine(folder.Path, PlotlyJs.ProjectRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(installed)!);
        File.WriteAllText(installed, "window.Plotly = {};");
        var nested = Directory.CreateDirectory(Path.Combine(folder.Path, "notebooks", "deep")).FullName;
        Assert.Equal(installed, PlotlyJs.Locate(null, [nested], () => null));

        var global = Path.Combine(folder.Path, "global");
        Directory.CreateDirectory(Path.Combine(global, "plotly.js-dist-min"));
        File.WriteAllText(Path.Combine(global, "plotly.js-dist-min", "plotly.min.js"), "window.Plotly = {};");
        using var elsewhere = new TempFolder();
        Assert.Equal(Path.Combine(global, "plotly.js-dist-min", "plotly.min.js"), PlotlyJs.Locate(null, [elsewhere.Path], () => global));
    }

    [Fact]
    public void Inlined_script_cannot_close_the_script_element_early()
    {
        using var folder = new TempFolder();
        var fake = folder.File("plotly.min.js");
        File.WriteAllText(fake, "var s = \"</script><!-- x\"; var t = '</SCRIPT>'; window.Plotly = {};");
        using var library = new EnvironmentOverride(PlotlyJs.EnvironmentVariable, fake);
        var html = Figure().ToHtmlDocument();
        Assert.Contains("var s = \"<\\/script><\\!-- x\"; var t = '<\\/SCRIPT>';", html, StringComparison.Ordinal);
        // The only closing tags left are the page's own: the library's and the drawing script's.
        Assert.Equal(2, html.Split("</script", StringSplitOptions.None).Length - 1);
    }
}

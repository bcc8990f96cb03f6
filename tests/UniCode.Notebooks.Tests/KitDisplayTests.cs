using System.Text.RegularExpressions;
using UniCode.Notebooks.Model;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

/// <summary>
/// Every displayable kit type, shown on the real kernel from the built kit: a picture, a chart or a table, never the
/// kernel's property dump. A type that lost its formatter fails here.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed partial class KitDisplayTests(KitDisplayTests.Fixture run) : IClassFixture<KitDisplayTests.Fixture>
{
    [Theory]
    [InlineData(1, "ImageGrid", "<img src=\"data:image/png;base64,")]
    [InlineData(2, "PngImage", "<img src=\"data:image/png;base64,")]
    [InlineData(3, "ResultTable", "<table")]
    [InlineData(4, "DirectionReport", "<table")]
    [InlineData(5, "DatasetList", "<table")]
    [InlineData(6, "Tensor", "<img src=\"data:image/png;base64,")]
    [InlineData(7, "Tensor", "int64 [3] cpu")]
    public async Task A_kit_value_renders_as_a_picture_or_a_table_with_plain_text_beside_it(int cell, string type, string expected)
    {
        var (result, executed) = await run.Run;

        Assert.True(result.Succeeded, string.Join('\n', result.Failures));
        var value = Assert.Single(executed.Cells[cell].Outputs.OfType<ExecuteResultOutput>());
        var html = value.Data.GetText("text/html");
        Assert.NotNull(html);
        Assert.DoesNotContain("class=\"dni-treeview\"", html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(value.Data.GetText("text/plain")), $"{type} has no plain text");
    }

    [Fact]
    public async Task Live_charts_inline_plotly_once_and_later_ones_reuse_it()
    {
        var (_, executed) = await run.Run;

        var charts = executed.Cells[8].Outputs.OfType<DisplayDataOutput>().Select(d => d.Data.GetText("text/html")!).ToList();
        Assert.Equal(2, charts.Count);
        Assert.All(charts, html => Assert.Contains("class=\"unicode-plotly\"", html, StringComparison.Ordinal));
        Assert.True(charts[0].Length > 1_000_000, "the first chart carries plotly.js");
        Assert.True(charts[1].Length < 10_000, "the second chart assumes plotly.js is on the page");
        Assert.Matches(PlotlyCall(), charts[1]);
    }

    [Fact]
    public async Task The_kit_a_cell_uses_is_the_one_it_referenced()
    {
        var (_, executed) = await run.Run;

        var location = Assert.Single(executed.Cells[9].Outputs.OfType<ExecuteResultOutput>()).Data.GetText("text/plain");
        Assert.Equal(Path.Combine(KitBuild.Folder, "UniCode.Kit.dll"), location);
    }

    [GeneratedRegex(@"Plotly\.newPlot\(")]
    private static partial Regex PlotlyCall();

    public sealed class Fixture : SharedRun
    {
        protected override Notebook CreateNotebook() => NotebookRun.CSharp(
            KitBuild.ReferenceCell + "\nvar images = Tensor.Rand([4, 3, 8, 8]);",
            "ImageGrid.Create(Enumerable.Range(0, 4).Select(i => images.Select(0, i).Permute(1, 2, 0)).ToList(), [\"a\", \"b\", \"c\", \"d\"], new ImageGridOptions { Columns = 2 })",
            "new PngImage(ImageGrid.Create([images.Select(0, 0).Permute(1, 2, 0)], [\"one\"], new ImageGridOptions { Columns = 1 }).ToPng())",
            "var table = new ResultTable(\"t\", \"setup\", [ResultColumn.Higher(\"acc\")], new ResultProvenance(\"Smoke\"));\n"
                + "table.AddRow(\"A\", 0.1).AddRow(\"B\", 0.2).AddPaperRow(\"A\", 10.0).AddPaperRow(\"B\", 20.0);\ntable",
            "table.CheckDirections()",
            "DatasetCatalog.List()",
            "images",
            "Tensor.Arange(0, 3)",
            "var bars = PlotlyFigure.Bar(\"bars\", [\"a\", \"b\"], [1.0, 2.0]);\ndisplay(bars);\ndisplay(bars);",
            "typeof(ImageGrid).Assembly.Location");
    }
}

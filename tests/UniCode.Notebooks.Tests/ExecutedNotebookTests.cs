using System.Text.RegularExpressions;
using UniCode.Notebooks.Model;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

/// <summary>
/// The kit's own notebooks on the real kernel (as CI runs them), and the executed copies in results/: every rich
/// output is a picture, a chart or a table, never the kernel's property dump of an object it has no formatter for.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed partial class ExecutedNotebookTests
{
    public static TheoryData<string> KitNotebooks() => [.. Directory.GetFiles(Path.Combine(KitBuild.Root, "notebooks"), "*.ipynb")
        .Where(p => !p.EndsWith(".executed.ipynb", StringComparison.Ordinal)).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> ResultCopies() => [.. Directory.GetFiles(Path.Combine(KitBuild.Root, "results"), "*.ipynb")
        .Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(KitNotebooks))]
    public async Task A_kit_notebook_runs_at_the_smoke_profile_and_shows_only_pictures_charts_and_tables(string name)
    {
        using var folder = new TempFolder();

        var result = await new NotebookRunner().RunAsync(
            Path.Combine(KitBuild.Root, "notebooks", name), new NotebookRunOptions(OutputDirectory: folder.FullPath, Profile: "Smoke"));

        Assert.True(result.Succeeded, string.Join('\n', result.Failures));
        AssertRendered(Notebook.Load(result.OutputPath), name);
    }

    [Theory]
    [MemberData(nameof(ResultCopies))]
    public void An_executed_copy_in_results_shows_only_pictures_charts_and_tables(string name)
    {
        var notebook = Notebook.Load(Path.Combine(KitBuild.Root, "results", name));

        Assert.Contains(notebook.Cells, c => c.Outputs.Count > 0);
        AssertRendered(notebook, name);
    }

    private static void AssertRendered(Notebook notebook, string name)
    {
        foreach (var (cell, index) in notebook.Cells.Select((c, i) => (c, i)))
        {
            foreach (var output in cell.Outputs)
            {
                Assert.IsNotType<ErrorOutput>(output);
                var data = output switch
                {
                    DisplayDataOutput d => d.Data,
                    ExecuteResultOutput r => r.Data,
                    _ => null,
                };
                if (data?.GetText("text/html") is not { } html)
                {
                    continue;
                }

                var where = $"{name} cell {index}";
                Assert.False(html.Contains("class=\"dni-treeview\"", StringComparison.Ordinal), $"{where}: a property dump ({data.GetText("text/plain")}): the type has no formatter");
                if (IsKitValue(data.GetText("text/plain")))
                {
                    Assert.True(
                        PngImage().IsMatch(html) || html.Contains("class=\"unicode-plotly\"", StringComparison.Ordinal) || html.Contains("<table", StringComparison.Ordinal),
                        $"{where}: a kit value that is neither a picture, a chart nor a table");
                }
            }
        }
    }

    // The plain text of kit values (ToString) names them: "ImageGrid: ...", "PNG image, ...", "tensor(...)", ...
    private static bool IsKitValue(string? plain) =>
        plain is not null && KitPlainText().IsMatch(plain);

    [GeneratedRegex(@"<img src=""data:image/png;base64,[A-Za-z0-9+/]{100,}")]
    private static partial Regex PngImage();

    [GeneratedRegex(@"^(ImageGrid:|PNG image,|PlotlyFigure|fashion-mnist:)")]
    private static partial Regex KitPlainText();
}

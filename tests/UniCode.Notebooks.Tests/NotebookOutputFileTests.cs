using UniCode.Notebooks.Model;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

[Collection(RunnerCollection.Name)]
public sealed class NotebookOutputFileTests
{
    [Fact]
    public async Task The_copy_goes_next_to_the_input_by_default_and_replaces_the_input_only_when_asked()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("tour.ipynb");
        var notebook = NotebookRun.CSharp("$\"{6 * 7}\"");
        notebook.Metadata["custom"] = "kept";
        notebook.Insert(0, NotebookCell.Markdown("# Title"));
        notebook.Save(path);
        var input = File.ReadAllText(path);

        var beside = await new NotebookRunner().RunAsync(path, new NotebookRunOptions());
        var unchanged = File.ReadAllText(path);
        var inPlace = await new NotebookRunner().RunAsync(path, new NotebookRunOptions(OutputDirectory: folder.FullPath));

        Assert.Equal(folder.PathOf("tour.executed.ipynb"), beside.OutputPath);
        Assert.Equal(input, unchanged);
        Assert.Equal(path, inPlace.OutputPath);
        var executed = Notebook.Load(path);
        Assert.Equal("kept", executed.Metadata["custom"]!.GetValue<string>());
        Assert.Equal("# Title", executed.Cells[0].Source);
        Assert.Equal("42", Assert.IsType<ExecuteResultOutput>(Assert.Single(executed.Cells[1].Outputs)).Data.GetText("text/plain"));
        Assert.Equal(File.ReadAllText(beside.OutputPath), File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(folder.FullPath, "*.tmp*"));
    }
}

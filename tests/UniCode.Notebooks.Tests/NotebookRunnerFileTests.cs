using System.Text.Json.Nodes;
using UniCode.Notebooks.Model;
using UniCode.Notebooks.Serialization;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

[Collection(RunnerCollection.Name)]
public sealed class NotebookRunnerFileTests
{
    [Fact]
    public async Task By_default_the_executed_copy_goes_next_to_the_input_and_the_input_is_untouched()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("analysis.ipynb");
        NotebookRun.CSharp("Console.WriteLine(\"hi\");").Save(path);
        var before = File.ReadAllText(path);

        var result = await new NotebookRunner().RunAsync(path, new NotebookRunOptions());

        Assert.Equal(path, result.InputPath);
        Assert.Equal(folder.PathOf("analysis.executed.ipynb"), result.OutputPath);
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Equal("hi\n", NotebookRun.Single<StreamOutput>(Notebook.Load(result.OutputPath).Cells[0]).Text);
    }

    [Fact]
    public async Task An_output_directory_receives_the_copy_under_the_input_name()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("analysis.ipynb");
        NotebookRun.CSharp("1").Save(path);

        var result = await new NotebookRunner().RunAsync(path, new NotebookRunOptions(OutputDirectory: folder.PathOf("out", "nested")));

        Assert.Equal(folder.PathOf("out", "nested", "analysis.ipynb"), result.OutputPath);
        Assert.Equal(1, Notebook.Load(result.OutputPath).Cells[0].ExecutionCount);
        Assert.Null(Notebook.Load(path).Cells[0].ExecutionCount);
        Assert.Equal(["analysis.ipynb"], Directory.GetFiles(folder.PathOf("out", "nested")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Naming_the_input_folder_as_output_directory_overwrites_the_input()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("analysis.ipynb");
        NotebookRun.CSharp("1").Save(path);

        var result = await new NotebookRunner().RunAsync(path, new NotebookRunOptions(OutputDirectory: folder.FullPath));

        Assert.Equal(path, result.OutputPath);
        Assert.Equal(1, Notebook.Load(path).Cells[0].ExecutionCount);
        Assert.Equal(["analysis.ipynb"], Directory.GetFiles(folder.FullPath).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_missing_notebook_raises_an_error_naming_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("absent.ipynb");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => new NotebookRunner().RunAsync(path, new NotebookRunOptions()));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_notebook_raises_an_error_naming_the_file_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("broken.ipynb");
        File.WriteAllText(path, "{\"cells\": [");

        var error = await Assert.ThrowsAsync<NotebookFormatException>(() => new NotebookRunner().RunAsync(path, new NotebookRunOptions()));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(["broken.ipynb"], Directory.GetFiles(folder.FullPath).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_executed_copy_keeps_metadata_and_markdown_and_passes_the_nbformat_checks()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("full.ipynb");
        File.WriteAllText(path, Serialization.SampleNotebooks.Canonical);
        var input = JsonNode.Parse(File.ReadAllText(path))!;

        var result = await new NotebookRunner().RunAsync(path, new NotebookRunOptions());

        var output = JsonNode.Parse(File.ReadAllText(result.OutputPath))!;
        Assert.True(JsonNode.DeepEquals(input["metadata"], output["metadata"]));
        Assert.True(JsonNode.DeepEquals(input["cells"]![0], output["cells"]![0]), "the markdown cell changed");
        Assert.True(JsonNode.DeepEquals(input["cells"]![3], output["cells"]![3]), "the raw cell changed");
        Assert.True(JsonNode.DeepEquals(input["cells"]![1]!["metadata"], output["cells"]![1]!["metadata"]));
        var code = output["cells"]![1]!;
        Assert.Equal(1, code["execution_count"]!.GetValue<int>());
        var result42 = Assert.Single(code["outputs"]!.AsArray())!;
        Assert.Equal("execute_result", result42["output_type"]!.GetValue<string>());
        Assert.Equal(1, result42["execution_count"]!.GetValue<int>());
        NotebookStructure.AssertValid(result.OutputPath);
        NbformatCheck.AssertValid(result.OutputPath);
    }

    [Fact]
    public async Task A_notebook_with_every_output_kind_is_written_as_valid_nbformat()
    {
        using var folder = new TempFolder();
        var notebook = Notebook.CreateCSharp();
        notebook.AddMarkdown("# Every output");
        notebook.AddCode("""
            class Chart { public byte[] ToPng() => new byte[] { 1, 2, 3 }; }
            Console.WriteLine("out");
            Console.Error.WriteLine("err");
            display(HTML("<p>html</p>"));
            display(new Chart());
            "result"
            """);
        notebook.AddCode("#!fsharp\nlet x = 1");
        notebook.AddCode("throw new Exception(\"error \\\"quoted\\\" é\");");
        notebook.AddCode("int x = ;");

        var (result, _) = await NotebookRun.RunAsync(folder, notebook);

        Assert.Equal(2, result.Failures.Count);
        NbformatCheck.AssertValid(result.OutputPath);
    }
}

using UniCode.Notebooks.Model;
using UniCode.Notebooks.Serialization;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests.Serialization;

public sealed class NotebookReaderTests
{
    [Fact]
    public void Reads_cells_outputs_and_metadata()
    {
        var notebook = NotebookReader.Parse(SampleNotebooks.Canonical);

        Assert.Equal(4, notebook.Cells.Count);
        Assert.Equal("kept", notebook.Metadata["custom"]!["note"]!.GetValue<string>());
        var markdown = notebook.Cells[0];
        Assert.Equal(CellType.Markdown, markdown.CellType);
        Assert.Equal("intro", markdown.Id);
        Assert.Equal("# Title é → 😀\n\nText with <b>tags</b> & \"quotes\".", markdown.Source);
        Assert.NotNull(markdown.Attachments);

        var code = notebook.Cells[1];
        Assert.Equal("var x = 42;\nx", code.Source);
        Assert.Equal(3, code.ExecutionCount);
        Assert.Equal("csharp", code.KernelName);
        Assert.Equal(["stream", "display_data", "display_data", "execute_result", "error"], code.Outputs.Select(o => o.OutputType));
        var stream = Assert.IsType<StreamOutput>(code.Outputs[0]);
        Assert.Equal(("stdout", "line 1\nline 2\n"), (stream.Name, stream.Text));
        Assert.Equal("an image", Assert.IsType<DisplayDataOutput>(code.Outputs[1]).Data.GetText("text/plain"));
        Assert.Equal("42", Assert.IsType<ExecuteResultOutput>(code.Outputs[3]).Data.GetText("text/plain"));
        var error = Assert.IsType<ErrorOutput>(code.Outputs[4]);
        Assert.Equal(("System.Exception", "boom"), (error.ErrorName, error.ErrorValue));
        Assert.Equal(CellType.Raw, notebook.Cells[3].CellType);
    }

    [Fact]
    public void Accepts_sources_stored_as_one_string_and_older_dotnet_interactive_metadata()
    {
        var notebook = NotebookReader.Parse("""
            {"cells": [{"cell_type": "code", "id": "c1", "metadata": {"dotnet_interactive": {"language": "csharp"}},
                        "source": "var a = 1;\nvar b = 2;", "outputs": [], "execution_count": null}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);

        var cell = Assert.Single(notebook.Cells);
        Assert.Equal("var a = 1;\nvar b = 2;", cell.Source);
        Assert.Equal("csharp", cell.KernelName);
    }

    [Fact]
    public void Missing_and_repeated_cell_ids_are_replaced_by_unique_valid_ones()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("old.ipynb");
        File.WriteAllText(path, """
            {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["same"]},
                       {"cell_type": "markdown", "metadata": {}, "source": ["same"]},
                       {"cell_type": "markdown", "id": "dup", "metadata": {}, "source": ["a"]},
                       {"cell_type": "markdown", "id": "dup", "metadata": {}, "source": ["b"]},
                       {"cell_type": "markdown", "id": "bad id!", "metadata": {}, "source": ["c"]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """);

        var notebook = Notebook.Load(path);
        notebook.Save(path);

        var ids = notebook.Cells.Select(c => c.Id).ToArray();
        Assert.Equal(5, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(NotebookCell.IsValidId(id)));
        Assert.Equal("dup", ids[2]);
        NbformatCheck.AssertValid(path);
    }

    [Fact]
    public void A_missing_file_raises_an_error_naming_it()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("absent.ipynb");

        var error = Assert.Throws<FileNotFoundException>(() => NotebookReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "not JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"cells": [], "metadata": {}, "nbformat": 3, "nbformat_minor": 0}""", "nbformat 3")]
    [InlineData("""{"metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "'cells'")]
    [InlineData("""{"cells": [{"id": "a", "metadata": {}, "source": []}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 0: 'cell_type'")]
    [InlineData("""{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": [], "execution_count": null, "outputs": [{"output_type": "mystery"}]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 0 output 0 has unknown output_type 'mystery'")]
    [InlineData("""{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": [1], "execution_count": null, "outputs": []}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 0: 'source'")]
    public void A_corrupt_file_raises_an_error_naming_the_file_and_the_problem(string content, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("corrupt.ipynb");
        File.WriteAllText(path, content);

        var error = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.SourceName);
    }
}

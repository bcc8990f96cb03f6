using System.Text.Json.Nodes;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Tests.Model;

public sealed class NotebookTests
{
    [Fact]
    public void CreateCSharp_writes_the_polyglot_kernel_metadata()
    {
        var metadata = Notebook.CreateCSharp().Metadata;

        Assert.Equal(".NET (C#)", metadata["kernelspec"]!["display_name"]!.GetValue<string>());
        Assert.Equal("C#", metadata["kernelspec"]!["language"]!.GetValue<string>());
        Assert.Equal(".net-csharp", metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", metadata["language_info"]!["name"]!.GetValue<string>());
        var kernelInfo = metadata["polyglot_notebook"]!["kernelInfo"]!;
        Assert.Equal("csharp", kernelInfo["defaultKernelName"]!.GetValue<string>());
        var item = Assert.Single(kernelInfo["items"]!.AsArray())!;
        Assert.Equal("csharp", item["name"]!.GetValue<string>());
        Assert.Empty(item["aliases"]!.AsArray());
    }

    [Fact]
    public void AddCode_marks_the_cell_as_csharp_and_AddMarkdown_leaves_metadata_empty()
    {
        var notebook = Notebook.CreateCSharp();
        var code = notebook.AddCode("1 + 1");
        var markdown = notebook.AddMarkdown("# Title");

        Assert.Equal(CellType.Code, code.CellType);
        Assert.Equal("csharp", code.Metadata["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("csharp", code.KernelName);
        Assert.Null(code.ExecutionCount);
        Assert.Empty(code.Outputs);
        Assert.Equal(CellType.Markdown, markdown.CellType);
        Assert.Empty(markdown.Metadata);
        Assert.Equal([code, markdown], notebook.Cells);
    }

    [Fact]
    public void Derived_ids_are_reproducible_and_stay_unique_for_identical_cells()
    {
        var first = Notebook.CreateCSharp();
        var second = Notebook.CreateCSharp();
        foreach (var notebook in new[] { first, second })
        {
            notebook.AddCode("var x = 1;");
            notebook.AddCode("var x = 1;");
            notebook.AddMarkdown("var x = 1;");
        }

        Assert.Equal(first.Cells.Select(c => c.Id), second.Cells.Select(c => c.Id));
        Assert.Equal(3, first.Cells.Select(c => c.Id).Distinct().Count());
        Assert.All(first.Cells, cell => Assert.True(NotebookCell.IsValidId(cell.Id)));
    }

    [Fact]
    public void A_given_id_that_is_already_used_is_rejected()
    {
        var notebook = Notebook.CreateCSharp();
        notebook.AddCode("a", id: "setup");

        var error = Assert.Throws<ArgumentException>(() => notebook.AddCode("b", id: "setup"));

        Assert.Contains("setup", error.Message, StringComparison.Ordinal);
        Assert.Single(notebook.Cells);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    public void An_invalid_id_is_rejected(string id)
    {
        Assert.Throws<ArgumentException>(() => NotebookCell.Code("x", id));
    }

    [Fact]
    public void An_id_longer_than_64_characters_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => NotebookCell.Code("x", new string('a', 65)));
        Assert.Equal(new string('a', 64), NotebookCell.Code("x", new string('a', 64)).Id);
    }

    [Fact]
    public void The_same_cell_cannot_be_added_twice()
    {
        var notebook = Notebook.CreateCSharp();
        var cell = notebook.AddCode("x");

        Assert.Throws<ArgumentException>(() => notebook.Add(cell));
    }

    [Fact]
    public void Markdown_cells_have_no_execution_count_or_outputs_and_code_cells_no_attachments()
    {
        var markdown = NotebookCell.Markdown("text");
        var code = NotebookCell.Code("x");

        Assert.Throws<InvalidOperationException>(() => markdown.ExecutionCount = 1);
        Assert.ThrowsAny<NotSupportedException>(() => markdown.Outputs.Add(new StreamOutput("stdout", "x")));
        Assert.Throws<InvalidOperationException>(() => code.Attachments = new JsonObject());
    }

    [Fact]
    public void Insert_places_the_cell_at_the_index()
    {
        var notebook = Notebook.CreateCSharp();
        var last = notebook.AddCode("last");
        var first = notebook.Insert(0, NotebookCell.Markdown("first"));

        Assert.Equal([first, last], notebook.Cells);
        notebook.RemoveAt(0);
        Assert.Equal([last], notebook.Cells);
    }
}

using System.Text.Json.Nodes;
using UniCode.Notebooks.Model;
using UniCode.Notebooks.Serialization;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests.Serialization;

public sealed class NotebookWriterTests
{
    [Fact]
    public void Read_then_write_without_running_reproduces_the_file_exactly()
    {
        var notebook = NotebookReader.Parse(SampleNotebooks.Canonical);

        var written = NotebookWriter.Serialize(notebook);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SampleNotebooks.Canonical), JsonNode.Parse(written)), written);
        Assert.Equal(SampleNotebooks.Canonical, written);
    }

    [Fact]
    public void A_round_tripped_file_passes_the_nbformat_checks()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("round.ipynb");
        File.WriteAllText(path, SampleNotebooks.Canonical);

        Notebook.Load(path).Save(path);

        Assert.Equal(SampleNotebooks.Canonical, File.ReadAllText(path));
        NotebookStructure.AssertValid(path);
        NbformatCheck.AssertValid(path);
    }

    [Fact]
    public void A_notebook_built_in_code_is_valid_polyglot_nbformat()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("built.ipynb");
        var notebook = Notebook.CreateCSharp();
        notebook.AddMarkdown("# Results\nThe table below.");
        var code = notebook.AddCode("var x = 1;\nx");
        code.ExecutionCount = 1;
        var html = new MimeBundle();
        html.SetText("text/html", "<p>a</p>\n<p>b</p>");
        code.Outputs.Add(new StreamOutput(StreamOutput.StandardOutput, "one\ntwo\n"));
        code.Outputs.Add(new DisplayDataOutput(html));
        code.Outputs.Add(new ErrorOutput("System.Exception", "boom", ["System.Exception: boom"]));

        notebook.Save(path);

        NotebookStructure.AssertValid(path);
        NbformatCheck.AssertValid(path);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(["# Results\n", "The table below."], json["cells"]![0]!["source"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["one\n", "two\n"], json["cells"]![1]!["outputs"]![0]!["text"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["<p>a</p>\n", "<p>b</p>"],
            json["cells"]![1]!["outputs"]![1]!["data"]!["text/html"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Images_stay_one_base64_string_while_text_is_split_into_lines()
    {
        var notebook = Notebook.CreateCSharp();
        var cell = notebook.AddCode("x");
        var bundle = new MimeBundle();
        bundle.SetText("image/png", "AAAA\nBBBB");
        bundle.SetText("text/plain", "a\nb");
        cell.Outputs.Add(new DisplayDataOutput(bundle));

        var data = NotebookWriter.ToJson(notebook)["cells"]![0]!["outputs"]![0]!["data"]!;

        Assert.Equal("AAAA\nBBBB", data["image/png"]!.GetValue<string>());
        Assert.Equal(2, data["text/plain"]!.AsArray().Count);
    }

    [Fact]
    public void Notebooks_read_as_nbformat_4_4_are_written_as_4_5()
    {
        var notebook = NotebookReader.Parse("""{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}""");

        Assert.Equal(5, NotebookWriter.ToJson(notebook)["nbformat_minor"]!.GetValue<int>());
    }

    [Fact]
    public void Writing_replaces_the_file_atomically_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("nested", "out.ipynb");
        var notebook = Notebook.CreateCSharp();
        notebook.AddCode("1");
        notebook.Save(path);
        notebook.AddCode("2");

        notebook.Save(path);

        Assert.Equal(2, Notebook.Load(path).Cells.Count);
        Assert.Equal(["out.ipynb"], Directory.GetFiles(folder.PathOf("nested")).Select(Path.GetFileName));
    }

    [Fact]
    public void The_file_ends_with_a_newline_and_uses_one_space_indentation()
    {
        var text = NotebookWriter.Serialize(Notebook.CreateCSharp());

        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n \"cells\": [],\n \"metadata\": {\n  \"kernelspec\"", text, StringComparison.Ordinal);
    }
}

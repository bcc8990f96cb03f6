using UniCode.Notebooks.Model;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

[Collection(RunnerCollection.Name)]
public sealed class NotebookRunnerOutputTests
{
    [Fact]
    public async Task Display_renders_strings_html_ToHtml_ToPng_and_ToMarkdown()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp(
            """
            class Table { public string ToHtml() => "<table><tr><td>1</td></tr></table>"; public override string ToString() => "Table"; }
            class Picture { public byte[] ToPng() => new byte[] { 137, 80, 78, 71, 9 }; }
            class Note { public string ToMarkdown() => "*note*"; public override string ToString() => "Note"; }
            display("plain text");
            display(HTML("<b>bold</b>"));
            display(new Table());
            display(new Picture());
            display(new Note());
            display(3.5);
            """);

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.True(result.Succeeded, string.Join('\n', result.Failures));
        var bundles = executed.Cells[0].Outputs.Select(o => Assert.IsType<DisplayDataOutput>(o).Data).ToArray();
        Assert.Equal(6, bundles.Length);
        Assert.Equal(["text/plain"], bundles[0].MimeTypes);
        Assert.Equal("plain text", bundles[0].GetText("text/plain"));
        Assert.Equal(["text/html"], bundles[1].MimeTypes);
        Assert.Equal("<b>bold</b>", bundles[1].GetText("text/html"));
        Assert.Equal("<table><tr><td>1</td></tr></table>", bundles[2].GetText("text/html"));
        Assert.Equal("Table", bundles[2].GetText("text/plain"));
        Assert.Equal(new byte[] { 137, 80, 78, 71, 9 }, Convert.FromBase64String(bundles[3].GetText("image/png")!));
        Assert.Equal("*note*", bundles[4].GetText("text/markdown"));
        Assert.Equal("Note", bundles[4].GetText("text/plain"));
        Assert.Equal("3.5", bundles[5].GetText("text/plain"));
        NbformatCheck.AssertValid(result.OutputPath);
    }

    [Fact]
    public async Task Update_replaces_the_displayed_value_in_place_even_from_a_later_cell()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp(
            "var progress = display(\"step 0\");\nfor (var i = 1; i <= 3; i++) { progress.Update($\"step {i}\"); }\nConsole.WriteLine(\"after\");",
            "progress.Update(HTML(\"<i>done</i>\"));");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.True(result.Succeeded, string.Join('\n', result.Failures));
        var outputs = executed.Cells[0].Outputs;
        Assert.Equal(["display_data", "stream"], outputs.Select(o => o.OutputType));
        Assert.Equal("<i>done</i>", Assert.IsType<DisplayDataOutput>(outputs[0]).Data.GetText("text/html"));
        Assert.Empty(executed.Cells[1].Outputs);
    }

    [Fact]
    public async Task Console_output_is_captured_per_cell_with_stdout_and_stderr_apart_and_in_order()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp(
            "Console.WriteLine(\"one\");\nConsole.Write(\"two\");\nConsole.Error.WriteLine(\"problem\");\ndisplay(\"shown\");\nConsole.WriteLine(\"three\");",
            "Console.WriteLine(\"second cell\");");
        var originalOut = Console.Out;
        var originalError = Console.Error;

        var (_, executed) = await NotebookRun.RunAsync(folder, notebook);

        var first = executed.Cells[0].Outputs;
        Assert.Equal(["stream", "stream", "display_data", "stream"], first.Select(o => o.OutputType));
        Assert.Equal(("stdout", "one\ntwo"), (((StreamOutput)first[0]).Name, ((StreamOutput)first[0]).Text));
        Assert.Equal(("stderr", "problem\n"), (((StreamOutput)first[1]).Name, ((StreamOutput)first[1]).Text));
        Assert.Equal("three\n", ((StreamOutput)first[3]).Text);
        Assert.Equal("second cell\n", NotebookRun.Single<StreamOutput>(executed.Cells[1]).Text);
        Assert.Same(originalOut, Console.Out);
        Assert.Same(originalError, Console.Error);
    }

    [Fact]
    public async Task Console_is_restored_after_cells_that_throw_or_fail_to_compile()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp(
            "Console.WriteLine(\"before\");\nthrow new Exception(\"x\");",
            "this does not compile");
        var originalOut = Console.Out;
        var originalError = Console.Error;

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.Equal(2, result.Failures.Count);
        Assert.Same(originalOut, Console.Out);
        Assert.Same(originalError, Console.Error);
        Assert.Equal(["stream", "error"], executed.Cells[0].Outputs.Select(o => o.OutputType));
    }

    [Fact]
    public async Task A_trailing_expression_becomes_an_execute_result_with_the_cell_count()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp(
            "var x = 20;",
            "x + 22",
            "Console.WriteLine(\"void call\")",
            "(string?)null",
            "HTML(\"<p>end</p>\")",
            "display(\"handle\")");

        var (_, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.Empty(executed.Cells[0].Outputs);
        var value = NotebookRun.Single<ExecuteResultOutput>(executed.Cells[1]);
        Assert.Equal(2, value.ExecutionCount);
        Assert.Equal(2, executed.Cells[1].ExecutionCount);
        Assert.Equal("42", value.Data.GetText("text/plain"));
        Assert.IsType<StreamOutput>(Assert.Single(executed.Cells[2].Outputs));
        Assert.Empty(executed.Cells[3].Outputs);
        var html = NotebookRun.Single<ExecuteResultOutput>(executed.Cells[4]);
        Assert.Equal(["text/html"], html.Data.MimeTypes);
        Assert.Equal("<p>end</p>", html.Data.GetText("text/html"));
        Assert.IsType<DisplayDataOutput>(Assert.Single(executed.Cells[5].Outputs));
    }

    [Fact]
    public async Task A_failing_cell_gets_an_error_output_and_a_failure_with_index_type_and_message()
    {
        using var folder = new TempFolder();
        var notebook = Notebook.CreateCSharp();
        notebook.AddMarkdown("intro");
        notebook.AddCode("var ok = 1;");
        notebook.AddCode("var a = 1;\nthrow new InvalidOperationException(\"the data is missing\");");
        notebook.AddCode("var b = 2;\nint c = \"text\";");
        notebook.AddCode("ok + 1");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.CellsRun);
        Assert.Equal(new CellFailure(2, "System.InvalidOperationException", "the data is missing"), result.Failures[0]);
        var runtime = NotebookRun.Single<ErrorOutput>(executed.Cells[2]);
        Assert.Equal(("System.InvalidOperationException", "the data is missing"), (runtime.ErrorName, runtime.ErrorValue));
        Assert.Equal("System.InvalidOperationException: the data is missing", runtime.Traceback[0]);
        Assert.Contains(runtime.Traceback, line => line.Contains(":line 2", StringComparison.Ordinal));
        Assert.DoesNotContain(runtime.Traceback, line => line.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal));

        Assert.Equal(3, result.Failures[1].CellIndex);
        Assert.Equal("CompilationError", result.Failures[1].ExceptionType);
        Assert.StartsWith("line 2, column 9: error CS0029", result.Failures[1].Message, StringComparison.Ordinal);
        var compile = NotebookRun.Single<ErrorOutput>(executed.Cells[3]);
        Assert.Equal(result.Failures[1].Message, compile.ErrorValue);
        Assert.Equal([compile.ErrorValue], compile.Traceback);

        Assert.Equal("2", NotebookRun.Single<ExecuteResultOutput>(executed.Cells[4]).Data.GetText("text/plain"));
        Assert.Equal([1, 2, 3, 4], executed.Cells.Skip(1).Select(c => c.ExecutionCount));
    }

    [Fact]
    public async Task An_exception_thrown_while_rendering_a_display_fails_the_cell()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp("class Bad { public string ToHtml() => throw new FormatException(\"bad html\"); }\ndisplay(new Bad());");

        var (result, _) = await NotebookRun.RunAsync(folder, notebook);

        Assert.Equal(new CellFailure(0, "System.FormatException", "bad html"), Assert.Single(result.Failures));
    }

    [Fact]
    public async Task Empty_cells_are_not_counted_and_markdown_is_kept_unchanged()
    {
        using var folder = new TempFolder();
        var notebook = Notebook.CreateCSharp();
        var markdown = notebook.AddMarkdown("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        notebook.AddCode("   \n");
        notebook.AddCode("1");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.Equal(1, result.CellsRun);
        Assert.Null(executed.Cells[1].ExecutionCount);
        Assert.Equal(1, executed.Cells[2].ExecutionCount);
        Assert.Equal(markdown.Source, executed.Cells[0].Source);
        Assert.Equal(markdown.Id, executed.Cells[0].Id);
    }
}

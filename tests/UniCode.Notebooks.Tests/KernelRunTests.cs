using UniCode.Notebooks.Model;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

/// <summary>One run on the real kernel: state, failures, outputs, magics, NuGet, profile and folder, as VS Code shows them.</summary>
[Collection(RunnerCollection.Name)]
public sealed class KernelRunTests(KernelRunTests.Fixture run) : IClassFixture<KernelRunTests.Fixture>
{
    [Fact]
    public async Task A_failing_cell_is_recorded_and_later_cells_run_with_the_state_of_the_earlier_ones()
    {
        var (result, executed) = await run.Run;

        Assert.Equal([2, 3], result.Failures.Select(f => f.CellIndex));
        var thrown = Assert.IsType<ErrorOutput>(executed.Cells[2].Outputs[^1]);
        Assert.Equal("System.InvalidOperationException", thrown.ErrorName);
        Assert.Equal("boom", thrown.ErrorValue);
        Assert.Equal("2", Result(executed.Cells[4]));

        // As in VS Code, what the throwing cell declared before it threw stays defined.
        Assert.Equal("7", Result(executed.Cells[5]));
        var broken = NotebookRun.Single<ErrorOutput>(executed.Cells[3]);
        Assert.Equal("CompilationError", broken.ErrorName);
        Assert.Equal(result.Failures[1].ExceptionType, broken.ErrorName);
    }

    [Fact]
    public async Task Console_output_becomes_stdout_and_stderr_streams_and_markdown_is_kept()
    {
        var (result, executed) = await run.Run;

        Assert.Equal(CellType.Markdown, executed.Cells[0].CellType);
        Assert.Equal("# Kernel checks", executed.Cells[0].Source);
        var streams = executed.Cells[1].Outputs.Cast<StreamOutput>().ToList();
        Assert.Equal([("stdout", "out 1\nout 2\n"), ("stderr", "err\n")], streams.Select(s => (s.Name, s.Text)));
        Assert.Equal(10, result.CellsRun);
        Assert.Equal(1, executed.Cells[1].ExecutionCount);
    }

    [Fact]
    public async Task The_profile_reaches_the_kernel_and_cells_run_in_the_notebook_folder()
    {
        var (_, executed) = await run.Run;

        Assert.Equal($"Smoke|{run.Folder.FullPath}", Result(executed.Cells[6]));
    }

    [Fact]
    public async Task Magic_commands_and_display_work_as_in_VS_Code()
    {
        var (_, executed) = await run.Run;

        var timed = executed.Cells[7].Outputs;
        Assert.Equal("10", Result(executed.Cells[7]));
        Assert.Contains(timed.OfType<DisplayDataOutput>(), d => d.Data.GetText("text/plain")!.StartsWith("Wall time:", StringComparison.Ordinal));

        var displays = executed.Cells[8].Outputs.OfType<DisplayDataOutput>().ToList();
        Assert.Equal("first", displays[0].Data.GetText("text/plain"));
        Assert.Equal("third", displays[^1].Data.GetText("text/plain"));
        Assert.True(displays.Count <= 2, "updates replace their output instead of adding one per update");
    }

    [Fact]
    public async Task A_nuget_reference_restores_the_package_and_its_types_are_usable()
    {
        var (result, executed) = await run.Run;

        Assert.DoesNotContain(result.Failures, f => f.CellIndex == 9);
        Assert.Equal("CsvHelper 34.0.0.0", Result(executed.Cells[9]));
    }

    [Fact]
    public async Task An_fsharp_cell_runs_on_the_kernels_fsharp_kernel()
    {
        var (result, executed) = await run.Run;

        Assert.DoesNotContain(result.Failures, f => f.CellIndex == 10);
        Assert.Equal("F# 42", Result(executed.Cells[10]));
    }

    [Fact]
    public async Task The_executed_copy_passes_nbformat_validation()
    {
        var (result, _) = await run.Run;

        NbformatCheck.AssertValid(result.OutputPath);
    }

    private static string? Result(NotebookCell cell) =>
        cell.Outputs.OfType<ExecuteResultOutput>().Single().Data.GetText("text/plain");

    public sealed class Fixture : SharedRun
    {
        protected override Notebook CreateNotebook()
        {
            var notebook = Notebook.CreateCSharp();
            notebook.AddMarkdown("# Kernel checks");
            notebook.AddCode("var n = 1;\nConsole.WriteLine(\"out 1\");\nConsole.WriteLine(\"out 2\");\nConsole.Error.WriteLine(\"err\");");
            notebook.AddCode("var m = 7;\nthrow new InvalidOperationException(\"boom\");");
            notebook.AddCode("int broken = undefinedName;");
            notebook.AddCode("$\"{n + 1}\"");
            notebook.AddCode("$\"{m}\"");
            notebook.AddCode("Environment.GetEnvironmentVariable(\"UNICODE_PROFILE\") + \"|\" + Environment.CurrentDirectory");
            notebook.AddCode("#!time\n$\"{n * 10}\"");
            notebook.AddCode("var shown = display(\"first\");\nshown.Update(\"second\");\nshown.Update(\"third\");");
            notebook.AddCode("#r \"nuget: CsvHelper, 34.0.0\"\n$\"CsvHelper {typeof(CsvHelper.CsvReader).Assembly.GetName().Version}\"");
            notebook.AddCode("#!fsharp\nlet answer = 6 * 7\nsprintf \"F# %d\" answer");
            return notebook;
        }

        protected override NotebookRunOptions Options() => new(Profile: "Smoke");
    }
}

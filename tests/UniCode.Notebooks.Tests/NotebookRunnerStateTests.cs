using UniCode.Notebooks.Model;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

[Collection(RunnerCollection.Name)]
public sealed class NotebookRunnerStateTests
{
    [Fact]
    public async Task Variables_usings_methods_and_types_carry_over_to_later_cells()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp(
            "using System.Text.RegularExpressions;\nvar count = 2;\nrecord Point(int X, int Y);\nint Twice(int v) => v * 2;",
            "var p = new Point(count, Twice(count));\n$\"{Regex.IsMatch(\"ab\", \"^a\")} {p}\"");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.CellsRun);
        var value = NotebookRun.Single<ExecuteResultOutput>(executed.Cells[1]);
        Assert.Equal("True Point { X = 2, Y = 4 }", value.Data.GetText("text/plain"));
    }

    [Fact]
    public async Task After_a_failing_cell_later_cells_see_the_state_of_the_last_successful_cell()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp(
            "var n = 1;",
            "var m = 7;\nthrow new InvalidOperationException(\"boom\");",
            "int broken = undefinedName;",
            "n + 1",
            "m");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.Equal(5, result.CellsRun);
        Assert.Equal([1, 2, 4], result.Failures.Select(f => f.CellIndex));
        Assert.Equal("2", NotebookRun.Single<ExecuteResultOutput>(executed.Cells[3]).Data.GetText("text/plain"));
        var missing = NotebookRun.Single<ErrorOutput>(executed.Cells[4]);
        Assert.Equal("CompilationError", missing.ErrorName);
        Assert.Contains("CS0103", missing.ErrorValue, StringComparison.Ordinal);
        Assert.Contains("'m'", missing.ErrorValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_resolves_relative_to_the_notebook_folder_and_stays_for_later_cells()
    {
        using var folder = new TempFolder();
        var name = TestAssemblies.UniqueName("Greeter");
        TestAssemblies.Compile(folder.PathOf("lib"), name, $$"""
            namespace {{name}};
            public sealed class Greeter { public string Hello(string who) => "Hello, " + who + "!"; }
            """);
        var notebook = NotebookRun.CSharp($"#r \"lib/{name}.dll\"", $"new {name}.Greeter().Hello(\"notebook\")");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.True(result.Succeeded, string.Join('\n', result.Failures));
        Assert.Equal("Hello, notebook!", NotebookRun.Single<ExecuteResultOutput>(executed.Cells[1]).Data.GetText("text/plain"));
    }

    [Fact]
    public async Task Dependencies_next_to_a_referenced_assembly_are_found()
    {
        using var folder = new TempFolder();
        var core = TestAssemblies.UniqueName("Core");
        var api = TestAssemblies.UniqueName("Api");
        var corePath = TestAssemblies.Compile(folder.PathOf("bin"), core, $$"""
            namespace {{core}};
            public sealed record Measure(double Value);
            """);
        TestAssemblies.Compile(folder.PathOf("bin"), api, $$"""
            namespace {{api}};
            public static class Factory { public static {{core}}.Measure Make() => new(2.5); }
            """, corePath);
        var notebook = NotebookRun.CSharp($"#r \"bin/{api}.dll\"\n{api}.Factory.Make().Value * 2");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.True(result.Succeeded, string.Join('\n', result.Failures));
        Assert.Equal("5", NotebookRun.Single<ExecuteResultOutput>(executed.Cells[0]).Data.GetText("text/plain"));
    }

    [Fact]
    public async Task Load_resolves_relative_to_the_notebook_folder()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.PathOf("scripts"));
        File.WriteAllText(folder.PathOf("scripts", "helpers.csx"), "int Triple(int v) => v * 3;\n");
        var notebook = NotebookRun.CSharp("#load \"scripts/helpers.csx\"", "Triple(4)");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.True(result.Succeeded, string.Join('\n', result.Failures));
        Assert.Equal("12", NotebookRun.Single<ExecuteResultOutput>(executed.Cells[1]).Data.GetText("text/plain"));
    }

    [Fact]
    public async Task Cells_run_in_the_notebook_folder_and_the_current_directory_is_restored()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.PathOf("data.txt"), "from the notebook folder");
        var before = Environment.CurrentDirectory;
        var notebook = NotebookRun.CSharp("File.ReadAllText(\"data.txt\")");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.True(result.Succeeded, string.Join('\n', result.Failures));
        Assert.Equal("from the notebook folder", NotebookRun.Single<ExecuteResultOutput>(executed.Cells[0]).Data.GetText("text/plain"));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task A_missing_reference_is_a_compilation_error_naming_it()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp("#r \"lib/Absent.dll\"");

        var (result, _) = await NotebookRun.RunAsync(folder, notebook);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("CompilationError", failure.ExceptionType);
        Assert.Contains("Absent.dll", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_to_a_file_that_is_not_an_assembly_fails_the_cell_and_the_run_goes_on()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.PathOf("fake.dll"), "not an assembly");
        var notebook = NotebookRun.CSharp("#r \"fake.dll\"", "\"next\"");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        var failure = Assert.Single(result.Failures);
        Assert.Equal((0, "CompilationError"), (failure.CellIndex, failure.ExceptionType));
        Assert.Contains("fake.dll", failure.Message, StringComparison.Ordinal);
        Assert.Equal("next", NotebookRun.Single<ExecuteResultOutput>(executed.Cells[1]).Data.GetText("text/plain"));
    }

    [Fact]
    public async Task A_nuget_reference_fails_with_a_clear_message_and_later_cells_still_run()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp("#r \"nuget: Newtonsoft.Json, 13.0.3\"", "1 + 1");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        var failure = Assert.Single(result.Failures);
        Assert.Equal((0, "System.NotSupportedException"), (failure.CellIndex, failure.ExceptionType));
        Assert.Contains("NuGet package references", failure.Message, StringComparison.Ordinal);
        Assert.Contains("not supported by the headless runner", failure.Message, StringComparison.Ordinal);
        Assert.Equal(failure.Message, NotebookRun.Single<ErrorOutput>(executed.Cells[0]).ErrorValue);
        Assert.Equal("2", NotebookRun.Single<ExecuteResultOutput>(executed.Cells[1]).Data.GetText("text/plain"));
    }

    [Fact]
    public async Task Cells_of_other_kernels_are_not_run_and_are_reported()
    {
        using var folder = new TempFolder();
        var notebook = Notebook.CreateCSharp();
        notebook.AddMarkdown("# Kernels");
        var fsharp = notebook.AddCode("#!fsharp\nlet x = 1");
        fsharp.Outputs.Add(new StreamOutput("stdout", "stale\n"));
        fsharp.ExecutionCount = 4;
        notebook.Add(new NotebookCell(CellType.Code, "Get-Date", metadata: PolyglotMetadata.CreateCodeCellMetadata("pwsh")));
        notebook.AddCode("#!markdown\n**bold**");
        notebook.AddCode("#!csharp\n\"ran\"");
        var log = new StringWriter();

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook, new NotebookRunOptions(Log: log));

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.CellsRun);
        Assert.Equal([new SkippedCell(1, "fsharp"), new SkippedCell(2, "pwsh"), new SkippedCell(3, "markdown")], result.SkippedCells);
        Assert.All(executed.Cells.Skip(1).Take(3), cell => Assert.Empty(cell.Outputs));
        Assert.All(executed.Cells.Skip(1).Take(3), cell => Assert.Null(cell.ExecutionCount));
        Assert.Equal(1, executed.Cells[4].ExecutionCount);
        Assert.Contains("[cell 1] skipped: fsharp cell", log.ToString(), StringComparison.Ordinal);
    }
}

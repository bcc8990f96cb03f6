using UniCode.Notebooks.Model;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

[Collection(RunnerCollection.Name)]
public sealed class NotebookRunnerOptionsTests
{
    private const string ReadProfile = "Environment.GetEnvironmentVariable(\"UNICODE_PROFILE\") ?? \"Quick\"";

    [Fact]
    public async Task FailFast_stops_at_the_first_failure_and_leaves_later_cells_without_outputs()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp("Console.WriteLine(\"first\");", "throw new Exception(\"stop\");", "Console.WriteLine(\"never\");", "1");
        foreach (var cell in notebook.Cells.Skip(2))
        {
            cell.ExecutionCount = 9;
            cell.Outputs.Add(new StreamOutput("stdout", "stale from an earlier run\n"));
        }

        var log = new StringWriter();
        var (result, executed) = await NotebookRun.RunAsync(folder, notebook, new NotebookRunOptions(FailFast: true, Log: log));

        Assert.Equal(2, result.CellsRun);
        Assert.True(result.Stopped);
        Assert.Equal(1, Assert.Single(result.Failures).CellIndex);
        Assert.All(executed.Cells.Skip(2), cell => Assert.Empty(cell.Outputs));
        Assert.All(executed.Cells.Skip(2), cell => Assert.Null(cell.ExecutionCount));
        Assert.Contains("[cell 2] not run (the run stopped at cell 1)", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_FailFast_every_cell_runs()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp("throw new Exception(\"first\");", "throw new Exception(\"second\");", "3");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook);

        Assert.False(result.Stopped);
        Assert.Equal(3, result.CellsRun);
        Assert.Equal(["first", "second"], result.Failures.Select(f => f.Message));
        Assert.Equal("3", NotebookRun.Single<ExecuteResultOutput>(executed.Cells[2]).Data.GetText("text/plain"));
    }

    [Fact]
    public async Task The_profile_is_visible_to_cells_and_the_previous_value_is_restored()
    {
        using var folder = new TempFolder();
        var previous = Environment.GetEnvironmentVariable("UNICODE_PROFILE");
        try
        {
            Environment.SetEnvironmentVariable("UNICODE_PROFILE", "Outer");
            var (_, withProfile) = await NotebookRun.RunAsync(folder, NotebookRun.CSharp(ReadProfile), new NotebookRunOptions(Profile: "Paper"));
            Assert.Equal("Outer", Environment.GetEnvironmentVariable("UNICODE_PROFILE"));

            var (_, withoutProfile) = await NotebookRun.RunAsync(folder, NotebookRun.CSharp(ReadProfile));

            Environment.SetEnvironmentVariable("UNICODE_PROFILE", null);
            var (_, fromUnset) = await NotebookRun.RunAsync(
                folder, NotebookRun.CSharp(ReadProfile, "throw new Exception(\"fails\");"), new NotebookRunOptions(Profile: "Smoke"));
            Assert.Null(Environment.GetEnvironmentVariable("UNICODE_PROFILE"));

            var (_, unset) = await NotebookRun.RunAsync(folder, NotebookRun.CSharp(ReadProfile));

            Assert.Equal("Paper", NotebookRun.Single<ExecuteResultOutput>(withProfile.Cells[0]).Data.GetText("text/plain"));
            Assert.Equal("Outer", NotebookRun.Single<ExecuteResultOutput>(withoutProfile.Cells[0]).Data.GetText("text/plain"));
            Assert.Equal("Smoke", NotebookRun.Single<ExecuteResultOutput>(fromUnset.Cells[0]).Data.GetText("text/plain"));
            Assert.Equal("Quick", NotebookRun.Single<ExecuteResultOutput>(unset.Cells[0]).Data.GetText("text/plain"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("UNICODE_PROFILE", previous);
        }
    }

    [Fact]
    public async Task The_profile_is_restored_when_the_run_is_cancelled()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("cancelled.ipynb");
        NotebookRun.CSharp("1").Save(path);
        var previous = Environment.GetEnvironmentVariable("UNICODE_PROFILE");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new NotebookRunner().RunAsync(path, new NotebookRunOptions(Profile: "Paper"), cancelled.Token));

        Assert.Equal(previous, Environment.GetEnvironmentVariable("UNICODE_PROFILE"));
        Assert.False(File.Exists(folder.PathOf("cancelled.executed.ipynb")));
    }

    [Fact]
    public async Task A_cell_that_exceeds_the_timeout_records_a_timeout_error_and_the_run_stops()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp(
            "Console.WriteLine(\"started\");\nawait Task.Delay(TimeSpan.FromMinutes(10));",
            "Console.WriteLine(\"not reached\");");
        var originalOut = Console.Out;

        var (result, executed) = await NotebookRun.RunAsync(
            folder, notebook, new NotebookRunOptions(CellTimeout: TimeSpan.FromSeconds(1)));

        var failure = Assert.Single(result.Failures);
        Assert.Equal((0, "System.TimeoutException"), (failure.CellIndex, failure.ExceptionType));
        Assert.Contains("cell timeout of 00:00:01", failure.Message, StringComparison.Ordinal);
        Assert.True(result.Stopped);
        Assert.Equal(["stream", "error"], executed.Cells[0].Outputs.Select(o => o.OutputType));
        Assert.Empty(executed.Cells[1].Outputs);
        Assert.Same(originalOut, Console.Out);
    }

    [Fact]
    public async Task Cells_that_finish_within_the_timeout_are_unaffected()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp("await Task.Yield();\n\"done\"");

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook, new NotebookRunOptions(CellTimeout: TimeSpan.FromMinutes(5)));

        Assert.True(result.Succeeded);
        Assert.Equal("done", NotebookRun.Single<ExecuteResultOutput>(executed.Cells[0]).Data.GetText("text/plain"));
    }

    [Fact]
    public async Task The_log_gets_one_line_per_code_cell_with_index_status_and_duration()
    {
        using var folder = new TempFolder();
        var notebook = Notebook.CreateCSharp();
        notebook.AddMarkdown("text");
        notebook.AddCode("1");
        notebook.AddCode("throw new ArgumentException(\"bad\");");
        var log = new StringWriter();

        await NotebookRun.RunAsync(folder, notebook, new NotebookRunOptions(Log: log));

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^test\.ipynb \[cell 1\] ok in \d+\.\d\d s$", lines[0]);
        Assert.Matches(@"^test\.ipynb \[cell 2\] FAILED in \d+\.\d\d s: System\.ArgumentException: bad$", lines[1]);
        Assert.StartsWith("test.ipynb: 2 cell(s) run, 1 failed, written to ", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task A_non_positive_cell_timeout_is_rejected_naming_the_option(int milliseconds)
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("t.ipynb");
        NotebookRun.CSharp("1").Save(path);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => new NotebookRunner().RunAsync(path, new NotebookRunOptions(CellTimeout: TimeSpan.FromMilliseconds(milliseconds))));

        Assert.Contains("CellTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blank_profile_or_output_directory_is_rejected_naming_the_option()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("t.ipynb");
        NotebookRun.CSharp("1").Save(path);
        var runner = new NotebookRunner();

        var profile = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(path, new NotebookRunOptions(Profile: " ")));
        var output = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(path, new NotebookRunOptions(OutputDirectory: "")));

        Assert.Contains("Profile", profile.Message, StringComparison.Ordinal);
        Assert.Contains("OutputDirectory", output.Message, StringComparison.Ordinal);
    }
}

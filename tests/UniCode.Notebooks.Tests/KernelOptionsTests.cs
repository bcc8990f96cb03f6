using System.Diagnostics;
using UniCode.Notebooks.Model;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

[Collection(RunnerCollection.Name)]
public sealed class KernelOptionsTests
{
    [Fact]
    public async Task A_cell_past_the_timeout_is_stopped_recorded_and_ends_the_run()
    {
        using var folder = new TempFolder();
        var notebook = NotebookRun.CSharp("var before = 1;", "System.Threading.Thread.Sleep(120_000);", "before");
        var watch = Stopwatch.StartNew();

        var (result, executed) = await NotebookRun.RunAsync(folder, notebook, new NotebookRunOptions(CellTimeout: TimeSpan.FromSeconds(10)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"the run took {watch.Elapsed}");
        var failure = Assert.Single(result.Failures);
        Assert.Equal(1, failure.CellIndex);
        Assert.Equal(typeof(TimeoutException).FullName, failure.ExceptionType);
        Assert.True(result.Stopped);
        Assert.Contains("cell timeout", NotebookRun.Single<ErrorOutput>(executed.Cells[1]).ErrorValue, StringComparison.Ordinal);
        Assert.Empty(executed.Cells[2].Outputs);
        Assert.Null(executed.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task FailFast_stops_at_the_first_failure_and_a_kernel_that_exits_stops_the_run_too()
    {
        using var folder = new TempFolder();
        var log = new StringWriter();
        var failFast = NotebookRun.CSharp("1", "throw new Exception(\"first\");", "2");
        var exits = NotebookRun.CSharp("Environment.Exit(3);", "2");

        var (stopped, executed) = await NotebookRun.RunAsync(folder, failFast, new NotebookRunOptions(FailFast: true, Log: log), "fail-fast.ipynb");
        var (exited, afterExit) = await NotebookRun.RunAsync(folder, exits, new NotebookRunOptions(), "exits.ipynb");

        Assert.True(stopped.Stopped);
        Assert.Equal(2, stopped.CellsRun);
        Assert.Empty(executed.Cells[2].Outputs);
        Assert.Contains("[cell 2] not run (the run stopped at cell 1)", log.ToString(), StringComparison.Ordinal);
        var exit = Assert.Single(exited.Failures);
        Assert.Equal("KernelExited", exit.ExceptionType);
        Assert.Contains("exit code 3", exit.Message, StringComparison.Ordinal);
        Assert.True(exited.Stopped);
        Assert.Empty(afterExit.Cells[1].Outputs);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task A_non_positive_cell_timeout_is_rejected_naming_the_option(int milliseconds)
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("x.ipynb");
        NotebookRun.CSharp("1").Save(path);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new NotebookRunner().RunAsync(path, new NotebookRunOptions(CellTimeout: TimeSpan.FromMilliseconds(milliseconds))));

        Assert.Contains("CellTimeout", error.Message, StringComparison.Ordinal);
    }
}

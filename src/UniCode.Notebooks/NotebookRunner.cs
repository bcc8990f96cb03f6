using System.Diagnostics;
using System.Globalization;
using UniCode.Notebooks.Execution;
using UniCode.Notebooks.Model;
using UniCode.Notebooks.Serialization;

namespace UniCode.Notebooks;

/// <summary>
/// Runs a Polyglot notebook's C# cells headlessly, in order, sharing state between cells as
/// .NET Interactive does, and writes the executed copy with each cell's outputs (stream,
/// display_data, execute_result, error). Markdown cells and the notebook's metadata are kept as they are.
/// </summary>
/// <remarks>
/// While a notebook runs, the current directory is the notebook's folder (as in VS Code). Runs are
/// serialized within a process: console redirection, <c>UNICODE_PROFILE</c> and the current
/// directory are process-wide, so two notebooks running at once would see each other's.
/// </remarks>
public sealed class NotebookRunner
{
    /// <summary>The environment variable through which cells see <see cref="NotebookRunOptions.Profile"/>.</summary>
    public const string ProfileVariable = "UNICODE_PROFILE";

    private static readonly SemaphoreSlim RunGate = new(1, 1);

    /// <summary>Runs the notebook at <paramref name="notebookPath"/> and writes the executed copy.</summary>
    /// <param name="notebookPath">The .ipynb file.</param>
    /// <param name="options">Output folder, profile, fail-fast, cell timeout and log.</param>
    /// <param name="cancellationToken">Stops the run between cells (or abandons a running cell); nothing is written then.</param>
    /// <returns>Where the copy was written, how many cells ran and which failed.</returns>
    /// <exception cref="FileNotFoundException">The notebook does not exist.</exception>
    /// <exception cref="NotebookFormatException">The notebook is not valid nbformat 4 JSON.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public async Task<NotebookRunResult> RunAsync(string notebookPath, NotebookRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notebookPath);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        var inputPath = Path.GetFullPath(notebookPath);
        var notebook = NotebookReader.Read(inputPath);
        var outputPath = OutputPathFor(inputPath, options.OutputDirectory);

        await RunGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        NotebookRunResult result;
        try
        {
            using (new ProcessSettings(Path.GetDirectoryName(inputPath)!, ProfileVariable, options.Profile))
            {
                result = await ExecuteAsync(notebook, inputPath, outputPath, options, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            RunGate.Release();
        }

        try
        {
            NotebookWriter.Write(notebook, outputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Could not write the executed notebook '{outputPath}': {e.Message}", e);
        }

        options.Log?.WriteLine(
            $"{Path.GetFileName(inputPath)}: {result.CellsRun} cell(s) run, {result.Failures.Count} failed, written to {outputPath}");
        return result;
    }

    private static async Task<NotebookRunResult> ExecuteAsync(
        Notebook notebook, string inputPath, string outputPath, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(inputPath);
        var failures = new List<CellFailure>();
        var skipped = new List<SkippedCell>();
        var executionCount = 0;
        int? stoppedAt = null;

        using var session = new ScriptSession(inputPath);
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (cell.CellType != CellType.Code)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var plan = KernelResolver.Plan(notebook, cell);
            if (stoppedAt is not null || !plan.IsCSharp || (plan.Problem is null && string.IsNullOrWhiteSpace(plan.Code)))
            {
                // Outputs from an earlier run would pass for this run's; an unrun cell shows none.
                cell.Outputs.Clear();
                cell.ExecutionCount = null;
                string status;
                if (stoppedAt is not null)
                {
                    status = $"not run (the run stopped at cell {stoppedAt})";
                }
                else if (!plan.IsCSharp)
                {
                    skipped.Add(new SkippedCell(index, plan.Kernel));
                    status = $"skipped: {plan.Kernel} cell (the headless runner runs only C#)";
                }
                else
                {
                    status = "empty";
                }

                options.Log?.WriteLine($"{name} [cell {index}] {status}");
                continue;
            }

            executionCount++;
            cell.ExecutionCount = executionCount;
            var watch = Stopwatch.StartNew();
            var outcome = plan.Problem is not null
                ? CellOutcome.Failed(CellErrors.NotSupported(plan.Problem))
                : await session.RunCellAsync(plan.Code!, executionCount, options.CellTimeout, cancellationToken).ConfigureAwait(false);
            watch.Stop();

            cell.Outputs.Clear();
            foreach (var output in outcome.Outputs)
            {
                cell.Outputs.Add(output);
            }

            var seconds = watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            if (outcome.Error is { } error)
            {
                failures.Add(new CellFailure(index, error.ErrorName, error.ErrorValue));
                options.Log?.WriteLine($"{name} [cell {index}] FAILED in {seconds} s: {error.ErrorName}: {FirstLine(error.ErrorValue)}");
                if (options.FailFast || outcome.TimedOut)
                {
                    stoppedAt = index;
                }
            }
            else
            {
                options.Log?.WriteLine($"{name} [cell {index}] ok in {seconds} s");
            }
        }

        return new NotebookRunResult(inputPath, outputPath, executionCount, failures)
        {
            SkippedCells = skipped,
            Stopped = stoppedAt is not null,
        };
    }

    private static void Validate(NotebookRunOptions options)
    {
        if (options.OutputDirectory is not null && string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new ArgumentException("NotebookRunOptions.OutputDirectory is blank; pass null for the default.", nameof(options));
        }

        if (options.Profile is not null && string.IsNullOrWhiteSpace(options.Profile))
        {
            throw new ArgumentException("NotebookRunOptions.Profile is blank; pass a profile name such as Quick, or null.", nameof(options));
        }

        if (options.CellTimeout is { } timeout
            && (timeout <= TimeSpan.Zero || timeout.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), timeout, "NotebookRunOptions.CellTimeout must be positive and at most 24 days, or null for no limit.");
        }
    }

    private static string OutputPathFor(string inputPath, string? outputDirectory)
    {
        if (outputDirectory is not null)
        {
            return Path.Combine(Path.GetFullPath(outputDirectory), Path.GetFileName(inputPath));
        }

        var extension = Path.GetExtension(inputPath);
        var stem = Path.GetFileNameWithoutExtension(inputPath);
        var folder = Path.GetDirectoryName(inputPath)!;
        return Path.Combine(folder, $"{stem}.executed{(extension.Length > 0 ? extension : ".ipynb")}");
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}

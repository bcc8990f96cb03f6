using System.Diagnostics;
using System.Globalization;
using UniCode.Notebooks.Kernel;
using UniCode.Notebooks.Model;
using UniCode.Notebooks.Serialization;

namespace UniCode.Notebooks;

/// <summary>
/// Runs a Polyglot notebook headlessly on the real .NET Interactive kernel (the one VS Code's Polyglot Notebooks
/// extension starts), submitting its code cells in order, and writes the executed copy with each cell's outputs
/// (stream, display_data with updates applied, execute_result, error). Markdown cells and the notebook's metadata
/// are kept as they are.
/// </summary>
/// <remarks>
/// Each run starts its own kernel process in the notebook's folder, so cells share state as in VS Code, the
/// assemblies they reference are the ones they use, and a cell past the timeout is stopped by ending the process.
/// </remarks>
public sealed class NotebookRunner
{
    /// <summary>The environment variable through which cells see <see cref="NotebookRunOptions.Profile"/>.</summary>
    public const string ProfileVariable = "UNICODE_PROFILE";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs the notebook at <paramref name="notebookPath"/> and writes the executed copy.</summary>
    /// <param name="notebookPath">The .ipynb file.</param>
    /// <param name="options">Output folder, profile, fail-fast, cell timeout and log.</param>
    /// <param name="cancellationToken">Stops the run (the kernel is ended); nothing is written then.</param>
    /// <returns>Where the copy was written, how many cells ran and which failed.</returns>
    /// <exception cref="FileNotFoundException">The notebook does not exist.</exception>
    /// <exception cref="NotebookFormatException">The notebook is not valid nbformat 4 JSON.</exception>
    /// <exception cref="NotebookRunException">The notebook cannot be run: a folder in its place, an output folder that is a file, a
    /// file it loads with <c>#r</c> missing, no kernel.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public async Task<NotebookRunResult> RunAsync(string notebookPath, NotebookRunOptions options, CancellationToken cancellationToken = default)
    {
        var (inputPath, outputPath, notebook) = Prepare(notebookPath, options);
        var result = await ExecuteAsync(notebook, inputPath, outputPath, options, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Checks everything that would stop <see cref="RunAsync"/> before its kernel starts, without running anything: the
    /// options, the notebook file and its format, the output folder, and the files its cells load with <c>#r</c>. A
    /// caller with hours of work before the run (<c>unicode reproduce</c>) checks first, so that a missing build is found
    /// before the work rather than after it.
    /// </summary>
    /// <param name="notebookPath">The .ipynb file.</param>
    /// <param name="options">The options the run will use.</param>
    /// <exception cref="FileNotFoundException">The notebook does not exist.</exception>
    /// <exception cref="NotebookFormatException">The notebook is not valid nbformat 4 JSON.</exception>
    /// <exception cref="NotebookRunException">A folder in its place, an output folder that is a file, or a missing <c>#r</c> file.</exception>
    public static void Check(string notebookPath, NotebookRunOptions options) => Prepare(notebookPath, options);

    // Everything that can make the run pointless is checked before the kernel starts.
    private static (string InputPath, string OutputPath, Notebook Notebook) Prepare(string notebookPath, NotebookRunOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notebookPath);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var inputPath = Path.GetFullPath(notebookPath);
        if (Directory.Exists(inputPath))
        {
            throw new NotebookRunException(inputPath, "is a folder, not a notebook file");
        }

        var outputPath = OutputPathFor(inputPath, options.OutputDirectory);
        CheckOutputFolder(Path.GetDirectoryName(outputPath)!);
        var notebook = NotebookReader.Read(inputPath);
        if (AssemblyReferences.MissingFiles(notebook, Path.GetDirectoryName(inputPath)!) is [var first, ..] missing)
        {
            var more = missing.Count > 1 ? $" (and {missing.Count - 1} more)" : "";
            throw new NotebookRunException(inputPath, $"cell {first.CellIndex} loads '{first.Reference}', which does not exist ({first.FullPath}){more}");
        }

        return (inputPath, outputPath, notebook);
    }

    private static async Task<NotebookRunResult> ExecuteAsync(
        Notebook notebook, string inputPath, string outputPath, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(inputPath);
        var failures = new List<CellFailure>();
        var executionCount = 0;
        int? stoppedAt = null;
        var defaultKernel = PolyglotMetadata.GetDefaultKernelName(notebook.Metadata) ?? PolyglotMetadata.CSharpKernel;

        var watch = Stopwatch.StartNew();
        using var kernel = await StartKernelAsync(inputPath, options, cancellationToken).ConfigureAwait(false);
        options.Log?.WriteLine($"{name}: kernel ready in {Seconds(watch.Elapsed)} s");
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (cell.CellType != CellType.Code)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (stoppedAt is not null || string.IsNullOrWhiteSpace(cell.Source))
            {
                // Outputs from an earlier run would pass for this run's; an unrun cell shows none.
                cell.Outputs.Clear();
                cell.ExecutionCount = null;
                options.Log?.WriteLine($"{name} [cell {index}] {(stoppedAt is not null ? $"not run (the run stopped at cell {stoppedAt})" : "empty")}");
                continue;
            }

            executionCount++;
            cell.ExecutionCount = executionCount;
            watch.Restart();
            var reply = await kernel.SubmitAsync(cell.Source, cell.KernelName ?? defaultKernel, options.CellTimeout, cancellationToken).ConfigureAwait(false);
            watch.Stop();

            cell.Outputs.Clear();
            foreach (var output in CellOutputs.FromEvents(reply.Events, executionCount))
            {
                cell.Outputs.Add(output);
            }

            var error = reply.Status switch
            {
                KernelReplyStatus.Failed => CellErrors.FromKernelMessage(reply.Message!),
                KernelReplyStatus.TimedOut => CellErrors.Timeout(options.CellTimeout!.Value),
                KernelReplyStatus.KernelExited => CellErrors.Exited(reply.Message!),
                _ => null,
            };
            if (error is null)
            {
                options.Log?.WriteLine($"{name} [cell {index}] ok in {Seconds(watch.Elapsed)} s");
                continue;
            }

            cell.Outputs.Add(error);
            failures.Add(new CellFailure(index, error.ErrorName, error.ErrorValue));
            options.Log?.WriteLine($"{name} [cell {index}] FAILED in {Seconds(watch.Elapsed)} s: {error.ErrorName}: {FirstLine(error.ErrorValue)}");
            if (options.FailFast || reply.Status is KernelReplyStatus.TimedOut or KernelReplyStatus.KernelExited)
            {
                stoppedAt = index;
            }
        }

        return new NotebookRunResult(inputPath, outputPath, executionCount, failures) { Stopped = stoppedAt is not null };
    }

    private static async Task<KernelProcess> StartKernelAsync(string inputPath, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (options.Profile is not null)
        {
            environment[ProfileVariable] = options.Profile;
        }

        try
        {
            return await KernelProcess.StartAsync(Path.GetDirectoryName(inputPath)!, environment, StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new NotebookRunException(inputPath, e.Message, e);
        }
    }

    private static void CheckOutputFolder(string folder)
    {
        // The first part of the path that exists must be a folder, or the copy could never be written.
        for (var part = folder; !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                throw new NotebookRunException(folder, $"the output folder cannot be created: '{part}' is a file");
            }

            if (Directory.Exists(part))
            {
                return;
            }
        }
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

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}

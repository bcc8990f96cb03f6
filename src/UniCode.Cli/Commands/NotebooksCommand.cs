using System.CommandLine;
using UniCode.Notebooks;
using UniCode.Notebooks.Serialization;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode notebooks run</c>: executes Polyglot Notebooks headlessly.</summary>
internal static class NotebooksCommand
{
    /// <summary>The exit code when a notebook cell failed.</summary>
    public const int CellFailedExitCode = 2;

    /// <summary>The exit code when a notebook could not be run at all (bad file, output folder, no kernel).</summary>
    public const int UnrunnableExitCode = 1;

    public static Command Create()
    {
        var notebooks = new Command("notebooks", "Run the kit's Polyglot Notebooks headlessly (as CI does).");
        notebooks.Subcommands.Add(Run());
        return notebooks;
    }

    private static Command Run()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "The .ipynb files to run.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<DirectoryInfo?>("--out-dir") { Description = "Where to write executed copies (default: <name>.executed.ipynb next to each input)." };
        var profile = new Option<string?>("--profile") { Description = "Smoke, Quick or Paper: exposed to the notebook as UNICODE_PROFILE." };
        profile.AcceptOnlyFromAmong("Smoke", "Quick", "Paper");
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop a notebook at its first failing cell." };
        var timeout = new Option<int?>("--cell-timeout") { Description = "Seconds a cell may run before it is recorded as failed (default: no limit)." };
        var command = new Command("run", "Execute notebooks cell by cell on the .NET Interactive kernel VS Code uses and write the executed copies; "
            + "exit code 2 if a cell failed, 1 if a notebook could not be run.")
        {
            files, outDir, profile, failFast, timeout,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var options = new NotebookRunOptions(
                OutputDirectory: parse.GetValue(outDir)?.FullName,
                Profile: parse.GetValue(profile),
                FailFast: parse.GetValue(failFast),
                CellTimeout: parse.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Log: Console.Out);
            var runner = new NotebookRunner();
            var failed = false;
            var unrunnable = false;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                Console.WriteLine($"notebook {file.FullName}");
                NotebookRunResult result;
                try
                {
                    result = await runner.RunAsync(file.FullName, options, cancellation);
                }
                catch (Exception e) when (e is NotebookFormatException or NotebookRunException or FileNotFoundException or IOException or UnauthorizedAccessException)
                {
                    // One line naming the file and the problem; the other notebooks still run.
                    Console.Error.WriteLine(OneLine(e.Message));
                    unrunnable = true;
                    continue;
                }

                foreach (var failure in result.Failures)
                {
                    Console.Error.WriteLine($"{file.Name}: cell {failure.CellIndex} failed: {failure.ExceptionType}: {OneLine(failure.Message)}");
                }

                Console.WriteLine($"{(result.Succeeded ? "ok" : "FAILED")}: {result.CellsRun} cells run, {result.Failures.Count} failed -> {result.OutputPath}");
                failed |= !result.Succeeded;
            }

            return unrunnable ? UnrunnableExitCode : failed ? CellFailedExitCode : 0;
        });
        return command;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

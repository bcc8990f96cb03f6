using System.CommandLine;
using UniCode.Cli.Terminal;
using UniCode.Kit.Configuration;
using UniCode.Kit.Experiments;
using UniCode.Kit.Experiments.Figures;
using UniCode.Notebooks;
using UniCode.Torch;
using UniCode.Torch.Serialization;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode reproduce &lt;table|all&gt;</c>: rerun the paper's tables and write them beside the paper's.</summary>
internal static class ReproduceCommand
{
    // Earlier results kept in a results folder, linked from the generated README when present.
    private const string EarlierResults = "earlier.md";

    public static Command Create()
    {
        var names = string.Join(", ", ExperimentCatalog.All.Select(e => e.Name));
        var table = new Argument<string?>("table") { Description = $"An experiment ({names}) or all.", Arity = ArgumentArity.ZeroOrOne };
        table.Validators.Add(r =>
        {
            var name = r.GetValueOrDefault<string?>();
            if (name is not null && name != "all" && !ExperimentCatalog.All.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                r.AddError($"unknown table '{name}'; the kit has {names} (or all)");
            }
        });
        var profile = TrainCommand.ProfileOption();
        var outDir = new Option<DirectoryInfo>("--out-dir") { Description = "Where the tables, charts, notebooks and README go.", DefaultValueFactory = _ => new DirectoryInfo("results") };
        var cacheDir = new Option<DirectoryInfo?>("--cache") { Description = "Artifact folder (default: the kit's cache, .cache/artifacts, UNICODE_CACHE_DIR or UNICODE_ARTIFACTS)." };
        var noNotebooks = new Option<bool>("--no-notebooks") { Description = "Skip running each table's notebook (it reuses the table's artifacts but measures again)." };
        var readmeOnly = new Option<bool>("--readme-only")
        {
            Description = "Train and measure nothing: rewrite README.md from the records (tableN.json) already in --out-dir, e.g. after copying one table's files in.",
        };
        var command = new Command("reproduce",
            "Rerun the paper's tables at a profile: per table a CSV, a Markdown table beside the paper's numbers, PNG charts, a record of its claims "
            + "and the executed notebook; then README.md with a verdict per claim.")
        {
            table, profile, outDir, cacheDir, noNotebooks, readmeOnly,
        };
        command.Validators.Add(r =>
        {
            var named = r.GetValue(table) is not null;
            if (r.GetValue(readmeOnly) && named)
            {
                r.AddError("--readme-only rewrites README.md from every record in --out-dir; drop the table");
            }
            else if (!r.GetValue(readmeOnly) && !named)
            {
                r.AddError($"name a table to reproduce ({names}) or all; --readme-only rewrites README.md alone");
            }
        });
        command.SetAction(async (parse, cancellation) =>
        {
            var chosen = TrainCommand.ProfileOf(parse.GetValue(profile));
            if (parse.GetValue(cacheDir) is { } folder)
            {
                // The notebooks' kernels inherit it, so they find what the tables trained.
                Environment.SetEnvironmentVariable(ArtifactCache.RootVariable, folder.FullName);
            }

            if (parse.GetValue(readmeOnly))
            {
                return RewriteReadme(parse.GetValue(outDir)!);
            }

            var cache = ArtifactCache.Default();
            var name = parse.GetValue(table)!;
            var experiments = name == "all" ? ExperimentCatalog.All : [ExperimentCatalog.Get(name)];
            var output = Directory.CreateDirectory(parse.GetValue(outDir)!.FullName).FullName;
            var machine = $"{Environment.ProcessorCount} cores, libtorch {LibTorch.Version} ({LibTorch.NumThreads} threads), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
            if (!parse.GetValue(noNotebooks) && !CheckNotebooks(experiments, NotebooksFolder(), chosen, output, Console.Error))
            {
                return 1;
            }

            var failedNotebooks = 0;
            for (var i = 0; i < experiments.Count; i++)
            {
                var experiment = experiments[i];
                Console.WriteLine($"reproduce [{i + 1}/{experiments.Count}]: {experiment.Title} (profile {chosen})");
                var result = TrainingProgressView.Run(progress => experiment.Run(new ExperimentContext(chosen, cache, progress, Console.Out, cancellation)));
                Write(result, output, machine);
                Console.Write(result.Table.ToMarkdown());
                foreach (var claim in result.Claims)
                {
                    Console.WriteLine($"  {claim.Verdict}: {claim.Text}");
                }

                Console.WriteLine($"{result.Name}: {result.WallSeconds:F0} s; {result.ReusedCount} of {result.Artifacts.Count} artifacts reused");
                WriteReadme(output);
                if (!parse.GetValue(noNotebooks))
                {
                    failedNotebooks += await RunNotebook(experiment, chosen, output, cancellation) ? 0 : 1;
                }
            }

            Console.WriteLine($"reproduce: {Path.Combine(output, "README.md")}");
            return failedNotebooks > 0 ? NotebooksCommand.CellFailedExitCode : 0;
        });
        return command;
    }

    private static void Write(ExperimentResult result, string output, string machine)
    {
        result.Table.WriteCsv(Path.Combine(output, $"{result.Name}.csv"));
        result.Table.WriteMarkdown(Path.Combine(output, $"{result.Name}.md"));
        foreach (var column in result.Table.Columns.Where(c => c.IsMetric && result.Table.Rows.Any(r => r.Cells[result.Table.ColumnIndex(c.Name)].Number is not null)))
        {
            result.Table.ToChart(column.Name).WritePng(Path.Combine(output, ResultFileNames.Chart(result.Name, column.Name)));
        }

        foreach (var figure in result.Figures)
        {
            figure.Grid.WritePng(Path.Combine(output, figure.FileName(result.Name)));
        }

        ReproductionRecord.Of(result, machine, DateTimeOffset.UtcNow, Previous(output, result.Name)).Write(output);
    }

    // The record a run replaces, for the training wall time it carries; an unreadable one is replaced with a warning.
    private static ReproductionRecord? Previous(string output, string name)
    {
        var path = Path.Combine(output, $"{name}.json");
        try
        {
            return File.Exists(path) ? ReproductionRecord.Read(path) : null;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"reproduce: {e.Message}; it is replaced, and its training wall time is lost");
            return null;
        }
    }

    // --readme-only: the README of the records a folder already holds, so that tables run apart can be joined.
    private static int RewriteReadme(DirectoryInfo output)
    {
        if (!output.Exists)
        {
            Console.Error.WriteLine($"reproduce: the results folder {output.FullName} does not exist");
            return 1;
        }

        if (!WriteReadme(output.FullName))
        {
            Console.Error.WriteLine($"reproduce: {output.FullName} holds no table records ({string.Join(", ", ExperimentCatalog.All.Select(e => $"{e.Name}.json"))}); run a table first");
            return 1;
        }

        Console.WriteLine($"reproduce: {Path.Combine(output.FullName, "README.md")} rewritten from its records");
        return 0;
    }

    // False when the folder holds no record (and so no README is written).
    private static bool WriteReadme(string output)
    {
        var records = ReproductionRecord.ReadAll(output, ExperimentCatalog.All.Select(e => e.Name));
        if (records.Count == 0)
        {
            return false;
        }

        var earlier = File.Exists(Path.Combine(output, EarlierResults)) ? EarlierResults : null;
        AtomicFile.WriteAllBytes(Path.Combine(output, "README.md"), System.Text.Encoding.UTF8.GetBytes(ReproductionReport.ToMarkdown(records, ExperimentCatalog.All, earlier)));
        return true;
    }

    // Before any training: each table's notebook must be runnable, or hours of work would end in a copy whose every cell
    // failed (a build without the kit's net9.0 Release assemblies, which the notebooks load, did exactly that).
    internal static bool CheckNotebooks(IEnumerable<IExperiment> experiments, string folder, Profile profile, string output, TextWriter error)
    {
        foreach (var experiment in experiments)
        {
            if (NotebookFor(experiment, folder) is not { } notebook)
            {
                continue;
            }

            try
            {
                NotebookRunner.Check(notebook, new NotebookRunOptions(OutputDirectory: output, Profile: profile.Name));
            }
            catch (Exception e) when (e is NotebookRunException or Notebooks.Serialization.NotebookFormatException or IOException)
            {
                var hint = e is NotebookRunException
                    ? " The kit's notebooks load its Release build: run `dotnet build UniCode.Kit.sln -c Release` (scripts/setup.sh does), or pass --no-notebooks."
                    : "";
                error.WriteLine($"reproduce: {experiment.Name}'s notebook cannot run, so nothing was trained: {e.Message}{hint}");
                return false;
            }
        }

        return true;
    }

    // The table's notebook (notebooks/NN_<name>_*.ipynb), run at the same profile; its executed copy lands beside the table.
    private static async Task<bool> RunNotebook(IExperiment experiment, Profile profile, string output, CancellationToken cancellation)
    {
        var folder = NotebooksFolder();
        if (NotebookFor(experiment, folder) is not { } notebook)
        {
            Console.Error.WriteLine($"reproduce: no notebook for {experiment.Name} in {folder}; the table is written without it");
            return false;
        }

        Console.WriteLine($"reproduce: running {Path.GetFileName(notebook)} at {profile}");
        var result = await new NotebookRunner().RunAsync(notebook, new NotebookRunOptions(OutputDirectory: output, Profile: profile.Name, Log: Console.Out), cancellation);
        foreach (var failure in result.Failures)
        {
            Console.Error.WriteLine($"{Path.GetFileName(notebook)}: cell {failure.CellIndex} failed: {failure.ExceptionType}: {failure.Message.ReplaceLineEndings(" ")}");
        }

        return result.Succeeded;
    }

    private static string NotebooksFolder() => Path.Combine(RepositoryRoot() ?? Environment.CurrentDirectory, "notebooks");

    private static string? NotebookFor(IExperiment experiment, string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, $"*_{experiment.Name}_*.ipynb").Order(StringComparer.Ordinal).FirstOrDefault() : null;

    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "UniCode.Kit.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}

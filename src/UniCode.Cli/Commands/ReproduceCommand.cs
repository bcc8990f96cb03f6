using System.CommandLine;
using UniCode.Cli.Terminal;
using UniCode.Kit.Configuration;
using UniCode.Kit.Experiments;
using UniCode.Torch;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode reproduce &lt;table|all&gt;</c>: rerun the paper's tables and write them beside the paper's.</summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var table = new Argument<string>("table") { Description = $"An experiment ({string.Join(", ", ExperimentCatalog.All.Select(e => e.Name))}) or all." };
        table.Validators.Add(r =>
        {
            var name = r.GetValueOrDefault<string>();
            if (name != "all" && !ExperimentCatalog.All.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                r.AddError($"unknown table '{name}'; the kit has {string.Join(", ", ExperimentCatalog.All.Select(e => e.Name))} (or all)");
            }
        });
        var profile = TrainCommand.ProfileOption();
        var outDir = new Option<DirectoryInfo>("--out-dir") { Description = "Where the tables and the summary go.", DefaultValueFactory = _ => new DirectoryInfo("results") };
        var cacheDir = new Option<DirectoryInfo?>("--cache") { Description = "Artifact folder (default: the kit's cache, .cache/artifacts or UNICODE_CACHE_DIR)." };
        var command = new Command("reproduce", "Rerun the paper's tables at a profile: per table a CSV and a Markdown table beside the paper's numbers, and reproduction.md with a verdict per table.")
        {
            table, profile, outDir, cacheDir,
        };
        command.SetAction((parse, cancellation) =>
        {
            var chosen = TrainCommand.ProfileOf(parse.GetValue(profile));
            var cache = parse.GetValue(cacheDir) is { } folder ? new ArtifactCache(folder.FullName) : ArtifactCache.Default();
            var name = parse.GetValue(table)!;
            var experiments = name == "all" ? ExperimentCatalog.All : [ExperimentCatalog.Get(name)];
            var output = Directory.CreateDirectory(parse.GetValue(outDir)!.FullName).FullName;
            var results = new List<ExperimentResult>();
            foreach (var experiment in experiments)
            {
                Console.WriteLine($"reproduce: {experiment.Title} (profile {chosen})");
                var result = TrainingProgressView.Run(progress => experiment.Run(new ExperimentContext(chosen, cache, progress, Console.Out, cancellation)));
                result.Table.WriteCsv(Path.Combine(output, $"{result.Name}.csv"));
                result.Table.WriteMarkdown(Path.Combine(output, $"{result.Name}.md"));
                Console.Write(result.Table.ToMarkdown());
                Console.WriteLine($"{result.Name}: reproduced {ReproductionReport.Verdict(result.Directions)}; {result.WallSeconds:F0} s; {result.ReusedCount} of {result.Artifacts.Count} artifacts reused");
                results.Add(result);
            }

            var machine = $"{Environment.ProcessorCount} cores, libtorch {LibTorch.Version} ({LibTorch.NumThreads} threads), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
            var summary = Path.Combine(output, "reproduction.md");
            File.WriteAllText(summary, ReproductionReport.ToMarkdown(results, chosen.Name, machine));
            Console.WriteLine($"reproduce: {summary}");
            return Task.FromResult(0);
        });
        return command;
    }
}

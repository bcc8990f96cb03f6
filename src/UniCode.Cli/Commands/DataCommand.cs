using System.CommandLine;
using UniCode.Kit.Data;
using UniCode.Kit.Reporting;
using UniCode.Torch;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode data ...</c>: the embedded datasets.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var data = new Command("data", "The embedded datasets: check, install and look at them.");
        data.Subcommands.Add(Prepare());
        data.Subcommands.Add(Show());
        return data;
    }

    private static Command Prepare()
    {
        var checkOnly = new Option<bool>("--check-only") { Description = "Only report; do not install missing packages." };
        var command = new Command("prepare", "Check every embedded dataset, install the missing Debian packages (sudo when not root), print a table.")
        {
            checkOnly,
        };
        command.SetAction(parse =>
        {
            var report = DatasetCatalog.Prepare(install: !parse.GetValue(checkOnly));
            if (report.Install is { } install)
            {
                Console.WriteLine($"$ {install.Command}");
                Console.WriteLine(install.Succeeded ? "installed" : $"install failed (exit {install.ExitCode}):\n{install.Output}");
            }

            Console.Write(DatasetCatalog.FormatTable(report.After));
            if (!report.AllAvailable)
            {
                var packages = DatasetCatalog.MissingPackages();
                Console.Error.WriteLine(packages.Count > 0
                    ? $"missing: install with `sudo apt-get install {string.Join(' ', packages)}` or bash data-scripts/install-debian-data.sh"
                    : "some datasets are broken (see the table)");
                return 1;
            }

            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var dataset = new Argument<string>("dataset") { Description = $"One of: {string.Join(", ", DatasetCatalog.ImageDatasetNames)}." };
        dataset.AcceptOnlyFromAmong([.. DatasetCatalog.ImageDatasetNames]);
        var count = new Option<int>("--count") { Description = "How many examples.", DefaultValueFactory = _ => 16 };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--count must be at least 1");
            }
        });
        var output = new Option<FileInfo>("--out") { Description = "The PNG to write.", Required = true };
        var size = new Option<int>("--size") { Description = "Image side in pixels.", DefaultValueFactory = _ => 32 };
        size.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 8 or > 512)
            {
                r.AddError("--size must be between 8 and 512");
            }
        });
        var scale = new Option<int>("--scale") { Description = "Integer upscaling of each tile.", DefaultValueFactory = _ => 3 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random pick.", DefaultValueFactory = _ => 0 };
        var command = new Command("show", "Write a captioned grid of examples of a dataset to a PNG.")
        {
            dataset, count, output, size, scale, seed,
        };
        command.SetAction(parse =>
        {
            using var scope = new DisposeScope();
            var name = parse.GetValue(dataset)!;
            var examples = DatasetCatalog.Samples(name, parse.GetValue(count), parse.GetValue(size), parse.GetValue(seed));
            var images = examples.Select(e => e.Image.ToTensor()).ToList();
            var grid = ImageGrid.Create(images, [.. examples.Select(e => e.Caption)], new ImageGridOptions { Scale = parse.GetValue(scale) });
            var path = parse.GetValue(output)!.FullName;
            grid.WritePng(path);
            Console.WriteLine($"{examples.Count} examples of {name} -> {path} ({grid})");
            return 0;
        });
        return command;
    }
}

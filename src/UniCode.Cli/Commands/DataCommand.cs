using System.CommandLine;
using UniCode.Cli.Terminal;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Data.Llava;
using UniCode.Kit.Reporting.Images;
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
        data.Subcommands.Add(Export());
        data.Subcommands.Add(ConvertLlava());
        data.Subcommands.Add(ConvertPairs());
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

            Console.Write(DatasetTable.Format(report.After));
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

    private static Command Export()
    {
        var dataset = DatasetArgument();
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder that gets the JSON and an images/ folder.", Required = true };
        var count = new Option<int?>("--count") { Description = "Export only the first N examples." };
        var size = SizeOption();
        var style = new Option<LlavaExportStyle>("--style")
        {
            Description = "Auto (questions when there are any, else the caption), Caption, Questions or CaptionAndQuestions.",
            DefaultValueFactory = _ => LlavaExportStyle.Auto,
        };
        var command = new Command("export", "Write a kit dataset as LLaVA JSON plus PNG images (the format of the paper's data).")
        {
            dataset, output, count, size, style,
        };
        command.SetAction(parse =>
        {
            var source = DatasetCatalog.OpenImageDataset(parse.GetValue(dataset)!, parse.GetValue(size));
            var result = LlavaExporter.Export(source, parse.GetValue(output)!.FullName, new LlavaExportOptions { Count = parse.GetValue(count), Style = parse.GetValue(style) });
            Console.WriteLine($"wrote {result.Records} records to {result.JsonPath} (images under {result.ImageFolder})");
            return 0;
        });
        return command;
    }

    private static Command ConvertLlava()
    {
        var json = new Option<FileInfo>("--json") { Description = "LLaVA JSON: LCS-558K, mix665K or CC3M-595K.", Required = true };
        var images = new Option<DirectoryInfo>("--images") { Description = "The folder the JSON's image paths are relative to.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Gets conversations.json, captions.tsv and manifest.json.", Required = true };
        var limit = new Option<int?>("--limit") { Description = "Read only the first N records." };
        var strict = new Option<bool>("--strict") { Description = "Fail on a missing image instead of dropping the record." };
        var dropTextOnly = new Option<bool>("--drop-text-only") { Description = "Leave out records without an image." };
        var command = new Command("convert-llava", "Validate downloaded LLaVA data and convert it into what the kit reads.")
        {
            json, images, output, limit, strict, dropTextOnly,
        };
        command.SetAction(parse =>
        {
            var report = LlavaConverter.Convert(parse.GetValue(json)!.FullName, parse.GetValue(images)!.FullName, parse.GetValue(output)!.FullName, new LlavaConvertOptions
            {
                Limit = parse.GetValue(limit),
                DropMissingImages = !parse.GetValue(strict),
                KeepTextOnly = !parse.GetValue(dropTextOnly),
            });
            Console.WriteLine($"read {report.Read} records: wrote {report.Written}, text-only {report.TextOnly}, dropped for a missing image {report.MissingImages}, caption pairs {report.Captions}");
            Console.WriteLine($"manifest: {report.ManifestPath}");
            return 0;
        });
        return command;
    }

    private static Command ConvertPairs()
    {
        var folder = new Option<DirectoryInfo>("--folder") { Description = "An img2dataset folder: each image next to a same-named .txt caption.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The caption list to write (.tsv or .jsonl).", Required = true };
        var command = new Command("convert-pairs", "Turn a folder of image + caption pairs (e.g. CC3M from img2dataset) into a caption list.")
        {
            folder, output,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!.FullName;
            var count = LlavaConverter.ConvertImageTextPairs(parse.GetValue(folder)!.FullName, path);
            Console.WriteLine($"wrote {count} image/caption pairs to {path}");
            return 0;
        });
        return command;
    }

    private static Argument<string> DatasetArgument()
    {
        var dataset = new Argument<string>("dataset") { Description = $"One of: {string.Join(", ", DatasetCatalog.ImageDatasetNames)}." };
        dataset.AcceptOnlyFromAmong([.. DatasetCatalog.ImageDatasetNames]);
        return dataset;
    }

    private static Option<int> SizeOption()
    {
        var size = new Option<int>("--size") { Description = "Image side in pixels.", DefaultValueFactory = _ => 32 };
        size.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 8 or > 512)
            {
                r.AddError("--size must be between 8 and 512");
            }
        });
        return size;
    }

    private static Command Show()
    {
        var dataset = DatasetArgument();
        var count = new Option<int>("--count") { Description = "How many examples.", DefaultValueFactory = _ => 16 };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--count must be at least 1");
            }
        });
        var output = new Option<FileInfo>("--out") { Description = "The PNG to write.", Required = true };
        var size = SizeOption();
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

#:project ../src/UniCode.Kit/UniCode.Kit.csproj
#:property PublishAot=false
#:property OutputType=Exe

// The kit's data tool as a .NET 10 file-based program: `dotnet run data-scripts/kit-data.cs -- <verb> ...`.
// It is a thin shell over UniCode.Kit.Data (DatasetCatalog, LlavaExporter, LlavaConverter), the same API
// the `unicode data ...` CLI verbs call, so it works before and after the CLI is wired.
using System.Globalization;
using UniCode.Kit.Data;

return KitData.Run(args);

/// <summary>Verb dispatch and argument parsing.</summary>
internal static class KitData
{
    private const string Usage = """
        usage: dotnet run data-scripts/kit-data.cs -- <verb> [options]

          catalog                                    list the embedded datasets (installed?, counts, apt package)
          prepare                                    install the missing dataset packages, then list
          export <dataset> --out DIR [--count N] [--size S] [--style auto|caption|questions|caption-and-questions]
                                                     write a kit dataset as LLaVA JSON + PNGs
                                                     (datasets: fashion-mnist[/test], emoji[/train|/held-out], shapes)
          convert-llava --json FILE --images DIR --out DIR [--limit N] [--strict] [--drop-text-only]
                                                     validate LCS-558K / mix665K / CC3M-595K LLaVA JSON and write
                                                     conversations.json, captions.tsv and manifest.json
          convert-pairs --folder DIR --out FILE.tsv|FILE.jsonl
                                                     turn an img2dataset folder (image + .txt caption) into a caption list
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = Options.Parse(args.Skip(1).ToArray());
            return args[0] switch
            {
                "catalog" => Catalog(),
                "prepare" => Prepare(),
                "export" => Export(options),
                "convert-llava" => ConvertLlava(options),
                "convert-pairs" => ConvertPairs(options),
                _ => Fail($"unknown verb '{args[0]}'\n{Usage}"),
            };
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or DatasetNotInstalledException or UnauthorizedAccessException)
        {
            return Fail(e.Message);
        }
    }

    private static int Catalog()
    {
        var list = DatasetCatalog.List();
        Console.Write(DatasetCatalog.FormatTable(list));
        return list.All(d => d.Available) ? 0 : 1;
    }

    private static int Prepare()
    {
        var report = DatasetCatalog.Prepare(install: true);
        if (report.Install is { } install)
        {
            Console.WriteLine($"$ {install.Command}");
            Console.Write(install.Output);
            Console.WriteLine(install.Succeeded ? "install succeeded" : $"install failed with exit code {install.ExitCode}");
        }

        Console.Write(DatasetCatalog.FormatTable(report.After));
        return report.AllAvailable ? 0 : 1;
    }

    private static int Export(Options options)
    {
        var name = options.Positional(0, "dataset");
        var dataset = DatasetCatalog.OpenImageDataset(name, options.Int("size") ?? 32);
        var style = options.Text("style") switch
        {
            null or "auto" => LlavaExportStyle.Auto,
            "caption" => LlavaExportStyle.Caption,
            "questions" => LlavaExportStyle.Questions,
            "caption-and-questions" => LlavaExportStyle.CaptionAndQuestions,
            var other => throw new ArgumentException($"--style '{other}' is not one of auto, caption, questions, caption-and-questions"),
        };
        var result = LlavaExporter.Export(dataset, options.Required("out"), new LlavaExportOptions { Count = options.Int("count"), Style = style });
        Console.WriteLine($"wrote {result.Records} records to {result.JsonPath} (images under {result.ImageFolder})");
        return 0;
    }

    private static int ConvertLlava(Options options)
    {
        var report = LlavaConverter.Convert(options.Required("json"), options.Required("images"), options.Required("out"), new LlavaConvertOptions
        {
            Limit = options.Int("limit"),
            DropMissingImages = !options.Flag("strict"),
            KeepTextOnly = !options.Flag("drop-text-only"),
        });
        Console.WriteLine($"read {report.Read} records: wrote {report.Written}, text-only {report.TextOnly}, dropped for a missing image {report.MissingImages}, caption pairs {report.Captions}");
        Console.WriteLine($"manifest: {report.ManifestPath}");
        return 0;
    }

    private static int ConvertPairs(Options options)
    {
        var count = LlavaConverter.ConvertImageTextPairs(options.Required("folder"), options.Required("out"));
        Console.WriteLine($"wrote {count} image/caption pairs to {options.Required("out")}");
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"kit-data: {message}");
        return 1;
    }

    /// <summary>--name value options, --flag switches and positional arguments.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string?> named = [];
        private readonly List<string> positional = [];

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    options.positional.Add(args[i]);
                    continue;
                }

                var name = args[i][2..];
                var isFlag = name is "strict" or "drop-text-only";
                if (!isFlag && i + 1 >= args.Length)
                {
                    throw new ArgumentException($"--{name} needs a value");
                }

                options.named[name] = isFlag ? null : args[++i];
            }

            return options;
        }

        public string Positional(int index, string what) =>
            index < positional.Count ? positional[index] : throw new ArgumentException($"missing <{what}>");

        public string? Text(string name) => named.TryGetValue(name, out var value) ? value : null;

        public string Required(string name) => Text(name) ?? throw new ArgumentException($"--{name} is required");

        public bool Flag(string name) => named.ContainsKey(name);

        public int? Int(string name)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new ArgumentException($"--{name} must be a non-negative whole number, got '{text}'");
        }
    }
}

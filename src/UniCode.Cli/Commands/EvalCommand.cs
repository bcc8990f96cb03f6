using System.CommandLine;
using System.Text.Json;
using UniCode.Cli.Terminal;
using UniCode.Kit.Configuration;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Evaluation.Reconstruction;
using UniCode.Kit.Training.Features;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Kit.Vision;
using UniCode.Torch;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode eval ...</c>: measures trained models.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Measure trained models.");
        eval.Subcommands.Add(Tokenizer());
        return eval;
    }

    private static Command Tokenizer()
    {
        var checkpoint = new Argument<FileInfo>("checkpoint") { Description = "A tokenizer file or training checkpoint (.safetensors)." };
        var dataset = new Option<string?>("--dataset") { Description = "fashion-mnist, emoji or shapes (default: the one it was trained on)." };
        dataset.AcceptOnlyFromAmong("fashion-mnist", "emoji", "shapes");
        var images = new Option<int>("--images") { Description = "Test images to measure.", DefaultValueFactory = _ => 2000 };
        var grid = new Option<FileInfo?>("--grid") { Description = "Write a PNG of originals (odd rows) over reconstructions (even rows)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON line: psnr, ssim, rfid, usage, perplexity." };
        var featureSteps = new Option<int>("--feature-steps") { Description = "Training steps of the rFID feature net if it is not cached yet (0: skip rFID).", DefaultValueFactory = _ => 800 };
        var command = new Command("tokenizer", "PSNR, SSIM, rFID and codebook usage of a tokenizer on a test split, and a grid of reconstructions.")
        {
            checkpoint, dataset, images, grid, json, featureSteps,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(checkpoint)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"eval tokenizer: '{file.FullName}' does not exist");
                return 1;
            }

            VisualTokenizer tokenizer;
            Dictionary<string, string> metadata;
            try
            {
                tokenizer = TokenizerFile.Load(file.FullName, out metadata);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
            {
                Console.Error.WriteLine($"eval tokenizer: {e.Message}");
                return 1;
            }

            using (tokenizer)
            {
                var name = parse.GetValue(dataset) ?? DatasetOf(metadata) ?? "fashion-mnist";
                var size = 32;
                var recipe = new TokenizerRecipe { Dataset = name, ImageSize = size, TestImages = Math.Max(2, parse.GetValue(images)) };
                var (train, test) = TokenizerRecipes.Splits(recipe);
                if (train.Channels != tokenizer.ImageChannels)
                {
                    Console.Error.WriteLine($"eval tokenizer: {name} has {train.Channels}-channel images; the tokenizer reads {tokenizer.ImageChannels}");
                    return 1;
                }

                FeatureCnn? net = null;
                if (parse.GetValue(featureSteps) > 0)
                {
                    var options = new FeatureCnnOptions
                    {
                        Dataset = name,
                        ImageChannels = train.Channels,
                        ImageSize = size,
                        Classes = train.ClassNames.Count,
                        Steps = parse.GetValue(featureSteps),
                    };
                    (net, _) = TrainingProgressView.Run(progress => FeatureNets.LoadOrTrain(
                        DatasetCatalog.OpenImageDataset(TokenizerRecipes.TrainName(name), size), options, ArtifactCache.Default(), progress));
                }

                using (net)
                {
                    var report = ReconstructionEvaluator.Evaluate(tokenizer, test, net, recipe.TestImages);
                    if (parse.GetValue(grid) is { } png)
                    {
                        WriteGrid(tokenizer, test, png.FullName);
                    }

                    if (parse.GetValue(json))
                    {
                        Console.WriteLine(JsonSerializer.Serialize(new { psnr = report.Psnr, ssim = report.Ssim, rfid = report.Rfid, usage = report.Usage, perplexity = report.Perplexity, images = report.Images }));
                    }
                    else
                    {
                        Console.Write(TextTable.Format(["figure", $"{tokenizer.Kind} on {report.Images} {name} test images"],
                        [
                            ["PSNR", $"{report.Psnr:F2} dB"],
                            ["SSIM", $"{report.Ssim:F4}"],
                            ["rFID", report.Rfid is { } f ? $"{f:F2}" : "-"],
                            ["codebook usage", $"{report.Usage:P1}"],
                            ["perplexity", $"{report.Perplexity:F1}"],
                        ]));
                    }
                }
            }

            return 0;
        });
        return command;
    }

    private static string? DatasetOf(Dictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue("recipe", out var json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("Dataset", out var value) ? value.GetString() : null;
    }

    private static void WriteGrid(VisualTokenizer tokenizer, Kit.Data.IImageDataset test, string path)
    {
        using var scope = new DisposeScope();
        ReconstructionGrid.Create(tokenizer, FeatureExtraction.FirstImages(test, 16)).WritePng(path);
        Console.WriteLine($"reconstructions: {path}");
    }
}

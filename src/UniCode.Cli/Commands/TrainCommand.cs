using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using UniCode.Cli.Terminal;
using UniCode.Kit.Configuration;
using UniCode.Kit.Training.Language;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode train ...</c>: trains the kit's models with progress, checkpoints and resume.</summary>
internal static partial class TrainCommand
{
    public static Command Create()
    {
        var train = new Command("train", "Train the kit's models (progress bars, checkpoints, --resume, --profile).");
        train.Subcommands.Add(Tokenizer());
        train.Subcommands.Add(LanguageModel());
        train.Subcommands.Add(StageOne());
        train.Subcommands.Add(StageTwo());
        return train;
    }

    private static Command Tokenizer()
    {
        var kind = new Option<string>("--kind") { Description = "vq (VQ-GAN), rq (RQ-VAE) or hq (HQ-VAE).", DefaultValueFactory = _ => "hq" };
        kind.AcceptOnlyFromAmong("vq", "rq", "hq", "vqgan", "rqvae", "hqvae");
        var codebook = new Option<string>("--codebook") { Description = "The codebook paradigm: separate, frozen, dual or iterative.", DefaultValueFactory = _ => "iterative" };
        codebook.AcceptOnlyFromAmong("separate", "frozen", "dual", "iterative");
        var schedule = new Option<string>("--schedule") { Description = "Iterative's Eq. 3 schedule: converging (default) or paper (λ = 0.99 every 10 steps).", DefaultValueFactory = _ => "converging" };
        schedule.AcceptOnlyFromAmong("converging", "paper");
        var dataset = new Option<string>("--dataset") { Description = "fashion-mnist, emoji or shapes.", DefaultValueFactory = _ => "fashion-mnist" };
        dataset.AcceptOnlyFromAmong("fashion-mnist", "emoji", "shapes");
        var profile = ProfileOption();
        var seed = new Option<ulong>("--seed") { Description = "Seed of the weights, the batch order and C_L's draw." };
        var steps = new Option<int?>("--steps") { Description = "Override the profile's number of training steps." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Artifact folder (default: the kit's cache, .cache/artifacts or UNICODE_CACHE_DIR)." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run of the same recipe from its last checkpoint." };
        var lm = new Option<FileInfo?>("--lm") { Description = "A language model checkpoint whose embedding table is C_L (default: a table drawn like an LM's initial embeddings)." };
        var json = new Option<bool>("--json") { Description = "Print the final figures as one JSON line." };
        var entropy = new Option<double?>("--entropy") { Description = "Weight of the quantizer's code-entropy term (default: 0.02 under frozen and iterative, 0 otherwise)." };
        var command = new Command("tokenizer", "Train a visual tokenizer under a codebook paradigm, then measure PSNR, SSIM, rFID and usage on the test split.")
        {
            kind, codebook, schedule, dataset, profile, seed, steps, output, resume, lm, json, entropy,
        };
        command.SetAction((parse, cancellation) =>
        {
            var chosen = ProfileOf(parse.GetValue(profile));
            var recipe = TokenizerRecipe.For(chosen, KindOf(parse.GetValue(kind)!), Enum.Parse<CodebookParadigm>(parse.GetValue(codebook)!, ignoreCase: true), parse.GetValue(dataset)!);
            var training = recipe.Training with
            {
                Seed = parse.GetValue(seed),
                Steps = parse.GetValue(steps) ?? recipe.Training.Steps,
                Codebook = recipe.Training.Codebook with { Schedule = parse.GetValue(schedule) == "paper" ? IterativeSchedule.Paper : IterativeSchedule.Converging },
            };
            var language = parse.GetValue(lm) is { } checkpoint
                ? new LanguageCodebookSource { Checkpoint = checkpoint.FullName, TensorName = LanguageModelRecipe.EmbeddingTensorName }
                : new LanguageCodebookSource { Seed = parse.GetValue(seed) };
            recipe = recipe with { Training = training, Language = language, CodeEntropyWeight = parse.GetValue(entropy) };
            var cache = parse.GetValue(output) is { } folder ? new ArtifactCache(folder.FullName) : ArtifactCache.Default();
            Console.WriteLine($"train tokenizer: {recipe} (profile {chosen})");
            Console.WriteLine($"C_L: {recipe.Language}");
            using var trained = TrainingProgressView.Run(progress =>
                TokenizerRecipes.TrainOrLoad(recipe, cache, progress, Console.Out, parse.GetValue(resume), cancellation));
            Print(trained, parse.GetValue(json));
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command LanguageModel()
    {
        var profile = ProfileOption();
        var seed = new Option<ulong>("--seed") { Description = "Seed of the batch windows and the held-out split." };
        var steps = new Option<int?>("--steps") { Description = "Override the profile's number of training steps." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Artifact folder (default: the kit's cache, .cache/artifacts or UNICODE_CACHE_DIR)." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run of the same recipe from its last checkpoint." };
        var json = new Option<bool>("--json") { Description = "Print the final figures as one JSON line." };
        var command = new Command("lm", "Pre-train the language model on the kit's text corpus (BPE, V = K = 1024), then report held-out perplexity; its lm.safetensors is the --lm of train tokenizer.")
        {
            profile, seed, steps, output, resume, json,
        };
        command.SetAction((parse, cancellation) =>
        {
            var chosen = ProfileOf(parse.GetValue(profile));
            var recipe = LanguageModelRecipe.For(chosen);
            recipe = recipe with { Training = recipe.Training with { Seed = parse.GetValue(seed), Steps = parse.GetValue(steps) ?? recipe.Training.Steps } };
            var cache = parse.GetValue(output) is { } folder ? new ArtifactCache(folder.FullName) : ArtifactCache.Default();
            Console.WriteLine($"train lm: {recipe.Model.Style} {recipe.Model.Layers}x{recipe.Model.Dim}, V = {recipe.Model.VocabSize}, {recipe.Training.Steps} steps of {recipe.Training.BatchSize}x{recipe.Training.BlockSize} tokens (profile {chosen})");
            using var trained = TrainingProgressView.Run(progress => recipe.TrainOrLoad(cache, progress, Console.Out, parse.GetValue(resume), cancellation));
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["perplexity"] = trained.Perplexity,
                    ["training_seconds"] = trained.TrainingSeconds,
                    ["reused"] = trained.Reused,
                    ["checkpoint"] = trained.Path,
                }));
            }
            else
            {
                Console.WriteLine($"held-out perplexity {trained.Perplexity:F2}; training {trained.TrainingSeconds:F0} s{(trained.Reused ? " (cached artifact reused)" : string.Empty)}");
                Console.WriteLine($"checkpoint: {trained.Path} (use it as: unicode train tokenizer --lm {trained.Path})");
            }

            return Task.FromResult(0);
        });
        return command;
    }

    internal static Option<string?> ProfileOption()
    {
        var profile = new Option<string?>("--profile") { Description = "Smoke, Quick or Paper (default: UNICODE_PROFILE, else Quick)." };
        profile.AcceptOnlyFromAmong("Smoke", "Quick", "Paper", "smoke", "quick", "paper");
        return profile;
    }

    internal static Profile ProfileOf(string? name) => name is null ? Profile.Current : Profile.Parse(name);

    private static TokenizerKind KindOf(string name) => name switch
    {
        "vq" or "vqgan" => TokenizerKind.VqGan,
        "rq" or "rqvae" => TokenizerKind.RqVae,
        _ => TokenizerKind.HqVae,
    };

    private static void Print(TrainedTokenizer trained, bool json)
    {
        var report = trained.Report;
        var last = trained.Alignments.Count > 0 ? trained.Alignments[^1] : null;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["kind"] = trained.Recipe.Kind.ToString(),
                ["paradigm"] = trained.Recipe.Paradigm.ToString(),
                ["psnr"] = report.Psnr,
                ["ssim"] = report.Ssim,
                ["rfid"] = report.Rfid,
                ["usage"] = report.Usage,
                ["perplexity"] = report.Perplexity,
                ["cos"] = last?.MeanCosine,
                ["training_seconds"] = trained.TrainingSeconds,
                ["reused"] = trained.Reused,
                ["folder"] = trained.Folder,
            }));
            return;
        }

        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "PSNR", $"{report.Psnr:F2} dB" },
            new[] { "SSIM", $"{report.Ssim:F4}" },
            new[] { "rFID", report.Rfid is { } f ? $"{f:F2}" : "-" },
            new[] { "codebook usage", $"{report.Usage:P1}" },
            new[] { "perplexity", $"{report.Perplexity:F1}" },
            new[] { "cos(C, C_L)", last is null ? "-" : $"{last.MeanCosine:F4}" },
            new[] { "training", $"{trained.TrainingSeconds.ToString("F0", CultureInfo.InvariantCulture)} s{(trained.Reused ? " (cached artifact reused)" : string.Empty)}" },
            new[] { "artifact", trained.Folder },
        };
        Console.Write(TextTable.Format(["figure", $"{trained.Recipe.Kind}/{trained.Recipe.Paradigm}, {report.Images} test images"], rows));
    }
}

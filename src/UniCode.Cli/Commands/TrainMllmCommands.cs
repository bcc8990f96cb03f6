using System.CommandLine;
using System.Text.Json;
using UniCode.Cli.Terminal;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Training.Multimodal;
using UniCode.Kit.Training.Tokenizers;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode train stage1</c> and <c>train stage2</c>: the two stages of the MLLM.</summary>
internal static partial class TrainCommand
{
    private static Command StageOne()
    {
        var recipeOptions = new MllmRecipeOptions();
        var json = new Option<bool>("--json") { Description = "Print the final figures as one JSON line." };
        var command = new Command("stage1", "Stage I: pre-train (or reuse) the LM, then train the visual tokenizer in turn with LM text steps over one table, and measure it.");
        recipeOptions.AddTo(command);
        command.Options.Add(json);
        command.SetAction((parse, cancellation) =>
        {
            var (recipe, cache, chosen) = recipeOptions.Read(parse);
            if (recipe.StageOne is not { } stageOne)
            {
                Console.Error.WriteLine($"train stage1: Stage I joins the tokenizer to the LM's table, so it needs --paradigm unified (and no --no-stage1); {recipe.Paradigm} trains its tokenizer alone (see train tokenizer)");
                return Task.FromResult(2);
            }

            Console.WriteLine($"train stage1: {recipe.Tokenizer} with LM steps of {stageOne.LanguageBatchSize}x{stageOne.LanguageBlockSize} tokens (profile {chosen})");
            var (language, tokenizer) = TrainingProgressView.Run(progress =>
            {
                using var pretrained = recipe.Language.TrainOrLoad(cache, progress, Console.Out, parse.GetValue(recipeOptions.Resume), cancellation);
                return new StageOneRecipe(recipe.Language, recipe.TokenizerFor(pretrained.Path), stageOne).TrainOrLoad(pretrained, cache, progress, Console.Out, parse.GetValue(recipeOptions.Resume), cancellation);
            });
            using (language)
            using (tokenizer)
            {
                var cosine = tokenizer.Alignments.Count > 0 ? tokenizer.Alignments[^1].MeanCosine : double.NaN;
                var figures = new Dictionary<string, object?>
                {
                    ["psnr"] = tokenizer.Report.Psnr,
                    ["ssim"] = tokenizer.Report.Ssim,
                    ["rfid"] = tokenizer.Report.Rfid,
                    ["usage"] = tokenizer.Report.Usage,
                    ["cos"] = cosine,
                    ["perplexity"] = language.Perplexity,
                    ["training_seconds"] = tokenizer.TrainingSeconds,
                    ["reused"] = tokenizer.Reused,
                    ["folder"] = tokenizer.Folder,
                };
                PrintFigures(figures, parse.GetValue(json), $"stage I: {tokenizer.Recipe.Kind}/{tokenizer.Recipe.Paradigm}");
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static Command StageTwo()
    {
        var recipeOptions = new MllmRecipeOptions();
        var json = new Option<bool>("--json") { Description = "Print the final figures as one JSON line." };
        var questions = new Option<int?>("--eval") { Description = "Held-out questions to score (default: 60 at Smoke, 500 at Quick, 2000 at Paper)." };
        var command = new Command("stage2", "Stage II: the MLLM instruction-tuned on the task mixture with the tokenizer frozen (after the LM and Stage I, cached), then scored on held-out questions.");
        recipeOptions.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(questions);
        command.SetAction((parse, cancellation) =>
        {
            var (recipe, cache, chosen) = recipeOptions.Read(parse);
            Console.WriteLine($"train stage2: {recipe} (profile {chosen})");
            using var trained = TrainingProgressView.Run(progress => recipe.TrainOrLoad(cache, progress, Console.Out, parse.GetValue(recipeOptions.Resume), cancellation));
            var (_, test) = TokenizerRecipes.Splits(trained.Tokenizer.Recipe);
            var inference = new MllmInference(trained.Model);
            var count = parse.GetValue(questions) ?? chosen.Pick(60, 500, 2000);
            var vqa = test.ClassNames.Count > 0 ? MllmEvaluation.ClassQuestions(inference, test, count) : MllmEvaluation.Vqa(inference, test, count);
            var figures = new Dictionary<string, object?>
            {
                ["vqa"] = vqa.Accuracy.Accuracy,
                ["questions"] = vqa.Accuracy.Count,
                ["stage1_seconds"] = trained.Tokenizer.TrainingSeconds,
                ["stage2_seconds"] = trained.TuningSeconds,
                ["reused"] = trained.Reused,
                ["folder"] = trained.Folder,
            };
            foreach (var (kind, accuracy) in vqa.Accuracy.PerKind)
            {
                figures[$"vqa_{JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString())}"] = accuracy;
            }

            if (test.ClassNames.Count > 0 && trained.Model.Vocabulary.HasCodeTokens)
            {
                using var net = (FeatureCnn)TokenizerRecipes.RfidNet(trained.Tokenizer.Recipe, test, cache, null, Console.Out);
                var (accuracy, images) = MllmEvaluation.ClassToImage(inference, net, test.ClassNames, perClass: chosen.Pick(2, 10, 50), trained.Tokenizer.Recipe.ImageSize);
                images.Dispose();
                figures["class_to_image_accuracy"] = accuracy.Accuracy;
            }

            PrintFigures(figures, parse.GetValue(json), $"stage II: {recipe.Paradigm}, {vqa.Accuracy.Count} held-out questions");
            foreach (var sample in vqa.Samples.Take(parse.GetValue(json) ? 0 : 5))
            {
                Console.WriteLine($"  Q: {sample.Question.Question}  A: {sample.Prediction}  (reference: {sample.Question.Answer})");
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static void PrintFigures(Dictionary<string, object?> figures, bool json, string title)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(figures));
            return;
        }

        Console.Write(TextTable.Format(["figure", title], [.. figures.Select(f => (IReadOnlyList<string>)[f.Key, Format(f.Value)])]));
    }

    private static string Format(object? value) => value switch
    {
        null => "-",
        double d => d.ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "-",
    };
}

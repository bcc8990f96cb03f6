using System.CommandLine;
using UniCode.Cli.Terminal;
using UniCode.Kit.Data;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Reporting.Images;
using UniCode.Kit.Training.Multimodal;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode ask</c> and <c>unicode generate</c>: use a trained MLLM (trained first when the cache lacks it).</summary>
internal static class MllmCommands
{
    public static Command Ask()
    {
        var recipeOptions = new MllmRecipeOptions();
        var question = new Option<string?>("--question") { Description = "The question (default: each held-out image's own question)." };
        var image = new Option<FileInfo?>("--image") { Description = "An image file (PNG or JPEG), resized to the tokenizer's size (default: held-out images of the dataset)." };
        var count = new Option<int>("--count") { Description = "How many held-out images to ask about when no --image is given.", DefaultValueFactory = _ => 8 };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--count must be at least 1");
            }
        });
        var command = new Command("ask", "Ask the MLLM a question about an image (or about held-out images, beside their reference answers).") { question, image, count };
        recipeOptions.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var (recipe, cache, _) = recipeOptions.Read(parse);
            if (parse.GetValue(image) is { } file && !file.Exists)
            {
                Console.Error.WriteLine($"ask: the image '{file.FullName}' does not exist");
                return Task.FromResult(2);
            }

            using var trained = TrainingProgressView.Run(progress => recipe.TrainOrLoad(cache, progress, Console.Out, parse.GetValue(recipeOptions.Resume), cancellation));
            using var scope = new DisposeScope();
            var inference = new MllmInference(trained.Model);
            if (parse.GetValue(image) is { } path)
            {
                var asked = parse.GetValue(question) ?? Kit.Multimodal.Tasks.TaskPrompts.WhatIsThis;
                Console.WriteLine($"Q: {asked}");
                Console.WriteLine($"A: {inference.Ask(ReadImage(path.FullName, trained), asked)}");
                return Task.FromResult(0);
            }

            var (_, test) = TokenizerRecipes.Splits(trained.Tokenizer.Recipe);
            var view = test.ClassNames.Count > 0 ? null : new VqaView(test);
            for (var i = 0; i < Math.Min(parse.GetValue(count), view?.Count ?? test.Count); i++)
            {
                var example = view?.Get(i) ?? test.Get(i);
                var asked = parse.GetValue(question) ?? example.QuestionAnswers.FirstOrDefault()?.Question ?? Kit.Multimodal.Tasks.TaskPrompts.WhatIsThis;
                var reference = parse.GetValue(question) is null
                    ? example.QuestionAnswers.FirstOrDefault()?.Answer ?? test.ClassNames[(int)example.Label].ToLowerInvariant()
                    : "-";
                Console.WriteLine($"#{i}  Q: {asked}  A: {inference.Ask(example.Image, asked)}  (reference: {reference})");
            }

            return Task.FromResult(0);
        });
        return command;
    }

    public static Command Generate()
    {
        var recipeOptions = new MllmRecipeOptions();
        var prompt = new Option<string[]>("--prompt") { Description = "Captions to draw (repeatable).", AllowMultipleArgumentsPerToken = true };
        var className = new Option<string[]>("--class") { Description = "Class names to draw (repeatable), e.g. trouser.", AllowMultipleArgumentsPerToken = true };
        var count = new Option<int>("--count") { Description = "Images per prompt (or unconditional images when neither --prompt nor --class is given).", DefaultValueFactory = _ => 4 };
        var seed = new Option<ulong>("--sample-seed") { Description = "Seed of the sampling." };
        var grid = new Option<FileInfo>("--grid") { Description = "Where to write the PNG grid of the images with their prompts.", Required = true };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--count must be at least 1");
            }
        });
        var command = new Command("generate", "Draw images with the MLLM from captions, class names or nothing, and write them as a captioned grid.") { prompt, className, count, seed, grid };
        recipeOptions.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var (recipe, cache, _) = recipeOptions.Read(parse);
            if (recipe.Paradigm == MllmParadigm.Projector)
            {
                Console.Error.WriteLine("generate: the projector paradigm is for understanding only; it cannot draw (use --paradigm unified or separate)");
                return Task.FromResult(2);
            }

            using var trained = TrainingProgressView.Run(progress => recipe.TrainOrLoad(cache, progress, Console.Out, parse.GetValue(recipeOptions.Resume), cancellation));
            using var scope = new DisposeScope();
            var inference = new MllmInference(trained.Model, images: new Kit.Language.SamplingOptions { Temperature = 1, TopK = 100, Seed = parse.GetValue(seed) });
            var perPrompt = parse.GetValue(count);
            var size = trained.Tokenizer.Recipe.ImageSize;
            var prompts = parse.GetValue(prompt) ?? [];
            var classes = parse.GetValue(className) ?? [];
            var instructions = prompts.Select(Kit.Multimodal.Tasks.TaskPrompts.DrawCaption)
                .Concat(classes.Select(c => Kit.Multimodal.Tasks.TaskPrompts.DrawClass(c.ToLowerInvariant())))
                .DefaultIfEmpty(Kit.Multimodal.Tasks.TaskPrompts.DrawAnything)
                .SelectMany(i => Enumerable.Repeat(i, perPrompt)).ToArray();
            var images = inference.Draw(instructions, size);
            var path = parse.GetValue(grid)!.FullName;
            ImageGrid.Create(images, instructions).WritePng(path);
            Console.WriteLine($"generate: {instructions.Length} images -> {path}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static RawImage ReadImage(string path, TrainedMllm trained)
    {
        var recipe = trained.Tokenizer.Recipe;
        var channels = trained.Tokenizer.Tokenizer.ImageChannels;
        using var scope = new DisposeScope();
        var pixels = ImageIO.Read(path, channels == 1 ? ImageMode.Grey : ImageMode.Rgb);
        return RawImage.FromTensor(ImageIO.Resize(pixels, recipe.ImageSize, recipe.ImageSize));
    }
}

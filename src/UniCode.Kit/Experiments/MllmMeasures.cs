using UniCode.Kit.Data;
using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Evaluation.Generation;
using UniCode.Kit.Evaluation.Understanding;
using UniCode.Kit.Experiments.Figures;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Reporting.Tables;
using UniCode.Kit.Training.Multimodal;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Torch;

namespace UniCode.Kit.Experiments;

/// <summary>
/// The measurements the MLLM tables share, each on the held-out split of the model's dataset: VQA and POPE on Shapes
/// (the VQAv2 and POPE analogues), and the FID of drawn images against real ones on the dataset's feature net (the
/// kit's Inception) under the three conditionings: text (Shapes captions, CC3M's analogue), class (Fashion-MNIST,
/// ImageNet's) and none (one Fashion-MNIST class, LSUN's).
/// </summary>
internal static class MllmMeasures
{
    /// <summary>The recipe's MLLM from the cache or trained, recorded in the context.</summary>
    public static TrainedMllm Train(ExperimentContext context, MllmRecipe recipe)
    {
        var trained = recipe.TrainOrLoad(context.Cache, context.Progress, context.Log, cancellationToken: context.CancellationToken);
        context.Used(recipe.ToString(), trained.Reused);
        return trained;
    }

    /// <summary>Questions a VQA figure is measured on.</summary>
    public static int Questions(ExperimentContext context) => context.Profile.Pick(60, 500, 2000);

    /// <summary>Images an FID is measured on (drawn, and as many real ones).</summary>
    public static int Drawn(ExperimentContext context) => context.Profile.Pick(16, 200, 1000);

    /// <summary>The held-out split of the model's dataset, at the tokenizer's size or at <paramref name="size"/>.</summary>
    public static IImageDataset Test(TrainedMllm trained, int? size = null) =>
        TokenizerRecipes.Splits(trained.Tokenizer.Recipe with { ImageSize = size ?? trained.Tokenizer.Recipe.ImageSize }).Test;

    /// <summary>Bootstrap resamples behind an FID's standard error.</summary>
    public static int FidResamples(ExperimentContext context) => context.Profile.Pick(10, 25, 50);

    /// <summary>A VQA accuracy in percent with its standard error over the questions.</summary>
    public static ResultCell Percent(VqaAccuracyResult accuracy) => ResultCell.Measured(100 * accuracy.Accuracy, 100 * accuracy.StandardError);

    /// <summary>Exact-answer VQA accuracy in percent on the held-out questions, with its standard error; with
    /// <paramref name="shownAs"/>, the first answers are kept as a figure of that name.</summary>
    public static ResultCell VqaPercent(ExperimentContext context, TrainedMllm trained, IImageDataset? test = null, string? shownAs = null)
    {
        var vqa = MllmEvaluation.Vqa(new MllmInference(trained.Model), test ?? Test(trained), Questions(context));
        if (shownAs is not null)
        {
            context.Show(shownAs, $"{SampleGrids.Shown} held-out scenes with one of the {vqa.Accuracy.Count} scored questions each, as question -> answer (reference)",
                SampleGrids.Answers(vqa.Samples));
        }

        return Percent(vqa.Accuracy);
    }

    /// <summary>POPE accuracy in percent, the mean over random, popular and adversarial negatives, on held-out scenes,
    /// with the standard error of that mean (the three samplings' errors combined as independent).</summary>
    public static ResultCell PopePercent(ExperimentContext context, TrainedMllm trained)
    {
        var scenes = Test(trained) as ShapesDataset
            ?? throw new InvalidOperationException($"POPE probes Shapes scenes; the model was trained on {trained.Tokenizer.Recipe.Dataset}");
        var inference = new MllmInference(trained.Model);
        var count = context.Profile.Pick(10, 100, 500);
        var results = Enum.GetValues<PopeSampling>().Select(sampling => MllmEvaluation.Pope(inference, scenes, count, sampling)).ToList();
        var error = Math.Sqrt(results.Sum(r => r.AccuracyStandardError * r.AccuracyStandardError)) / results.Count;
        return ResultCell.Measured(100 * results.Average(r => r.Accuracy), 100 * error);
    }

    /// <summary>FID of images drawn from held-out captions against those scenes, with its bootstrap standard error
    /// (missing when the model cannot draw); with <paramref name="shownAs"/>, the first drawn images are kept as a figure
    /// of that name.</summary>
    public static ResultCell TextToImageFid(ExperimentContext context, TrainedMllm trained, string? shownAs = null)
    {
        if (!trained.Model.Vocabulary.HasCodeTokens)
        {
            return ResultCell.Missing;
        }

        var test = Test(trained);
        var count = Math.Min(Drawn(context), test.Count);
        var captions = Enumerable.Range(0, count).Select(i => test.Get(i).Caption).ToList();
        return Fid(context, trained, test, count, inference => inference.Generate(captions, trained.Tokenizer.Recipe.ImageSize),
            Shown(context, shownAs, $"images drawn for held-out captions (the first {SampleGrids.Shown} of the {count} the FID measured)", captions));
    }

    /// <summary>FID of images drawn for every class in turn against as many held-out images, and how often the feature
    /// CNN judges a drawn image to be of its class (percent), each with its standard error. With
    /// <paramref name="shownAs"/>, one drawn image per class is kept as a figure of that name.</summary>
    public static (ResultCell Fid, ResultCell ClassPercent) ClassToImage(ExperimentContext context, TrainedMllm trained, string? shownAs = null)
    {
        var test = Test(trained);
        var classes = test.ClassNames;
        if (classes.Count == 0)
        {
            throw new InvalidOperationException($"class-to-image needs a labelled dataset; {test.Name} has no classes");
        }

        var perClass = Math.Max(1, Drawn(context) / classes.Count);
        var percent = ResultCell.Missing;
        var fid = Fid(context, trained, test, perClass * classes.Count, inference =>
        {
            var labels = Enumerable.Range(0, classes.Count).SelectMany(c => Enumerable.Repeat((long)c, perClass)).ToArray();
            var images = inference.GenerateClass([.. labels.Select(l => classes[(int)l])], trained.Tokenizer.Recipe.ImageSize);
            return (images, labels);
        }, (net, images, labels) =>
        {
            var accuracy = ClassAccuracy.Compute((FeatureCnn)net, images, labels);
            percent = ResultCell.Measured(100 * accuracy.Accuracy, 100 * Math.Sqrt(accuracy.Accuracy * (1 - accuracy.Accuracy) / accuracy.Count));
            if (shownAs is not null)
            {
                // One image per class: the first of each class's run.
                using var firsts = Tensor.From(Enumerable.Range(0, classes.Count).Select(c => (long)(c * perClass)).ToArray(), classes.Count);
                using var first = images.IndexSelect(0, firsts);
                context.Show(shownAs, $"one image drawn per class (of the {perClass * classes.Count} the FID measured)",
                    SampleGrids.Drawn(first, [.. classes.Select(n => $"asked: {n.ToLowerInvariant()}")], classes.Count));
            }
        });
        return (fid, percent);
    }

    /// <summary>FID of unconditional images against held-out images of the recipe's one class, with its bootstrap
    /// standard error; with <paramref name="shownAs"/>, the first drawn images are kept as a figure of that name.</summary>
    public static ResultCell UnconditionalFid(ExperimentContext context, TrainedMllm trained, string? shownAs = null)
    {
        var test = Test(trained);
        var label = trained.Recipe.UnconditionalClass;
        var ofClass = new DatasetSubset(test, Enumerable.Range(0, test.Count).Where(i => test.LabelAt(i) == label), $"{test.Name}[class {label}]");
        var count = Math.Min(Drawn(context), ofClass.Count);
        return Fid(context, trained, ofClass, count, inference => inference.GenerateUnconditional(count, trained.Tokenizer.Recipe.ImageSize),
            Shown(context, shownAs, $"images drawn unconditionally (the task saw class {label}, {test.ClassNames[label]}; the first {SampleGrids.Shown} of {count})",
                [.. Enumerable.Repeat("unconditional", count)]));
    }

    private static ResultCell Fid(ExperimentContext context, TrainedMllm trained, IImageDataset real, int count, Func<MllmInference, Tensor> draw,
        Action<IFeatureNet, Tensor, long[]>? also) =>
        Fid(context, trained, real, count, inference => (draw(inference), Array.Empty<long>()), also);

    // Keeps the first drawn images under their prompts as a figure, or nothing when no figure is asked for.
    private static Action<IFeatureNet, Tensor, long[]>? Shown(ExperimentContext context, string? name, string caption, IReadOnlyList<string> prompts) =>
        name is null ? null : (_, images, _) => context.Show(name, caption, SampleGrids.Drawn(images, prompts));

    // Draws `count` images, measures them against the first `count` real ones, and hands the drawn images (and their
    // labels) to `also` before they are freed.
    private static ResultCell Fid(
        ExperimentContext context, TrainedMllm trained, IImageDataset real, int count, Func<MllmInference, (Tensor Images, long[] Labels)> draw,
        Action<IFeatureNet, Tensor, long[]>? also)
    {
        using var scope = new DisposeScope();
        var train = TokenizerRecipes.Splits(trained.Tokenizer.Recipe).Train;
        using var net = TokenizerRecipes.RfidNet(trained.Tokenizer.Recipe, train, context.Cache, context.Progress, context.Log);
        var (generated, labels) = draw(new MllmInference(trained.Model));
        var realImages = FeatureExtraction.FirstImages(real, Math.Min(count, real.Count));
        also?.Invoke((IFeatureNet)net, generated, labels);
        var fid = Evaluation.Generation.Fid.Compute((IFeatureNet)net, realImages, generated, resamples: FidResamples(context));
        return ResultCell.Measured(fid.Value, fid.StandardError ?? 0);
    }
}

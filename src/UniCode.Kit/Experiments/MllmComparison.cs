using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Evaluation.Generation;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Reporting.Tables;
using UniCode.Kit.Training.Multimodal;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Torch;

namespace UniCode.Kit.Experiments;

/// <summary>
/// The measurement Tables 1, 3 and 4 share: one MLLM per row (trained or reused), scored on held-out Shapes by VQA
/// accuracy (the VQAv2 analogue) and, where the model can draw, by the FID of text-to-image samples against held-out
/// scenes on the Shapes attribute net's features (the generation analogue).
/// </summary>
internal static class MllmComparison
{
    public static ResultTable Measure(ExperimentContext context, string title, string note, IReadOnlyList<(string Label, MllmRecipe Recipe)> rows)
    {
        var table = new ResultTable(title, "model",
            [ResultColumn.Higher("VQA %", 1), ResultColumn.Lower("FID"), ResultColumn.Descriptive("stage I s"), ResultColumn.Descriptive("stage II s")],
            new ResultProvenance(context.Profile.Name, note),
            "the paper's VQAv2 accuracy and ImageNet FID");
        var questions = context.Profile.Pick(60, 500, 2000);
        var drawn = context.Profile.Pick(16, 200, 1000);
        foreach (var (label, recipe) in rows)
        {
            using var trained = recipe.TrainOrLoad(context.Cache, context.Progress, context.Log, cancellationToken: context.CancellationToken);
            context.Used(recipe.ToString(), trained.Reused);
            var (_, test) = TokenizerRecipes.Splits(trained.Tokenizer.Recipe);
            var inference = new MllmInference(trained.Model);
            var vqa = MllmEvaluation.Vqa(inference, test, questions);
            double? fid = null;
            if (trained.Model.Vocabulary.HasCodeTokens)
            {
                using var scope = new DisposeScope();
                var count = Math.Min(drawn, test.Count);
                var captions = Enumerable.Range(0, count).Select(i => test.Get(i).Caption).ToList();
                var generated = inference.Generate(captions, trained.Tokenizer.Recipe.ImageSize);
                var real = FeatureExtraction.FirstImages(test, count);
                using var net = TokenizerRecipes.RfidNet(trained.Tokenizer.Recipe, test, context.Cache, context.Progress, context.Log);
                fid = Fid.Compute((IFeatureNet)net, real, generated).Value;
            }

            table.AddRow(label, [100 * vqa.Accuracy.Accuracy, fid, trained.Tokenizer.TrainingSeconds, trained.TuningSeconds]);
        }

        return table;
    }
}

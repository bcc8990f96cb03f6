using UniCode.Kit.Reporting.Tables;
using UniCode.Kit.Training.Multimodal;

namespace UniCode.Kit.Experiments;

/// <summary>
/// The measurement Tables 1, 3 and 4 share: one MLLM per row (trained or reused), scored on held-out Shapes by VQA
/// accuracy (the VQAv2 analogue), POPE accuracy, and, where the model can draw, the FID of text-to-image samples on the
/// Shapes attribute net's features (the generation analogue).
/// </summary>
internal static class MllmComparison
{
    /// <summary>The columns of a comparison table, in the order <see cref="Measure"/> fills them.</summary>
    public static ResultColumn[] Columns =>
        [ResultColumn.Higher("VQA %", 1), ResultColumn.Higher("POPE %", 1), ResultColumn.Lower("FID"), ResultColumn.Descriptive("stage I s"), ResultColumn.Descriptive("stage II s")];

    public static ResultTable Measure(ExperimentContext context, string title, string note, IReadOnlyList<(string Label, MllmRecipe Recipe)> rows)
    {
        var table = new ResultTable(title, "model", Columns, new ResultProvenance(context.Profile.Name, note), "the paper's VQAv2 and POPE accuracy and ImageNet FID");
        foreach (var (label, recipe) in rows)
        {
            using var trained = MllmMeasures.Train(context, recipe);
            table.AddRow(label, [MllmMeasures.VqaPercent(context, trained, shownAs: $"{label} answers"), MllmMeasures.PopePercent(context, trained),
                MllmMeasures.TextToImageFid(context, trained, $"{label} drawn"),
                trained.Tokenizer.TrainingSeconds, trained.TuningSeconds]);
        }

        return table;
    }
}

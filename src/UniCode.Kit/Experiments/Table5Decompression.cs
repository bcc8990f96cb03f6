using System.Diagnostics;
using UniCode.Kit.Experiments.Claims;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Reporting.Tables;
using UniCode.Kit.Training.Multimodal;

namespace UniCode.Kit.Experiments;

/// <summary>
/// Table 5: the Unified MLLM with and without in-context image decompression among its Stage II tasks, scored by FID
/// under the three conditionings: class (Fashion-MNIST class to image, for ImageNet), text (Shapes captions to image,
/// for CC3M) and none (one Fashion-MNIST class drawn unconditionally, for LSUN-Cat). Two datasets, so four MLLMs; the
/// Shapes model without decompression is Table 1's Unified row. The claim: decompression lowers FID in all three.
/// </summary>
public sealed class Table5Decompression : IExperiment
{
    /// <summary>The row of the models trained without decompression.</summary>
    public const string Without = "w/o ImgDe";

    /// <summary>The row of the models trained with it.</summary>
    public const string With = "w/ ImgDe";

    /// <inheritdoc/>
    public string Name => "table5";

    /// <inheritdoc/>
    public string Title => "Table 5: in-context image decompression and generation FID";

    /// <summary>The recipe of a row on one dataset: the kit's Unified MLLM, with decompression added or not.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="dataset">shapes (text to image) or fashion-mnist (class to image and unconditional).</param>
    /// <param name="decompression">Whether Stage II also learns decompression.</param>
    public static MllmRecipe RecipeFor(Configuration.Profile profile, string dataset, bool decompression)
    {
        var recipe = MllmRecipe.For(profile, MllmParadigm.Unified, dataset: dataset);
        return decompression ? recipe.WithDecompression() : recipe;
    }

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var table = new ResultTable(Title, "method",
            [ResultColumn.Lower("FID class"), ResultColumn.Lower("FID text"), ResultColumn.Lower("FID uncond"), ResultColumn.Higher("class acc %", 1),
             ResultColumn.Descriptive("stage II s")],
            new ResultProvenance(context.Profile.Name,
                "HQ-VAE, Unified + Iterative; Fashion-MNIST class to image for ImageNet, Shapes text to image for CC3M, one Fashion-MNIST class unconditionally for LSUN-Cat; FID on the datasets' feature nets"),
            "the paper's FID on ImageNet, CC3M and LSUN-Cat (Table 5)");
        foreach (var (label, decompression) in new[] { (Without, false), (With, true) })
        {
            ResultCell classFid, classPercent, unconditional;
            double seconds;
            using (var fashion = MllmMeasures.Train(context, RecipeFor(context.Profile, "fashion-mnist", decompression)))
            {
                (classFid, classPercent) = MllmMeasures.ClassToImage(context, fashion, $"{label} class");
                unconditional = MllmMeasures.UnconditionalFid(context, fashion, $"{label} unconditional");
                seconds = fashion.TuningSeconds;
            }

            using var shapes = MllmMeasures.Train(context, RecipeFor(context.Profile, "shapes", decompression));
            table.AddRow(label, [classFid, MllmMeasures.TextToImageFid(context, shapes, $"{label} text"), unconditional, classPercent, seconds + shapes.TuningSeconds]);
        }

        table.AddPaperRow(Without, [7.08, 11.91, 8.53, null, null]);
        table.AddPaperRow(With, [6.72, 11.54, 8.07, null, null]);
        return ExperimentResult.Of(this, table, context, clock);
    }

    /// <inheritdoc/>
    public IReadOnlyList<PaperClaim> Claims(ResultTable table) =>
    [
        PaperClaim.Of("in-context decompression lowers FID under class, text and no conditioning",
            "Stage II keeps its number of steps, so decompression takes a share of them from the generation tasks; the paper credits it with slowing premature convergence, which a run this short never reaches",
            new ClaimComparison("FID class", With, Without), new ClaimComparison("FID text", With, Without), new ClaimComparison("FID uncond", With, Without)),
    ];
}

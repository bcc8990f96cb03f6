using System.Diagnostics;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Evaluation.Reconstruction;
using UniCode.Kit.Experiments.Claims;
using UniCode.Kit.Experiments.Figures;
using UniCode.Kit.Reporting.Tables;
using UniCode.Kit.Training.Language;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;

namespace UniCode.Kit.Experiments;

/// <summary>
/// Table 10: reconstruction of each tokenizer with its own codebook (Separate) and with the unified one (Iterative,
/// C_L the pre-trained LM's embedding table), on Fashion-MNIST 32x32 in place of ImageNet. The claims: stacking
/// layers (RQ, HQ) improves rFID over VQ-GAN, and the unified codebook costs little rFID.
/// </summary>
public sealed class Table10Reconstruction : IExperiment
{
    /// <summary>The dataset of the comparison.</summary>
    public string Dataset { get; init; } = "fashion-mnist";

    /// <inheritdoc/>
    public string Name => "table10";

    /// <inheritdoc/>
    public string Title => "Table 10: reconstruction of each tokenizer, with its own and with the unified codebook";

    /// <summary>The row label of a tokenizer under a codebook, as the paper names them.</summary>
    /// <param name="kind">The tokenizer.</param>
    /// <param name="unified">Whether its codebook is the LM's table.</param>
    public static string Label(TokenizerKind kind, bool unified) => (kind, unified) switch
    {
        (TokenizerKind.VqGan, false) => "VQ-GAN",
        (TokenizerKind.RqVae, false) => "RQ-VAE",
        (TokenizerKind.HqVae, false) => "HQ-VAE",
        (TokenizerKind.VqGan, true) => "VQ-UniCode",
        (TokenizerKind.RqVae, true) => "RQ-UniCode",
        _ => "HQ-UniCode",
    };

    /// <summary>The tokenizer recipe of a row: Separate with a codebook of C_L's shape, or Iterative with C_L the LM's
    /// embedding table.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="kind">The tokenizer.</param>
    /// <param name="unified">Whether its codebook is the LM's table.</param>
    /// <param name="lm">The pre-trained LM of the profile.</param>
    public TokenizerRecipe RecipeFor(Configuration.Profile profile, TokenizerKind kind, bool unified, TrainedLanguageModel lm)
    {
        ArgumentNullException.ThrowIfNull(lm);
        var shape = lm.Recipe.Model;
        var recipe = TokenizerRecipe.For(profile, kind, unified ? CodebookParadigm.Iterative : CodebookParadigm.Separate, Dataset);
        return unified
            ? recipe with { Language = LanguageCodebookSource.OfLanguageModel(lm.Path, shape.VocabSize, shape.Dim) }
            : recipe with { Language = recipe.Language with { Size = shape.VocabSize, Dim = shape.Dim } };
    }

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var lmRecipe = LanguageModelRecipe.For(context.Profile);
        using var lm = lmRecipe.TrainOrLoad(context.Cache, context.Progress, context.Log, cancellationToken: context.CancellationToken);
        context.Used($"language model {lmRecipe.Model.Layers}x{lmRecipe.Model.Dim}", lm.Reused);
        var table = new ResultTable(Title, "tokenizer",
            [ResultColumn.Lower("rFID"), ResultColumn.Higher("PSNR"), ResultColumn.Higher("SSIM", 3), ResultColumn.Higher("usage %", 1),
             ResultColumn.Higher("cos(C, C_L)", 3), ResultColumn.Descriptive("tokens"), ResultColumn.Descriptive("train s")],
            new ResultProvenance(context.Profile.Name, $"{Dataset} 32x32 in place of ImageNet 64-256; rFID on the kit's feature CNN"),
            "the paper's rFID on ImageNet (Table 10)");
        foreach (var kind in new[] { TokenizerKind.VqGan, TokenizerKind.RqVae, TokenizerKind.HqVae })
        {
            foreach (var unified in new[] { false, true })
            {
                var recipe = RecipeFor(context.Profile, kind, unified, lm);
                using var trained = TokenizerRecipes.TrainOrLoad(recipe, context.Cache, context.Progress, context.Log, cancellationToken: context.CancellationToken);
                context.Used($"tokenizer {recipe}", trained.Reused);
                var report = trained.Report;
                table.AddRow(Label(kind, unified), [report.Rfid, report.Psnr, report.Ssim, 100 * report.Usage,
                    unified && trained.Alignments.Count > 0 ? trained.Alignments[^1].MeanCosine : null,
                    trained.Tokenizer.TokensPerImage(recipe.ImageSize, recipe.ImageSize), trained.TrainingSeconds]);
                ShowReconstructions(context, Label(kind, unified), recipe, trained);
            }
        }

        // Table 10's ImageNet rFID (the rows at the tokenizers' resolutions of the paper's main setting).
        table.AddPaperRow("VQ-GAN", [17.95, null, null, null, null, 64, null]);
        table.AddPaperRow("RQ-VAE", [6.82, null, null, null, null, 256, null]);
        table.AddPaperRow("HQ-VAE", [2.61, null, null, null, null, 320, null]);
        table.AddPaperRow("RQ-UniCode", [3.78, null, null, null, null, 512, null]);
        table.AddPaperRow("HQ-UniCode", [2.83, null, null, null, null, 320, null]);
        return ExperimentResult.Of(this, table, context, clock);
    }

    // The first held-out images above their reconstructions, decoded with the codebook the row was scored with.
    private static void ShowReconstructions(ExperimentContext context, string label, TokenizerRecipe recipe, TrainedTokenizer trained)
    {
        using var originals = FeatureExtraction.FirstImages(TokenizerRecipes.Splits(recipe).Test, SampleGrids.Shown);
        context.Show($"{label} reconstructions", $"{SampleGrids.Shown} held-out images above their reconstructions",
            ReconstructionGrid.Create(trained.Tokenizer, originals, columns: SampleGrids.Shown, scale: Math.Max(1, 96 / recipe.ImageSize)));
    }

    /// <inheritdoc/>
    public IReadOnlyList<PaperClaim> Claims(ResultTable table) =>
    [
        PaperClaim.Of("stacking layers (RQ-VAE, HQ-VAE) improves rFID over VQ-GAN",
            "at 32x32 the kit's tokenizers have about the same number of tokens (VQ-GAN 64 at 8x8, RQ-VAE 4x4 x 4 depths, HQ-VAE 16 + 64), where the paper's RQ and HQ had 4-5 times VQ-GAN's; and VQ-GAN alone trains with a GAN loss",
            new ClaimComparison("rFID", "RQ-VAE", "VQ-GAN"), new ClaimComparison("rFID", "HQ-VAE", "VQ-GAN")),
        PaperClaim.Of("the unified codebook costs little rFID (within 25% of the tokenizer's own)",
            "C_L is a small LM's embedding table, 1024 codes that were trained for text; the Iterative ramp ends with C = C_L and, at Quick, few steps for the encoder and decoder to adapt to it",
            new ClaimComparison("rFID", "VQ-UniCode", "VQ-GAN", Tolerance: 0.25), new ClaimComparison("rFID", "RQ-UniCode", "RQ-VAE", Tolerance: 0.25),
            new ClaimComparison("rFID", "HQ-UniCode", "HQ-VAE", Tolerance: 0.25)),
    ];
}

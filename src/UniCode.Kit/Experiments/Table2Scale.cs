using System.Diagnostics;
using UniCode.Kit.Experiments.Claims;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Reporting.Tables;
using UniCode.Kit.Training.Multimodal;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Kit.Vision;

namespace UniCode.Kit.Experiments;

/// <summary>
/// Table 2: the visual tokenizer trained on more images. The Unified MLLM (Table 1's row) against the same MLLM whose
/// tokenizer also saw extra generated scenes ("+ cc3m imgs"), then also the held-out scenes it is evaluated on ("++ GT
/// imgs"), then with an encoder and decoder of twice the width ("+++ w/ ViT*": no pretrained ViT exists here, so the
/// larger encoder is trained from scratch like the rest). Only the tokenizer's images change; Stage II keeps the
/// training split. The claim: each step improves VQA and POPE.
/// </summary>
public sealed class Table2Scale : IExperiment
{
    /// <inheritdoc/>
    public string Name => "table2";

    /// <inheritdoc/>
    public string Title => "Table 2: the visual tokenizer trained on more images";

    /// <summary>The rows' labels, in order.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["UniCode", "+ extra scenes", "++ test scenes", "+++ wider encoder"];

    /// <summary>The recipe of row <paramref name="row"/> (0 .. 3): each adds to the one before it.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="row">The row.</param>
    public static MllmRecipe RecipeFor(Configuration.Profile profile, int row)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row, Labels.Count - 1);
        var recipe = MllmRecipe.For(profile, MllmParadigm.Unified);
        var tokenizer = recipe.Tokenizer;
        if (row >= 1)
        {
            // Twice the training split again (CC3M is several times LLaVA's 558K images).
            tokenizer = tokenizer with { ExtraImages = new ExtraTrainingImages { GeneratedScenes = profile.Pick(smoke: 512, quick: 20_000, paper: 50_000) } };
        }

        if (row >= 2)
        {
            tokenizer = tokenizer with { ExtraImages = tokenizer.ExtraImages! with { TestImages = true } };
        }

        if (row >= 3)
        {
            var width = VisualTokenizers.Defaults(tokenizer.Kind).Network.Width;
            tokenizer = tokenizer with { NetworkWidth = 2 * width };
        }

        return recipe with { Tokenizer = tokenizer };
    }

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var table = MllmComparison.Measure(context, Title,
            "HQ-VAE, Unified + Iterative; Shapes scenes drawn with another seed for CC3M, the held-out scenes for the ground truth, a 2x wider encoder for the pretrained ViT",
            [.. Labels.Select((label, row) => (label, RecipeFor(context.Profile, row)))]);
        table.AddPaperRow(Labels[0], [53.1, 71.8, null, null, null]);
        table.AddPaperRow(Labels[1], [53.6, 74.3, null, null, null]);
        table.AddPaperRow(Labels[2], [53.7, 75.1, null, null, null]);
        table.AddPaperRow(Labels[3], [56.2, 77.6, null, null, null]);
        return ExperimentResult.Of(this, table, context, clock);
    }

    /// <inheritdoc/>
    public IReadOnlyList<PaperClaim> Claims(ResultTable table) =>
    [
        PaperClaim.Of("each addition (extra images, evaluation images, a larger encoder) improves VQA",
            "the tokenizer trains a fixed number of steps, which at Quick is fewer images than the training split already holds, so more images add variety but no more learning; our scenes also come from one generator, unlike CC3M beside LLaVA's images",
            new ClaimComparison("VQA %", Labels[1], Labels[0]), new ClaimComparison("VQA %", Labels[2], Labels[1]), new ClaimComparison("VQA %", Labels[3], Labels[2])),
        PaperClaim.Of("each addition improves POPE",
            "as for VQA; POPE asks only about object presence, which all four tokenizers keep at 32x32",
            new ClaimComparison("POPE %", Labels[1], Labels[0]), new ClaimComparison("POPE %", Labels[2], Labels[1]), new ClaimComparison("POPE %", Labels[3], Labels[2])),
    ];
}

using System.Diagnostics;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Training.Multimodal;

namespace UniCode.Kit.Experiments;

/// <summary>
/// Table 1: the three MLLM paradigms (a projector over encoder features, visual codes appended to the vocabulary, and
/// the unified codebook), with the same HQ-VAE tokenizer, LM and Stage II. The claims: Unified ≥ Projector on VQA,
/// and Unified beats SeparateVocab on VQA and on generation FID.
/// </summary>
public sealed class Table1Paradigms : IExperiment
{
    /// <inheritdoc/>
    public string Name => "table1";

    /// <inheritdoc/>
    public string Title => "Table 1: MLLM paradigms (projector, separate vocabulary, unified codebook)";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var table = MllmComparison.Measure(context, Title, "Shapes QA in place of VQAv2; text-to-image FID on Shapes in place of ImageNet's class-conditioned FID",
        [
            ("Projector", MllmRecipe.For(context.Profile, MllmParadigm.Projector)),
            ("SeparateVocab", MllmRecipe.For(context.Profile, MllmParadigm.SeparateVocab)),
            ("Unified", MllmRecipe.For(context.Profile, MllmParadigm.Unified)),
        ]);
        table.AddPaperRow("Projector", [52.3, null, null, null]);
        table.AddPaperRow("SeparateVocab", [49.0, 9.82, null, null]);
        table.AddPaperRow("Unified", [53.1, 6.72, null, null]);
        return ExperimentResult.Of(Name, table, context, clock);
    }
}

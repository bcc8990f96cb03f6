using System.Diagnostics;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Training.Multimodal;
using UniCode.Kit.Vision;

namespace UniCode.Kit.Experiments;

/// <summary>Table 3: the visual tokenizer of the Unified MLLM (Iterative codebook). The claim: HQ-VAE > RQ-VAE > VQ-GAN
/// on VQA.</summary>
public sealed class Table3Tokenizers : IExperiment
{
    /// <inheritdoc/>
    public string Name => "table3";

    /// <inheritdoc/>
    public string Title => "Table 3: the visual tokenizer of the unified MLLM";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var table = MllmComparison.Measure(context, Title, "Unified + Iterative; Shapes QA in place of VQAv2",
        [
            ("VQ-GAN", MllmRecipe.For(context.Profile, MllmParadigm.Unified, TokenizerKind.VqGan)),
            ("RQ-VAE", MllmRecipe.For(context.Profile, MllmParadigm.Unified, TokenizerKind.RqVae)),
            ("HQ-VAE", MllmRecipe.For(context.Profile, MllmParadigm.Unified, TokenizerKind.HqVae)),
        ]);
        table.AddPaperRow("VQ-GAN", [49.1, null, null, null]);
        table.AddPaperRow("RQ-VAE", [49.8, null, null, null]);
        table.AddPaperRow("HQ-VAE", [53.1, null, null, null]);
        return ExperimentResult.Of(Name, table, context, clock);
    }
}

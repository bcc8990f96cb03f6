using UniCode.Kit.Vision.Quantization;

namespace UniCode.Kit.Vision.Codebooks;

/// <summary>
/// Paper Fig. 2 (b), dual alternative training: before each tokenizer step its codebook is replaced by s·C_L; after
/// the step (whose EMA moved it) the LM's table is replaced by the tokenizer's, C_L ← C / s.
/// </summary>
public sealed class DualCodebook(VectorQuantizer quantizer, LanguageCodebook language) : CodebookSync(quantizer, language)
{
    /// <inheritdoc/>
    public override CodebookParadigm Paradigm => CodebookParadigm.Dual;

    /// <inheritdoc/>
    public override void BeforeStep(int step)
    {
        using var scaled = Language!.Scaled();
        Quantizer.SetCodebook(scaled);
    }

    /// <inheritdoc/>
    public override void AfterStep(int step) => Language!.CopyFromTokenizer(Quantizer.Codebook);
}

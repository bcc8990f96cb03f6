using UniCode.Kit.Vision.Quantization;

namespace UniCode.Kit.Vision.Codebooks;

/// <summary>Paper Fig. 2 (a): the codebook is s·C_L from the start and never changes.</summary>
public sealed class FrozenCodebook : CodebookSync
{
    /// <summary>Sets the quantizer's codebook to s·C_L and freezes it.</summary>
    /// <param name="quantizer">The tokenizer's quantizer.</param>
    /// <param name="language">C_L.</param>
    public FrozenCodebook(VectorQuantizer quantizer, LanguageCodebook language)
        : base(quantizer, language ?? throw new ArgumentNullException(nameof(language)))
    {
        using var scaled = language.Scaled();
        quantizer.Frozen = false;
        quantizer.SetCodebook(scaled);
        quantizer.Frozen = true;
    }

    /// <inheritdoc/>
    public override CodebookParadigm Paradigm => CodebookParadigm.Frozen;
}

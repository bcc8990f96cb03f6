using UniCode.Kit.Vision.Quantization;

namespace UniCode.Kit.Vision.Codebooks;

/// <summary>The tokenizer keeps its own codebook; C_L, when given, is only measured against.</summary>
public sealed class SeparateCodebook(VectorQuantizer quantizer, LanguageCodebook? language = null) : CodebookSync(quantizer, language)
{
    /// <inheritdoc/>
    public override CodebookParadigm Paradigm => CodebookParadigm.Separate;
}

namespace UniCode.Kit.Multimodal;

/// <summary>
/// How images enter the language model (paper Fig. 1 and Table 1). Switching it is one option of an MLLM's config.
/// </summary>
public enum MllmParadigm
{
    /// <summary>
    /// UniCode: image codes ARE language-model token ids, and the tokenizer's codebook is the LM's embedding table
    /// (under the Frozen, Dual or Iterative codebook paradigm). Code k is token id k.
    /// </summary>
    Unified = 0,

    /// <summary>
    /// A tokenizer with its own codebook: the vocabulary grows by K new embeddings, and code k is token id V + k.
    /// </summary>
    SeparateVocab = 1,

    /// <summary>
    /// LLaVA-style: continuous encoder features go through a linear projector into the LM. Understanding only:
    /// the LM cannot write an image.
    /// </summary>
    Projector = 2,
}

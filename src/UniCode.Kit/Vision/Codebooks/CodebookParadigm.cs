namespace UniCode.Kit.Vision.Codebooks;

/// <summary>How a tokenizer's codebook relates to the language model's embedding table C_L (paper §3.2, Fig. 2).</summary>
public enum CodebookParadigm
{
    /// <summary>The tokenizer's own codebook, learned from the images alone (no unification).</summary>
    Separate,

    /// <summary>Fig. 2 (a): the codebook is C_L and is never updated.</summary>
    Frozen,

    /// <summary>Fig. 2 (b): each tokenizer step copies C_L in; its updated codebook is copied back into C_L.</summary>
    Dual,

    /// <summary>Fig. 2 (c): EMA from the encoder's features (Eq. 2), pulled toward C_L (Eq. 3); C_L is never written.</summary>
    Iterative,
}

namespace UniCode.Kit.Multimodal;

/// <summary>
/// Where an MLLM paradigm puts the visual codes in the language model's vocabulary: which token id code k is, and
/// which ids a decoder constrained to an image span may emit.
/// </summary>
public sealed record ImageVocabulary
{
    /// <summary>Lays out the codes.</summary>
    /// <param name="paradigm">The MLLM paradigm.</param>
    /// <param name="textVocabularySize">V: the text tokenizer's vocabulary (special tokens included).</param>
    /// <param name="codebookSize">K: the visual tokenizer's codebook size. Under <see cref="MllmParadigm.Unified"/> the
    /// codebook is the LM's table, so K is at most V (the kit's default is K = V).</param>
    public ImageVocabulary(MllmParadigm paradigm, int textVocabularySize, int codebookSize)
    {
        if (!Enum.IsDefined(paradigm))
        {
            throw new ArgumentOutOfRangeException(nameof(paradigm), paradigm, "unknown MLLM paradigm");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(textVocabularySize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(codebookSize, 1);
        if (paradigm == MllmParadigm.Unified && codebookSize > textVocabularySize)
        {
            throw new ArgumentException(
                $"a unified codebook is the LM's embedding table: K = {codebookSize} codes cannot exceed the vocabulary of {textVocabularySize} ids",
                nameof(codebookSize));
        }

        Paradigm = paradigm;
        TextVocabularySize = textVocabularySize;
        CodebookSize = codebookSize;
    }

    /// <summary>The paradigm.</summary>
    public MllmParadigm Paradigm { get; }

    /// <summary>V.</summary>
    public int TextVocabularySize { get; }

    /// <summary>K.</summary>
    public int CodebookSize { get; }

    /// <summary>Whether the LM reads and writes image codes as token ids (every paradigm but Projector).</summary>
    public bool HasCodeTokens => Paradigm != MllmParadigm.Projector;

    /// <summary>The token id of code 0 (0 under Unified, V under SeparateVocab).</summary>
    public int FirstCodeId => Paradigm == MllmParadigm.SeparateVocab ? TextVocabularySize : 0;

    /// <summary>The LM's vocabulary: V, or V + K under SeparateVocab.</summary>
    public int LanguageVocabularySize => Paradigm == MllmParadigm.SeparateVocab ? TextVocabularySize + CodebookSize : TextVocabularySize;

    /// <summary>The token id of code <paramref name="code"/>.</summary>
    /// <param name="code">0 ≤ code &lt; K.</param>
    public int TokenOf(long code)
    {
        RequireCodeTokens();
        if ((ulong)code >= (ulong)CodebookSize)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, $"codes are 0..{CodebookSize - 1}");
        }

        return FirstCodeId + (int)code;
    }

    /// <summary>The code a token id stands for inside an image span.</summary>
    /// <param name="tokenId">An id in [FirstCodeId, FirstCodeId + K).</param>
    public int CodeOf(long tokenId)
    {
        RequireCodeTokens();
        var code = tokenId - FirstCodeId;
        if ((ulong)code >= (ulong)CodebookSize)
        {
            throw new ArgumentOutOfRangeException(nameof(tokenId), tokenId, $"image-code ids are {FirstCodeId}..{FirstCodeId + CodebookSize - 1}");
        }

        return (int)code;
    }

    /// <summary>The token ids of a flattened code map, in order.</summary>
    /// <param name="codes">Code ids.</param>
    public int[] TokensOf(ReadOnlySpan<long> codes)
    {
        var ids = new int[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            ids[i] = TokenOf(codes[i]);
        }

        return ids;
    }

    private void RequireCodeTokens()
    {
        if (!HasCodeTokens)
        {
            throw new InvalidOperationException("under the Projector paradigm images are soft embeddings, not token ids");
        }
    }
}

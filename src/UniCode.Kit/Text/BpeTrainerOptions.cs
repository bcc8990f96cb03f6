namespace UniCode.Kit.Text;

/// <summary>How <see cref="BpeTokenizer.Train"/> builds a vocabulary.</summary>
public sealed record BpeTrainerOptions
{
    /// <summary>
    /// The largest vocabulary to build: 256 byte tokens + the special tokens + the merges. Training stops
    /// earlier when no pair of tokens occurs <see cref="MinPairFrequency"/> times any more, so the trained
    /// <see cref="BpeTokenizer.VocabularySize"/> is at most this.
    /// </summary>
    public int VocabularySize { get; init; } = 2048;

    /// <summary>A pair is merged only if it occurs at least this often in the corpus (counting repeats of a word).</summary>
    public int MinPairFrequency { get; init; } = 2;

    /// <summary>
    /// Special tokens beyond <see cref="SpecialTokens.Reserved"/>, e.g. task markers; they take the ids after the
    /// reserved ones, in this order.
    /// </summary>
    public IReadOnlyList<string> AdditionalSpecialTokens { get; init; } = [];
}

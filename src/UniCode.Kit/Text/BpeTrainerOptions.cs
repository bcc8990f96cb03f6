using UniCode.Torch;

namespace UniCode.Kit.Text;

/// <summary>How <see cref="BpeTokenizer.Train"/> builds a vocabulary.</summary>
public sealed record BpeTrainerOptions : IOptions
{
    /// <summary>
    /// The largest vocabulary to build: 256 byte tokens + the special tokens + the merges. Training stops
    /// earlier when no pair of tokens occurs <see cref="MinPairFrequency"/> times any more, so the trained
    /// <see cref="BpeTokenizer.VocabularySize"/> is at most this. At least 256 + the special-token count.
    /// </summary>
    public int VocabularySize { get; init; } = 2048;

    /// <summary>A pair is merged only if it occurs at least this often in the corpus (counting repeats of a word); at least 1.</summary>
    public int MinPairFrequency { get; init; } = 2;

    /// <summary>
    /// Special tokens beyond <see cref="Text.SpecialTokens.Reserved"/>, e.g. task markers; they take the ids after the
    /// reserved ones, in this order.
    /// </summary>
    public IReadOnlyList<string> AdditionalSpecialTokens { get; init; } = [];

    /// <summary>The reserved special tokens followed by <see cref="AdditionalSpecialTokens"/>, in id order.</summary>
    internal IReadOnlyList<string> SpecialTokens => [.. Text.SpecialTokens.Reserved, .. AdditionalSpecialTokens];

    /// <inheritdoc/>
    public void Validate()
    {
        if (AdditionalSpecialTokens is null)
        {
            throw new ArgumentException($"{nameof(AdditionalSpecialTokens)} must not be null", nameof(AdditionalSpecialTokens));
        }

        BpeTokenizer.ValidateSpecialTokens(SpecialTokens, nameof(AdditionalSpecialTokens));
        OptionCheck.AtLeast(VocabularySize, BpeTokenizer.ByteTokenCount + SpecialTokens.Count, nameof(VocabularySize));
        OptionCheck.AtLeast(MinPairFrequency, 1, nameof(MinPairFrequency));
    }
}

namespace UniCode.Kit.Text;

/// <summary>
/// The input for generating an answer: a dialogue up to and including the <c>&lt;|assistant|&gt;</c> token of its
/// last human turn, and where the image slots are. The model continues from the last position.
/// </summary>
public sealed class ChatPrompt
{
    private readonly int[] inputIds;
    private readonly ImageSpan[] imageSpans;

    internal ChatPrompt(int[] inputIds, ImageSpan[] imageSpans)
    {
        this.inputIds = inputIds;
        this.imageSpans = imageSpans;
    }

    /// <summary>The token ids; the last is <c>&lt;|assistant|&gt;</c>.</summary>
    public IReadOnlyList<int> InputIds => inputIds;

    /// <summary>The image spans in order of position.</summary>
    public IReadOnlyList<ImageSpan> ImageSpans => imageSpans;

    /// <summary>The number of positions.</summary>
    public int Length => inputIds.Length;

    /// <summary>A copy whose slots in image span <paramref name="spanIndex"/> hold <paramref name="tokenIds"/>.</summary>
    /// <param name="spanIndex">An index into <see cref="ImageSpans"/>.</param>
    /// <param name="tokenIds">Exactly <see cref="ImageSpan.Count"/> non-negative ids.</param>
    /// <returns>The filled copy.</returns>
    public ChatPrompt WithImageTokens(int spanIndex, ReadOnlySpan<int> tokenIds)
    {
        var span = ChatExample.GetSpan(imageSpans, spanIndex, tokenIds);
        var ids = (int[])inputIds.Clone();
        tokenIds.CopyTo(ids.AsSpan(span.Start, span.Count));
        return new ChatPrompt(ids, imageSpans);
    }
}

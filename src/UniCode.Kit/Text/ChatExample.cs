namespace UniCode.Kit.Text;

/// <summary>
/// One dialogue laid out for causal-LM training: token ids, a label per position and where the image slots are.
/// Labels are aligned with the inputs, not shifted: <c>Labels[i]</c> is <c>InputIds[i]</c> where position i is
/// supervised (an assistant answer token or the <c>&lt;|eos|&gt;</c> closing an answer) and
/// <see cref="IgnoreIndex"/> elsewhere. The model does the shift: the logits at position i - 1 are scored
/// against <c>Labels[i]</c>.
/// </summary>
public sealed class ChatExample
{
    /// <summary>The label of a position the loss ignores (PyTorch's cross-entropy default).</summary>
    public const int IgnoreIndex = -100;

    private readonly int[] inputIds;
    private readonly int[] labels;
    private readonly ImageSpan[] imageSpans;

    internal ChatExample(int[] inputIds, int[] labels, ImageSpan[] imageSpans, bool truncated)
    {
        this.inputIds = inputIds;
        this.labels = labels;
        this.imageSpans = imageSpans;
        Truncated = truncated;
    }

    /// <summary>The token ids.</summary>
    public IReadOnlyList<int> InputIds => inputIds;

    /// <summary>One label per input position: the input id where supervised, otherwise <see cref="IgnoreIndex"/>.</summary>
    public IReadOnlyList<int> Labels => labels;

    /// <summary>The image spans in order of position.</summary>
    public IReadOnlyList<ImageSpan> ImageSpans => imageSpans;

    /// <summary>The number of positions.</summary>
    public int Length => inputIds.Length;

    /// <summary>The number of supervised positions (zero after a truncation that cut every answer).</summary>
    public int SupervisedCount => labels.Count(l => l != IgnoreIndex);

    /// <summary>Whether <see cref="Truncate"/> removed tokens.</summary>
    public bool Truncated { get; }

    /// <summary>
    /// Keeps at most the first <paramref name="maxLength"/> positions. A cut that would fall inside an image span
    /// (begin token through end token) moves to just before the span's begin token, so a kept image is always
    /// whole; labels are cut with the inputs and keep their meaning.
    /// </summary>
    /// <param name="maxLength">The most positions to keep, at least 1.</param>
    /// <returns>This example when it already fits, else a shorter copy with <see cref="Truncated"/> set.</returns>
    public ChatExample Truncate(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (inputIds.Length <= maxLength)
        {
            return this;
        }

        var cut = maxLength;
        foreach (var span in imageSpans)
        {
            if (span.BeginIndex < cut && cut <= span.EndIndex)
            {
                cut = span.BeginIndex;
            }
        }

        return new ChatExample(
            inputIds[..cut], labels[..cut], [.. imageSpans.Where(s => s.EndIndex < cut)], truncated: true);
    }

    /// <summary>
    /// A copy whose slots in image span <paramref name="spanIndex"/> hold <paramref name="tokenIds"/> (visual codes
    /// that are LM token ids, as in the unified paradigm). In an answer span the labels follow, so the model
    /// learns to generate the codes.
    /// </summary>
    /// <param name="spanIndex">An index into <see cref="ImageSpans"/>.</param>
    /// <param name="tokenIds">Exactly <see cref="ImageSpan.Count"/> non-negative ids.</param>
    /// <returns>The filled copy.</returns>
    public ChatExample WithImageTokens(int spanIndex, ReadOnlySpan<int> tokenIds)
    {
        var span = GetSpan(imageSpans, spanIndex, tokenIds);
        var ids = (int[])inputIds.Clone();
        var newLabels = (int[])labels.Clone();
        tokenIds.CopyTo(ids.AsSpan(span.Start, span.Count));
        if (span.InAnswer)
        {
            tokenIds.CopyTo(newLabels.AsSpan(span.Start, span.Count));
        }

        return new ChatExample(ids, newLabels, imageSpans, Truncated);
    }

    /// <summary>Checks a fill request and returns the span.</summary>
    internal static ImageSpan GetSpan(ImageSpan[] spans, int spanIndex, ReadOnlySpan<int> tokenIds)
    {
        if ((uint)spanIndex >= (uint)spans.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(spanIndex), spanIndex, $"There are {spans.Length} image spans.");
        }

        var span = spans[spanIndex];
        if (tokenIds.Length != span.Count)
        {
            throw new ArgumentException(
                $"Image span {spanIndex} has {span.Count} slots but {tokenIds.Length} token ids were given.", nameof(tokenIds));
        }

        for (var i = 0; i < tokenIds.Length; i++)
        {
            if (tokenIds[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(tokenIds), tokenIds[i], $"Token id {i} is negative.");
            }
        }

        return span;
    }
}

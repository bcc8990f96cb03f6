using UniCode.Kit.Text;
using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>Where soft embeddings go in a batch of chat sequences: the <c>positions</c> argument of
/// <see cref="Transformer.Embed(Tensor, Tensor, Tensor)"/> for one image span per row.</summary>
public static class ImageSpanPositions
{
    /// <summary>The slot positions of each row's image span.</summary>
    /// <param name="spans">One span per row (<see cref="ChatExample.ImageSpans"/>), all with the same count N.</param>
    /// <returns>(B, N) int64: row b holds <c>spans[b].Start</c> .. <c>spans[b].Start + N - 1</c>.</returns>
    public static Tensor Of(IReadOnlyList<ImageSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            throw new ArgumentException("there must be one span per row, and at least one row", nameof(spans));
        }

        var n = spans[0].Count;
        if (spans.Any(s => s.Count != n))
        {
            throw new ArgumentException($"every row's span must hold the same number of slots; they hold [{string.Join(", ", spans.Select(s => s.Count))}]", nameof(spans));
        }

        var positions = spans.SelectMany(s => Enumerable.Range(s.Start, n).Select(p => (long)p)).ToArray();
        return Tensor.From(positions, spans.Count, n);
    }
}

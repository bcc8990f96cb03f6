namespace UniCode.Kit.Data.Batching;

/// <summary>Seeded, shuffled batches of strings (e.g. a <see cref="TextCorpus"/> for language-model pre-training).</summary>
public sealed class TextBatcher
{
    private readonly IReadOnlyList<string> texts;
    private readonly BatchSampler sampler;

    /// <summary>Creates a batcher.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="options">Batch size, shuffling, seed and last-batch policy.</param>
    public TextBatcher(IReadOnlyList<string> texts, BatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        this.texts = texts;
        sampler = new BatchSampler(texts.Count, options);
    }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => sampler.BatchesPerEpoch;

    /// <summary>The batches of epoch <paramref name="epoch"/>.</summary>
    /// <param name="epoch">The epoch (0, 1, ...).</param>
    public IEnumerable<IReadOnlyList<string>> Epoch(int epoch)
    {
        foreach (var indices in sampler.Epoch(epoch))
        {
            yield return [.. indices.Select(i => texts[i])];
        }
    }
}

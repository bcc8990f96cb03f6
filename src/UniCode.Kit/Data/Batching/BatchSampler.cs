namespace UniCode.Kit.Data.Batching;

/// <summary>
/// Cuts 0 .. count-1 into batches of indices, reshuffled each epoch from the seed: epoch e's order depends
/// only on (seed, e), so resuming at epoch e reproduces the same batches without replaying earlier epochs.
/// </summary>
public sealed class BatchSampler
{
    /// <summary>Creates a sampler.</summary>
    /// <param name="count">How many examples (non-negative).</param>
    /// <param name="options">Batch size, shuffling, seed, last-batch policy.</param>
    public BatchSampler(int count, BatchOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        Count = count;
        Options = options;
    }

    /// <summary>How many examples.</summary>
    public int Count { get; }

    /// <summary>The options.</summary>
    public BatchOptions Options { get; }

    /// <summary>Batches per epoch (the last partial batch counts unless dropped).</summary>
    public int BatchesPerEpoch => Options.DropLast ? Count / Options.BatchSize : (Count + Options.BatchSize - 1) / Options.BatchSize;

    /// <summary>The order in which epoch <paramref name="epoch"/> visits the examples.</summary>
    /// <param name="epoch">The epoch (0, 1, ...).</param>
    public int[] Order(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if (!Options.Shuffle)
        {
            return [.. Enumerable.Range(0, Count)];
        }

        return SeededRandom.ForStream(Options.Seed, (ulong)epoch).Permutation(Count);
    }

    /// <summary>The batches of epoch <paramref name="epoch"/>, each an array of example indices.</summary>
    /// <param name="epoch">The epoch (0, 1, ...).</param>
    public IEnumerable<int[]> Epoch(int epoch)
    {
        var order = Order(epoch);
        var size = Options.BatchSize;
        for (var start = 0; start < order.Length; start += size)
        {
            var length = Math.Min(size, order.Length - start);
            if (length < size && Options.DropLast)
            {
                yield break;
            }

            yield return order[start..(start + length)];
        }
    }
}

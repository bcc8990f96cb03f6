namespace UniCode.Kit.Data.Batching;

/// <summary>How a dataset is cut into batches.</summary>
/// <param name="BatchSize">Examples per batch (positive).</param>
/// <param name="Shuffle">Visit the examples in a fresh seeded order every epoch (else in index order).</param>
/// <param name="Seed">The seed of the shuffles: epoch e uses stream e of this seed, so epochs differ and every run repeats.</param>
/// <param name="DropLast">Drop the last batch when it is smaller than <paramref name="BatchSize"/> (else keep it).</param>
public sealed record BatchOptions(int BatchSize, bool Shuffle = true, ulong Seed = 0, bool DropLast = false);

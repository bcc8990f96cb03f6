using UniCode.Torch;

namespace UniCode.Kit.Data.Batching;

/// <summary>How a dataset is cut into batches.</summary>
public sealed record BatchOptions : IOptions
{
    /// <summary>Examples per batch (at least 1; default 32).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Visit the examples in a fresh seeded order every epoch (else in index order).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>The seed of the shuffles: epoch e uses stream e of this seed, so epochs differ and every run repeats.</summary>
    public ulong Seed { get; init; }

    /// <summary>Drop the last batch when it is smaller than <see cref="BatchSize"/> (else keep it).</summary>
    public bool DropLast { get; init; }

    /// <inheritdoc/>
    public void Validate() => OptionCheck.AtLeast(BatchSize, 1, nameof(BatchSize));
}

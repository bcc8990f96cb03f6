using UniCode.Kit.Text;
using UniCode.Torch;

namespace UniCode.Kit.Multimodal.Sequences;

/// <summary>
/// Sequences padded into one batch for the language model: ids and labels [B, T] (int64; padding is the pad id and
/// -100), and the soft slots as two aligned index vectors: where each soft embedding goes in the flattened
/// [B·T] positions, and which row of the batch's flattened [B·ĥŵ] Ẑ (or projected features) it takes.
/// </summary>
public sealed class MultimodalBatch : IDisposable
{
    private MultimodalBatch(Tensor ids, Tensor labels, Tensor softPositions, Tensor softCells, int[] lengths, int cells)
    {
        Ids = ids;
        Labels = labels;
        SoftPositions = softPositions;
        SoftCells = softCells;
        Lengths = lengths;
        Cells = cells;
    }

    /// <summary>Token ids [B, T], int64.</summary>
    public Tensor Ids { get; }

    /// <summary>Labels aligned with <see cref="Ids"/> [B, T], int64 (-100: no loss).</summary>
    public Tensor Labels { get; }

    /// <summary>[N] int64: b·T + t of each soft position, increasing.</summary>
    public Tensor SoftPositions { get; }

    /// <summary>[N] int64: b·ĥŵ + cell, the row of the flattened soft inputs each position takes.</summary>
    public Tensor SoftCells { get; }

    /// <summary>The unpadded length of each sequence.</summary>
    public IReadOnlyList<int> Lengths { get; }

    /// <summary>ĥŵ: the soft rows per example.</summary>
    public int Cells { get; }

    /// <summary>B.</summary>
    public int Size => Lengths.Count;

    /// <summary>Whether any position takes a soft embedding.</summary>
    public bool HasSoftInputs => SoftPositions.Shape[0] > 0;

    /// <summary>Pads sequences to the longest (right padding: causal attention never looks past a position).</summary>
    /// <param name="sequences">At least one sequence.</param>
    /// <param name="padId">The pad token's id.</param>
    /// <param name="cells">ĥŵ: the number of Ẑ rows per example (soft cells index into them).</param>
    public static MultimodalBatch Collate(IReadOnlyList<MultimodalSequence> sequences, int padId, int cells)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0)
        {
            throw new ArgumentException("a batch needs at least one sequence", nameof(sequences));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(padId);
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 1);
        var length = sequences.Max(s => s.Length);
        var ids = new long[sequences.Count * length];
        var labels = new long[ids.Length];
        var positions = new List<long>();
        var rows = new List<long>();
        for (var b = 0; b < sequences.Count; b++)
        {
            var s = sequences[b];
            for (var t = 0; t < length; t++)
            {
                ids[(b * length) + t] = t < s.Length ? s.InputIds[t] : padId;
                labels[(b * length) + t] = t < s.Length ? s.Labels[t] : ChatExample.IgnoreIndex;
            }

            foreach (var slot in s.SoftSlots)
            {
                if ((uint)slot.Cell >= (uint)cells)
                {
                    throw new ArgumentException($"sequence {b} has a soft slot on cell {slot.Cell}; the images have {cells} cells", nameof(sequences));
                }

                positions.Add((b * (long)length) + slot.Position);
                rows.Add((b * (long)cells) + slot.Cell);
            }
        }

        var b0 = sequences.Count;
        return new MultimodalBatch(
            Tensor.From(ids, b0, length).DetachFromScope(),
            Tensor.From(labels, b0, length).DetachFromScope(),
            Tensor.From(positions.ToArray(), positions.Count).DetachFromScope(),
            Tensor.From(rows.ToArray(), rows.Count).DetachFromScope(),
            [.. sequences.Select(s => s.Length)],
            cells);
    }

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        Ids.Dispose();
        Labels.Dispose();
        SoftPositions.Dispose();
        SoftCells.Dispose();
    }
}

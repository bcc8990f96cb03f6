using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>A (V) bool tensor that is true at a set of token ids, for masking logits.</summary>
internal static class TokenMask
{
    /// <summary>True at <paramref name="ids"/>, false elsewhere.</summary>
    /// <param name="ids">Ids in [0, <paramref name="vocabSize"/>).</param>
    /// <param name="vocabSize">V.</param>
    /// <param name="name">The ids' name, for the error.</param>
    /// <returns>(V) bool.</returns>
    public static Tensor Of(IEnumerable<int> ids, int vocabSize, string name)
    {
        var mask = new bool[vocabSize];
        foreach (var id in ids)
        {
            if (id < 0 || id >= vocabSize)
            {
                throw new ArgumentOutOfRangeException(name, id, $"{name} holds id {id}, outside the model's vocabulary [0, {vocabSize})");
            }

            mask[id] = true;
        }

        return Tensor.From(mask, vocabSize);
    }

    /// <summary>(B) rows of a (B, T) int64 tensor, as arrays.</summary>
    /// <param name="prompt">(B, T) int64.</param>
    public static long[][] Rows(Tensor prompt)
    {
        var (b, t) = ((int)prompt.Size(0), (int)prompt.Size(1));
        var flat = prompt.ToArray<long>();
        return [.. Enumerable.Range(0, b).Select(i => flat.AsSpan(i * t, t).ToArray())];
    }
}

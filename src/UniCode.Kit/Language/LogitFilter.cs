using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>The truncations of the next-token distribution: each sets the logits of the tokens it drops to −∞.</summary>
public static class LogitFilter
{
    /// <summary>Keeps the <paramref name="k"/> largest logits of each row (ties with the k-th are kept too).</summary>
    /// <param name="logits">(B, V).</param>
    /// <param name="k">In [1, V].</param>
    /// <returns>(B, V).</returns>
    public static Tensor TopK(Tensor logits, int k)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (k < 1 || k > logits.Size(-1))
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [1, {logits.Size(-1)}]");
        }

        var kth = logits.TopK(k).Values.Narrow(-1, k - 1, 1); // (B, 1)
        return logits.MaskedFill(logits.Lt(kth), double.NegativeInfinity);
    }

    /// <summary>Keeps, in each row, the most likely tokens up to and including the first whose cumulative probability
    /// reaches <paramref name="p"/> (the nucleus); the most likely token is always kept.</summary>
    /// <param name="logits">(B, V).</param>
    /// <param name="p">In (0, 1].</param>
    /// <returns>(B, V).</returns>
    public static Tensor TopP(Tensor logits, double p)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (!(p > 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in (0, 1]");
        }

        var (sorted, order) = logits.Sort(-1, descending: true); // (B, V) each
        var probabilities = sorted.Softmax(-1);
        // A token is dropped when the tokens before it already reach p.
        var dropSorted = (probabilities.CumSum(-1) - probabilities).Ge(p);
        var drop = dropSorted.Scatter(-1, order, dropSorted); // back to vocabulary order
        return logits.MaskedFill(drop, double.NegativeInfinity);
    }
}

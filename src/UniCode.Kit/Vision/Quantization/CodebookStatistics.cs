using UniCode.Torch;

namespace UniCode.Kit.Vision.Quantization;

/// <summary>How a set of code ids uses a codebook of <see cref="CodebookSize"/> codes.</summary>
/// <param name="CodebookSize">K.</param>
/// <param name="Assignments">How many ids were counted.</param>
/// <param name="CodesUsed">How many distinct codes occur.</param>
/// <param name="Perplexity">exp(H) of the code histogram: K when every code is equally used, 1 when one code is.</param>
public sealed record CodebookStatistics(int CodebookSize, long Assignments, int CodesUsed, double Perplexity)
{
    /// <summary>The fraction of the codebook in use, in [0, 1].</summary>
    public double Usage => CodebookSize == 0 ? 0 : (double)CodesUsed / CodebookSize;

    /// <summary>Statistics of a histogram of code counts.</summary>
    /// <param name="counts">[K] counts (any numeric dtype).</param>
    public static CodebookStatistics FromCounts(Tensor counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var scope = new DisposeScope();
        var values = counts.Double().Flatten().ToArray<double>();
        var total = values.Sum();
        var used = values.Count(v => v > 0);
        var entropy = 0.0;
        foreach (var v in values)
        {
            if (v > 0)
            {
                var p = v / total;
                entropy -= p * Math.Log(p);
            }
        }

        return new CodebookStatistics(values.Length, (long)Math.Round(total), used, total > 0 ? Math.Exp(entropy) : 0);
    }

    /// <summary>Statistics of code ids.</summary>
    /// <param name="ids">Code ids of any shape (int64, in [0, K)).</param>
    /// <param name="codebookSize">K.</param>
    public static CodebookStatistics FromIds(Tensor ids, int codebookSize)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var scope = new DisposeScope();
        return FromCounts(ids.Flatten().Bincount(minLength: codebookSize));
    }

    /// <inheritdoc/>
    public override string ToString() => $"usage {Usage:P1} ({CodesUsed}/{CodebookSize}), perplexity {Perplexity:F1}";
}

using UniCode.Torch;

namespace UniCode.Kit.Vision.Codebooks;

/// <summary>How far a tokenizer's codebook C is from the language codebook s·C_L, at one training step.</summary>
/// <param name="Step">The training step (0-based, after the step's update).</param>
/// <param name="FrobeniusDistance">||C − s·C_L||_F.</param>
/// <param name="RelativeDistance">||C − s·C_L||_F / ||s·C_L||_F: 0 when unified.</param>
/// <param name="MeanCosine">The mean over codes k of cos(C_k, C_L,k): 1 when unified, about 0 for unrelated tables.</param>
public sealed record CodebookAlignment(int Step, double FrobeniusDistance, double RelativeDistance, double MeanCosine)
{
    /// <summary>Measures the alignment of <paramref name="codebook"/> with <paramref name="language"/>.</summary>
    /// <param name="step">The step to record.</param>
    /// <param name="codebook">C [K, n].</param>
    /// <param name="language">C_L and its scale.</param>
    public static CodebookAlignment Measure(int step, Tensor codebook, LanguageCodebook language)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        ArgumentNullException.ThrowIfNull(language);
        if (!codebook.Shape.SequenceEqual(language.Table.Shape))
        {
            throw new ArgumentException(
                $"the codebook [{string.Join(", ", codebook.Shape)}] and C_L [{string.Join(", ", language.Table.Shape)}] differ in shape", nameof(codebook));
        }

        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        var c = codebook.Double();
        var target = language.Scaled().Double();
        var distance = (c - target).Norm().Item<double>();
        var relative = distance / Math.Max(target.Norm().Item<double>(), 1e-300);
        var cosine = ((c * target).Sum(1) / (c.Norm(2, [1]) * target.Norm(2, [1])).Clamp(min: 1e-300)).Mean().Item<double>();
        return new CodebookAlignment(step, distance, relative, cosine);
    }
}

using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>
/// Low-rank adaptation (LoRA, Hu et al. 2021) of the transformer's projections: W x + (α / r) B A x, with A [r, in]
/// random and B [out, r] zero, so an adapted model starts as the model it adapts. When LoRA is on, only A and B train.
/// </summary>
public sealed record LoraOptions : IOptions
{
    /// <summary>r, the rank of the update B A.</summary>
    public int Rank { get; init; } = 8;

    /// <summary>α; the update is scaled by α / r so that changing the rank does not change the step size (LoRA §4.1).</summary>
    public double Alpha { get; init; } = 16;

    /// <summary>Adapt the attention's query, key, value and output projections.</summary>
    public bool Attention { get; init; } = true;

    /// <summary>Adapt the MLP's projections.</summary>
    public bool Mlp { get; init; } = true;

    /// <summary>α / r.</summary>
    public double Scale => Alpha / Rank;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(Rank, 1, nameof(Rank));
        OptionCheck.Positive(Alpha, nameof(Alpha));
        if (!Attention && !Mlp)
        {
            throw new ArgumentException("LoRA must adapt the attention, the MLP or both; Attention and Mlp are both false", nameof(Attention));
        }
    }
}

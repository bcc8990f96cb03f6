using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Language;

/// <summary>
/// Rotary position embedding (RoPE, Su et al. 2021): channel pair (i, i + head_dim/2) of the query or key at position m
/// is turned by the angle m θ_i, θ_i = base^(−2i / head_dim). A rotated query at m and key at n have the dot product
/// of the unrotated pair turned by (m − n) θ, so attention sees relative positions only. The pairs are split in halves
/// ("rotate half", as GPT-NeoX and Hugging Face's LLaMA) so that rotating is two slices and no reshape.
/// </summary>
public sealed class RotaryEmbedding : Module
{
    [NonPersistent]
    private readonly Tensor cos;

    [NonPersistent]
    private readonly Tensor sin;

    /// <summary>Precomputes the angles of every position the model can read.</summary>
    /// <param name="headDim">The width of a head (even).</param>
    /// <param name="context">The number of positions.</param>
    /// <param name="theta">The base of the frequencies.</param>
    public RotaryEmbedding(int headDim, int context, double theta = 10000)
    {
        if (headDim < 2 || headDim % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(headDim), headDim, "RoPE needs an even head width of at least 2");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(context, 1);
        (HeadDim, Context) = (headDim, context);
        using var scope = new DisposeScope();
        var half = headDim / 2;
        var frequencies = Tensor.Pow(theta, Tensor.Arange(0, half, dtype: DType.Float64) * (-2.0 / headDim)); // (half)
        var angles = Tensor.Arange(0, context, dtype: DType.Float64).Unsqueeze(1) * frequencies.Unsqueeze(0); // (context, half)
        cos = angles.Cos().Float();
        sin = angles.Sin().Float();
        RegisterComponents();
    }

    /// <summary>The width of a head.</summary>
    public int HeadDim { get; }

    /// <summary>The number of positions.</summary>
    public int Context { get; }

    /// <summary>Rotates queries or keys at positions start, start + 1, ...</summary>
    /// <param name="x">(B, heads, T, head_dim).</param>
    /// <param name="start">The position of the first of the T tokens.</param>
    /// <returns>(B, heads, T, head_dim).</returns>
    public Tensor Rotate(Tensor x, long start)
    {
        ArgumentNullException.ThrowIfNull(x);
        var t = x.Size(-2);
        if (start < 0 || start + t > Context)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"positions [{start}, {start + t}) fall outside the {Context} RoPE positions");
        }

        var half = HeadDim / 2;
        var c = cos.Narrow(0, start, t); // (T, half), broadcast over (B, heads)
        var s = sin.Narrow(0, start, t);
        var x1 = x.Narrow(-1, 0, half); // (B, heads, T, half)
        var x2 = x.Narrow(-1, half, half);
        return Tensor.Cat([(x1 * c) - (x2 * s), (x1 * s) + (x2 * c)], -1); // (B, heads, T, head_dim)
    }

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => $"head_dim={HeadDim}, context={Context}";
}

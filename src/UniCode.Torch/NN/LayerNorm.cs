namespace UniCode.Torch.NN;

/// <summary>Layer normalisation over the trailing dimensions, with a learned scale and (optional) shift.</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    private readonly Parameter? weight;
    private readonly Parameter? bias;

    /// <summary>Creates the layer.</summary>
    /// <param name="normalizedShape">The trailing dimensions normalised (usually [d]).</param>
    /// <param name="eps">Added to the variance.</param>
    /// <param name="elementwiseAffine">Whether to learn a scale.</param>
    /// <param name="hasBias">Whether to learn a shift too.</param>
    public LayerNorm(long[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, bool hasBias = true)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        (NormalizedShape, Eps) = ((long[])normalizedShape.Clone(), eps);
        if (elementwiseAffine)
        {
            using var scope = new DisposeScope();
            weight = new Parameter(Tensor.Ones(normalizedShape));
            bias = hasBias ? new Parameter(Tensor.Zeros(normalizedShape)) : null;
        }

        RegisterComponents();
    }

    /// <summary>Creates the layer over the last dimension of size <paramref name="dim"/>.</summary>
    /// <param name="dim">The last dimension's size.</param>
    /// <param name="eps">Added to the variance.</param>
    public LayerNorm(long dim, double eps = 1e-5)
        : this([dim], eps)
    {
    }

    /// <summary>The trailing dimensions normalised.</summary>
    public IReadOnlyList<long> NormalizedShape { get; }

    /// <summary>Added to the variance.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.LayerNorm(input, [.. NormalizedShape], weight, bias, Eps);

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => $"[{string.Join(", ", NormalizedShape)}], eps={Eps}";
}

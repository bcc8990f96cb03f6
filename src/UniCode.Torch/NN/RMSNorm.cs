namespace UniCode.Torch.NN;

/// <summary>Root-mean-square normalisation over the last dimension with a learned scale (LLaMA's norm).</summary>
public sealed class RMSNorm : Module<Tensor, Tensor>
{
    private readonly Parameter weight;

    /// <summary>Creates the layer.</summary>
    /// <param name="dim">The last dimension's size.</param>
    /// <param name="eps">Added to the mean square.</param>
    public RMSNorm(long dim, double eps = 1e-6)
    {
        (Dim, Eps) = (dim, eps);
        using var scope = new DisposeScope();
        weight = new Parameter(Tensor.Ones([dim]));
        RegisterComponents();
    }

    /// <summary>The normalised dimension's size.</summary>
    public long Dim { get; }

    /// <summary>Added to the mean square.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.RmsNorm(input, weight, Eps);

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => $"{Dim}, eps={Eps}";
}

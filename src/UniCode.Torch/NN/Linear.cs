namespace UniCode.Torch.NN;

/// <summary>y = x W^T + b, with PyTorch's initialisation (U(-1/sqrt(in), 1/sqrt(in))).</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter? bias;

    /// <summary>Creates the layer.</summary>
    /// <param name="inFeatures">Input size.</param>
    /// <param name="outFeatures">Output size.</param>
    /// <param name="hasBias">Whether to add a learned bias.</param>
    /// <param name="generator">A seeded generator for the initial values, or null for the global one.</param>
    public Linear(long inFeatures, long outFeatures, bool hasBias = true, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inFeatures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outFeatures, 1);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        using var scope = new DisposeScope();
        weight = new Parameter(Init.KaimingUniform(Tensor.Empty([outFeatures, inFeatures]), inFeatures, generator: generator));
        if (hasBias)
        {
            var bound = 1 / Math.Sqrt(inFeatures);
            bias = new Parameter(Init.Uniform(Tensor.Empty([outFeatures]), -bound, bound, generator));
        }

        RegisterComponents();
    }

    /// <summary>Input size.</summary>
    public long InFeatures { get; }

    /// <summary>Output size.</summary>
    public long OutFeatures { get; }

    /// <summary>W: [out, in].</summary>
    public Parameter Weight => weight;

    /// <summary>b: [out], or null.</summary>
    public Parameter? Bias => bias;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Linear(input, weight, bias);

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => $"in={InFeatures}, out={OutFeatures}, bias={bias is not null}";
}

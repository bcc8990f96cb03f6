namespace UniCode.Torch.NN;

/// <summary>Zeroes elements with probability p during training (identity in evaluation mode).</summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="p">Drop probability in [0, 1].</param>
    public Dropout(double p = 0.5)
    {
        if (p is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");
        }

        P = p;
    }

    /// <summary>Drop probability.</summary>
    public double P { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training);

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => $"p={P}";
}

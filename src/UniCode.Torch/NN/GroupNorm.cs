namespace UniCode.Torch.NN;

/// <summary>Group normalisation with a learned per-channel scale and shift.</summary>
public sealed class GroupNorm : Module<Tensor, Tensor>
{
    private readonly Parameter? weight;
    private readonly Parameter? bias;

    /// <summary>Creates the layer.</summary>
    /// <param name="groups">How many groups the channels form.</param>
    /// <param name="channels">Channels (divisible by groups).</param>
    /// <param name="eps">Added to the variance.</param>
    /// <param name="affine">Whether to learn a scale and shift.</param>
    public GroupNorm(long groups, long channels, double eps = 1e-5, bool affine = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        if (channels % groups != 0)
        {
            throw new ArgumentException($"channels ({channels}) must be divisible by groups ({groups})");
        }

        (Groups, Channels, Eps) = (groups, channels, eps);
        if (affine)
        {
            using var scope = new DisposeScope();
            weight = new Parameter(Tensor.Ones([channels]));
            bias = new Parameter(Tensor.Zeros([channels]));
        }

        RegisterComponents();
    }

    /// <summary>Groups.</summary>
    public long Groups { get; }

    /// <summary>Channels.</summary>
    public long Channels { get; }

    /// <summary>Added to the variance.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.GroupNorm(input, Groups, weight, bias, Eps);

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => $"{Groups}, {Channels}, eps={Eps}";
}

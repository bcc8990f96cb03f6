namespace UniCode.Torch.NN;

/// <summary>max(x, 0) as a layer.</summary>
public sealed class ReLU : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Checked(input).Relu();

    internal static Tensor Checked(Tensor input) => input ?? throw new ArgumentNullException(nameof(input));
}

/// <summary>GELU as a layer (exact, or GPT-2's tanh approximation).</summary>
/// <param name="tanhApproximation">Whether to use the tanh approximation.</param>
public sealed class GELU(bool tanhApproximation = false) : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => ReLU.Checked(input).Gelu(tanhApproximation);

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => tanhApproximation ? "approximate=tanh" : string.Empty;
}

/// <summary>x * sigmoid(x) as a layer.</summary>
public sealed class SiLU : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => ReLU.Checked(input).Silu();
}

/// <summary>tanh as a layer.</summary>
public sealed class Tanh : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => ReLU.Checked(input).Tanh();
}

/// <summary>The logistic sigmoid as a layer.</summary>
public sealed class Sigmoid : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => ReLU.Checked(input).Sigmoid();
}

namespace UniCode.Torch.NN;

/// <summary>Transposed 2-D convolution (learned upsampling), with PyTorch's initialisation.</summary>
public sealed class ConvTranspose2d : Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter? bias;

    /// <summary>Creates the layer.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernelSize">Square kernel size.</param>
    /// <param name="stride">Step (the upsampling factor).</param>
    /// <param name="padding">Padding removed from the output.</param>
    /// <param name="outputPadding">Extra size on one side of the output.</param>
    /// <param name="groups">Channel groups.</param>
    /// <param name="hasBias">Whether to add a learned bias.</param>
    /// <param name="dilation">Kernel dilation.</param>
    /// <param name="generator">A seeded generator for the initial values, or null for the global one.</param>
    public ConvTranspose2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long outputPadding = 0, long groups = 1, bool hasBias = true, long dilation = 1, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        if (inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentException($"channels ({inChannels} in, {outChannels} out) must be divisible by groups ({groups})");
        }

        (InChannels, OutChannels, KernelSize, Stride, Padding, OutputPadding, Groups, Dilation) = (inChannels, outChannels, kernelSize, stride, padding, outputPadding, groups, dilation);

        // PyTorch computes the fan-in of a transposed convolution from the weight's dimension 1.
        var fanIn = outChannels / groups * kernelSize * kernelSize;
        using var scope = new DisposeScope();
        weight = new Parameter(Init.KaimingUniform(Tensor.Empty([inChannels, outChannels / groups, kernelSize, kernelSize]), fanIn, generator: generator));
        if (hasBias)
        {
            var bound = 1 / Math.Sqrt(fanIn);
            bias = new Parameter(Init.Uniform(Tensor.Empty([outChannels]), -bound, bound, generator));
        }

        RegisterComponents();
    }

    /// <summary>Input channels.</summary>
    public long InChannels { get; }

    /// <summary>Output channels.</summary>
    public long OutChannels { get; }

    /// <summary>Kernel size.</summary>
    public long KernelSize { get; }

    /// <summary>Step.</summary>
    public long Stride { get; }

    /// <summary>Padding removed from the output.</summary>
    public long Padding { get; }

    /// <summary>Extra output size.</summary>
    public long OutputPadding { get; }

    /// <summary>Channel groups.</summary>
    public long Groups { get; }

    /// <summary>Kernel dilation.</summary>
    public long Dilation { get; }

    /// <summary>[in, out/groups, k, k].</summary>
    public Parameter Weight => weight;

    /// <summary>[out], or null.</summary>
    public Parameter? Bias => bias;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) =>
        Functional.ConvTranspose2d(input, weight, bias, Stride, Padding, OutputPadding, Groups, Dilation);

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => $"{InChannels}, {OutChannels}, kernel={KernelSize}, stride={Stride}, padding={Padding}";
}

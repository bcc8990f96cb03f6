namespace UniCode.Torch.NN;

/// <summary>2-D convolution over [N, C, H, W], with PyTorch's initialisation.</summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter? bias;

    /// <summary>Creates the layer.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernelSize">Square kernel size.</param>
    /// <param name="stride">Step.</param>
    /// <param name="padding">Zero padding on every side.</param>
    /// <param name="dilation">Kernel dilation.</param>
    /// <param name="groups">Channel groups.</param>
    /// <param name="hasBias">Whether to add a learned bias.</param>
    /// <param name="generator">A seeded generator for the initial values, or null for the global one.</param>
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool hasBias = true, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        if (inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentException($"channels ({inChannels} in, {outChannels} out) must be divisible by groups ({groups})");
        }

        (InChannels, OutChannels, KernelSize, Stride, Padding, Dilation, Groups) = (inChannels, outChannels, kernelSize, stride, padding, dilation, groups);
        var fanIn = inChannels / groups * kernelSize * kernelSize;
        using var scope = new DisposeScope();
        weight = new Parameter(Init.KaimingUniform(Tensor.Empty([outChannels, inChannels / groups, kernelSize, kernelSize]), fanIn, generator: generator));
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

    /// <summary>Zero padding.</summary>
    public long Padding { get; }

    /// <summary>Kernel dilation.</summary>
    public long Dilation { get; }

    /// <summary>Channel groups.</summary>
    public long Groups { get; }

    /// <summary>[out, in/groups, k, k].</summary>
    public Parameter Weight => weight;

    /// <summary>[out], or null.</summary>
    public Parameter? Bias => bias;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Conv2d(input, weight, bias, Stride, Padding, Dilation, Groups);

    /// <inheritdoc/>
    protected override string ExtraRepresentation() =>
        $"{InChannels}, {OutChannels}, kernel={KernelSize}, stride={Stride}, padding={Padding}" + (Groups > 1 ? $", groups={Groups}" : string.Empty);
}

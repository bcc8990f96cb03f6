using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Vision.Networks;

/// <summary>
/// x + conv(SiLU(norm(conv(SiLU(norm(x)))))), with a 1x1 shortcut when the channel count changes: the residual
/// block of Taming Transformers' VQ-GAN (Esser et al. 2021).
/// </summary>
public sealed class ResidualBlock : Module<Tensor, Tensor>
{
    private readonly GroupNorm norm1;
    private readonly Conv2d conv1;
    private readonly GroupNorm norm2;
    private readonly Conv2d conv2;
    private readonly Conv2d? shortcut;

    /// <summary>Creates the block.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="normGroups">GroupNorm groups (must divide both channel counts).</param>
    /// <param name="generator">Seeds the initial weights.</param>
    public ResidualBlock(int inChannels, int outChannels, int normGroups, Generator? generator = null)
    {
        norm1 = new GroupNorm(normGroups, inChannels);
        conv1 = new Conv2d(inChannels, outChannels, 3, padding: 1, generator: generator);
        norm2 = new GroupNorm(normGroups, outChannels);
        conv2 = new Conv2d(outChannels, outChannels, 3, padding: 1, generator: generator);
        shortcut = inChannels == outChannels ? null : new Conv2d(inChannels, outChannels, 1, generator: generator);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var h = conv1.Forward(norm1.Forward(input).Silu());
        h = conv2.Forward(norm2.Forward(h).Silu());
        return (shortcut?.Forward(input) ?? input) + h;
    }
}

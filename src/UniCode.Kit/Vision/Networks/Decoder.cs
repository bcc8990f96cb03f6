using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Vision.Networks;

/// <summary>
/// D of paper §3.1: a quantized feature map [B, inDim, h, w] back to images [B, C, h*r, w*r]. The mirror of
/// <see cref="Encoder"/>: conv3x3, a middle residual block, per level (coarsest first) residual blocks and (except
/// at full resolution) an <see cref="Upsample"/> to the next level's channels, then GroupNorm, SiLU and a 3x3
/// convolution to the image channels.
/// The output is unbounded; the tokenizers read it as pixels in [-1, 1].
/// </summary>
public sealed class Decoder : Module<Tensor, Tensor>
{
    private readonly Conv2d input;
    private readonly ResidualBlock middle;
    private readonly ModuleList<Module<Tensor, Tensor>> levels;
    private readonly GroupNorm norm;
    private readonly Conv2d output;

    /// <summary>Creates the decoder.</summary>
    /// <param name="options">Widths, levels, normalisation and upsampling (validated).</param>
    /// <param name="inDim">Channels of the quantized features it decodes.</param>
    /// <param name="generator">Seeds the initial weights.</param>
    public Decoder(ConvNetOptions options, int inDim, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var last = options.ChannelMultipliers.Count - 1;
        var channels = options.ChannelsAt(last);
        input = new Conv2d(inDim, channels, 3, padding: 1, generator: generator);
        middle = new ResidualBlock(channels, channels, options.NormGroups, generator);
        var layers = new List<Module<Tensor, Tensor>>();
        for (var level = last; level >= 0; level--)
        {
            for (var block = 0; block < options.BlocksAt(level); block++)
            {
                layers.Add(new ResidualBlock(channels, channels, options.NormGroups, generator));
            }

            if (level > 0)
            {
                layers.Add(new Upsample(channels, options.ChannelsAt(level - 1), options.Upsample, generator));
                channels = options.ChannelsAt(level - 1);
            }
        }

        levels = new ModuleList<Module<Tensor, Tensor>>(layers);
        norm = new GroupNorm(options.NormGroups, channels);
        output = new Conv2d(channels, options.ImageChannels, 3, padding: 1, generator: generator);
        RegisterComponents();
    }

    /// <summary>The weight of the last convolution (where VQ-GAN's adaptive weight compares gradients).</summary>
    public Parameter LastLayerWeight => output.Weight;

    /// <summary>I^ = D(Z): [B, C, h*r, w*r], pixels in about [-1, 1].</summary>
    /// <param name="input">Quantized features [B, inDim, h, w].</param>
    public override Tensor Forward(Tensor input)
    {
        var h = middle.Forward(this.input.Forward(input));
        foreach (var layer in levels)
        {
            h = layer.Forward(h);
        }

        return output.Forward(norm.Forward(h).Silu());
    }
}

using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Vision.Networks;

/// <summary>
/// E of paper §3.1: images [B, C, H, W] to a feature map Z0 [B, outDim, H/r, W/r], r = 2^downsamplings.
/// conv3x3, then per level (after the first) a 4x4 stride-2 convolution and residual blocks, a middle residual
/// block, and GroupNorm, SiLU and a 1x1 projection to the code dimension.
/// </summary>
public sealed class Encoder : Module<Tensor, Tensor>
{
    private readonly Conv2d input;
    private readonly ModuleList<Module<Tensor, Tensor>> levels;
    private readonly ResidualBlock middle;
    private readonly GroupNorm norm;
    private readonly Conv2d projection;

    /// <summary>Creates the encoder.</summary>
    /// <param name="options">Widths, levels and normalisation (validated).</param>
    /// <param name="outDim">Channels of the output (the code dimension).</param>
    /// <param name="generator">Seeds the initial weights.</param>
    public Encoder(ConvNetOptions options, int outDim, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        input = new Conv2d(options.ImageChannels, options.ChannelsAt(0), 3, padding: 1, generator: generator);
        var layers = new List<Module<Tensor, Tensor>>();
        var channels = options.ChannelsAt(0);
        for (var level = 0; level < options.ChannelMultipliers.Count; level++)
        {
            if (level > 0)
            {
                layers.Add(new Conv2d(channels, options.ChannelsAt(level), 4, stride: 2, padding: 1, generator: generator));
                channels = options.ChannelsAt(level);
            }

            for (var block = 0; block < options.BlocksAt(level); block++)
            {
                layers.Add(new ResidualBlock(channels, channels, options.NormGroups, generator));
            }
        }

        levels = new ModuleList<Module<Tensor, Tensor>>(layers);
        HiddenChannels = channels;
        middle = new ResidualBlock(channels, channels, options.NormGroups, generator);
        norm = new GroupNorm(options.NormGroups, channels);
        projection = new Conv2d(channels, outDim, 1, generator: generator);
        RegisterComponents();
    }

    /// <summary>The encoder's shape.</summary>
    public ConvNetOptions Options { get; }

    /// <summary>Channels of <see cref="Hidden"/>'s output.</summary>
    public int HiddenChannels { get; }

    /// <summary>The features before the projection: [B, HiddenChannels, H/r, W/r].</summary>
    /// <param name="images">[B, C, H, W], H and W divisible by the reduction.</param>
    public Tensor Hidden(Tensor images)
    {
        CheckInput(images);
        var h = input.Forward(images);
        foreach (var layer in levels)
        {
            h = layer.Forward(h);
        }

        return middle.Forward(h);
    }

    /// <summary>Z0 = E(I): [B, outDim, H/r, W/r].</summary>
    /// <param name="input">Images [B, C, H, W] (the kit feeds them scaled to [-1, 1]).</param>
    public override Tensor Forward(Tensor input) => Project(Hidden(input));

    /// <summary>GroupNorm, SiLU and the 1x1 projection of hidden features.</summary>
    /// <param name="hidden">[B, HiddenChannels, h, w].</param>
    public Tensor Project(Tensor hidden) => projection.Forward(norm.Forward(hidden).Silu());

    private void CheckInput(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var shape = images.Shape;
        if (shape.Length != 4 || shape[1] != Options.ImageChannels)
        {
            throw new ArgumentException(
                $"the encoder expects images [B, {Options.ImageChannels}, H, W], not [{string.Join(", ", shape)}]", nameof(images));
        }

        if (shape[2] % Options.Reduction != 0 || shape[3] % Options.Reduction != 0)
        {
            throw new ArgumentException(
                $"image size {shape[2]}x{shape[3]} must be divisible by the encoder's reduction {Options.Reduction}", nameof(images));
        }
    }
}

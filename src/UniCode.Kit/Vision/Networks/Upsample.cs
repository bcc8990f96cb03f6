using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Vision.Networks;

/// <summary>Doubles the resolution of [B, C, H, W] features, by <see cref="UpsampleMode"/>.</summary>
public sealed class Upsample : Module<Tensor, Tensor>
{
    private readonly Conv2d? conv;
    private readonly ConvTranspose2d? transposed;

    /// <summary>Creates the layer.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="mode">Nearest + 3x3 conv, or a 4x4 stride-2 transposed conv.</param>
    /// <param name="generator">Seeds the initial weights.</param>
    public Upsample(int inChannels, int outChannels, UpsampleMode mode, Generator? generator = null)
    {
        Mode = mode;
        if (mode == UpsampleMode.NearestConv)
        {
            conv = new Conv2d(inChannels, outChannels, 3, padding: 1, generator: generator);
        }
        else
        {
            transposed = new ConvTranspose2d(inChannels, outChannels, 4, stride: 2, padding: 1, generator: generator);
        }

        RegisterComponents();
    }

    /// <summary>The upsampling method.</summary>
    public UpsampleMode Mode { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (transposed is not null)
        {
            return transposed.Forward(input);
        }

        var size = input.Shape; // (B, C, H, W)
        return conv!.Forward(Functional.Interpolate(input, size[2] * 2, size[3] * 2));
    }

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => Mode.ToString();
}

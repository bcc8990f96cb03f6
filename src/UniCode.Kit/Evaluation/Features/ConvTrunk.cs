using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Evaluation.Features;

/// <summary>
/// The convolutional trunk of the kit's judge nets (the CLIP analogue's image tower, the Shapes attribute net): three
/// 3x3 conv-GroupNorm(4)-ReLU stages of w, 2w and 4w channels with 2x2 max pooling after the first two, on images
/// mapped from [0, 1] to [−1, 1]. <see cref="FeatureCnn"/> has the same layers under its own names, kept so that its
/// cached weights still load.
/// </summary>
public sealed class ConvTrunk : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly GroupNorm norm1;
    private readonly Conv2d conv2;
    private readonly GroupNorm norm2;
    private readonly Conv2d conv3;
    private readonly GroupNorm norm3;

    /// <summary>Creates the trunk.</summary>
    /// <param name="channels">Input channels.</param>
    /// <param name="width">w, a multiple of 4.</param>
    /// <param name="generator">Seeds the weights.</param>
    public ConvTrunk(int channels, int width, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (width < 4 || width % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "the trunk's width must be a positive multiple of 4 (GroupNorm uses 4 groups)");
        }

        Width = width;
        conv1 = new Conv2d(channels, width, 3, padding: 1, generator: generator);
        norm1 = new GroupNorm(4, width);
        conv2 = new Conv2d(width, 2 * width, 3, padding: 1, generator: generator);
        norm2 = new GroupNorm(4, 2 * width);
        conv3 = new Conv2d(2 * width, 4 * width, 3, padding: 1, generator: generator);
        norm3 = new GroupNorm(4, 4 * width);
        RegisterComponents();
    }

    /// <summary>w: the output has 4w channels.</summary>
    public int Width { get; }

    /// <summary>Feature maps: [B, 4w, ⌊H/4⌋, ⌊W/4⌋].</summary>
    /// <param name="input">[B, C, H, W] in [0, 1].</param>
    public override Tensor Forward(Tensor input)
    {
        var h = F.MaxPool2d(norm1.Forward(conv1.Forward((input * 2) - 1)).Relu(), 2); // (B, w, H/2, W/2)
        h = F.MaxPool2d(norm2.Forward(conv2.Forward(h)).Relu(), 2); // (B, 2w, H/4, W/4)
        return norm3.Forward(conv3.Forward(h)).Relu(); // (B, 4w, H/4, W/4)
    }
}

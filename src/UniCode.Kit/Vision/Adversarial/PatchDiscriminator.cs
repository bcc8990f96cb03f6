using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Vision.Adversarial;

/// <summary>
/// The PatchGAN discriminator of pix2pix and VQ-GAN: 4x4 convolutions (two of stride 2) with GroupNorm and LeakyReLU
/// (0.2), ending in one logit per overlapping patch: [B, 1, h, w] (6x6 for 32x32 images).
/// </summary>
public sealed class PatchDiscriminator : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly GroupNorm norm2;
    private readonly Conv2d conv3;
    private readonly GroupNorm norm3;
    private readonly Conv2d output;

    /// <summary>Creates the discriminator.</summary>
    /// <param name="imageChannels">1 or 3.</param>
    /// <param name="width">Channels of the first layer (a multiple of 4).</param>
    /// <param name="generator">Seeds the weights.</param>
    public PatchDiscriminator(int imageChannels, int width = 32, Generator? generator = null)
    {
        OptionCheck.InRange(imageChannels, 1, 4, nameof(imageChannels));
        OptionCheck.AtLeast(width, 4, nameof(width));
        conv1 = new Conv2d(imageChannels, width, 4, stride: 2, padding: 1, generator: generator);
        conv2 = new Conv2d(width, 2 * width, 4, stride: 2, padding: 1, generator: generator);
        norm2 = new GroupNorm(4, 2 * width);
        conv3 = new Conv2d(2 * width, 4 * width, 4, padding: 1, generator: generator);
        norm3 = new GroupNorm(4, 4 * width);
        output = new Conv2d(4 * width, 1, 4, padding: 1, generator: generator);
        RegisterComponents();
    }

    /// <summary>Patch logits of images on the [-1, 1] scale: [B, 1, h, w].</summary>
    /// <param name="input">[B, C, H, W], H and W at least 16.</param>
    public override Tensor Forward(Tensor input)
    {
        var h = conv1.Forward(input).LeakyRelu(0.2);
        h = norm2.Forward(conv2.Forward(h)).LeakyRelu(0.2);
        h = norm3.Forward(conv3.Forward(h)).LeakyRelu(0.2);
        return output.Forward(h);
    }
}

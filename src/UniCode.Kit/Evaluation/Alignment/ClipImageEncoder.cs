using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Evaluation.Alignment;

/// <summary>
/// TinyClip's image tower: three conv-GroupNorm-ReLU stages with 2x2 max pooling after the first two, global average
/// pooling and a linear projection head into the joint space (not normalised here; <see cref="TinyClip"/> does).
/// </summary>
public sealed class ClipImageEncoder : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly GroupNorm norm1;
    private readonly Conv2d conv2;
    private readonly GroupNorm norm2;
    private readonly Conv2d conv3;
    private readonly GroupNorm norm3;
    private readonly Linear projection;

    /// <summary>Creates the tower.</summary>
    /// <param name="options">Channels, width and joint dimension (validated by the caller).</param>
    /// <param name="generator">Seeds the weights.</param>
    public ClipImageEncoder(TinyClipOptions options, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var w = options.ImageWidth;
        conv1 = new Conv2d(options.ImageChannels, w, 3, padding: 1, generator: generator);
        norm1 = new GroupNorm(4, w);
        conv2 = new Conv2d(w, 2 * w, 3, padding: 1, generator: generator);
        norm2 = new GroupNorm(4, 2 * w);
        conv3 = new Conv2d(2 * w, 4 * w, 3, padding: 1, generator: generator);
        norm3 = new GroupNorm(4, 4 * w);
        projection = new Linear(4 * w, options.EmbeddingDim, generator: generator);
        RegisterComponents();
    }

    /// <summary>Image embeddings: [B, EmbeddingDim].</summary>
    /// <param name="input">[B, C, H, W] in [0, 1].</param>
    public override Tensor Forward(Tensor input)
    {
        var h = F.MaxPool2d(norm1.Forward(conv1.Forward((input * 2) - 1)).Relu(), 2);
        h = F.MaxPool2d(norm2.Forward(conv2.Forward(h)).Relu(), 2);
        h = norm3.Forward(conv3.Forward(h)).Relu().Mean([2, 3]); // (B, 4w)
        return projection.Forward(h);
    }
}

using UniCode.Kit.Evaluation.Features;
using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Evaluation.Alignment;

/// <summary>
/// TinyClip's image tower: the judge nets' <see cref="ConvTrunk"/>, global average pooling and a linear projection head
/// into the joint space (not normalised here; <see cref="TinyClip"/> does).
/// </summary>
public sealed class ClipImageEncoder : Module<Tensor, Tensor>
{
    private readonly ConvTrunk trunk;
    private readonly Linear projection;

    /// <summary>Creates the tower.</summary>
    /// <param name="options">Channels, width and joint dimension (validated by the caller).</param>
    /// <param name="generator">Seeds the weights.</param>
    public ClipImageEncoder(TinyClipOptions options, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        trunk = new ConvTrunk(options.ImageChannels, options.ImageWidth, generator);
        projection = new Linear(4 * options.ImageWidth, options.EmbeddingDim, generator: generator);
        RegisterComponents();
    }

    /// <summary>Image embeddings: [B, EmbeddingDim].</summary>
    /// <param name="input">[B, C, H, W] in [0, 1].</param>
    public override Tensor Forward(Tensor input) => projection.Forward(trunk.Forward(input).Mean([2, 3])); // pooled: (B, 4w)
}

using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Evaluation.Features;

/// <summary>
/// Three conv-GroupNorm-ReLU stages with 2x2 max pooling (32→16→8→4 for 32x32), global average pooling, a ReLU
/// feature layer and a linear classifier. <see cref="Features"/> are what FID compares; <see cref="Forward"/> gives
/// class logits (class accuracy of generated images, the IS analogue).
/// </summary>
public sealed class FeatureCnn : Module<Tensor, Tensor>, IFeatureNet
{
    private readonly Conv2d conv1;
    private readonly GroupNorm norm1;
    private readonly Conv2d conv2;
    private readonly GroupNorm norm2;
    private readonly Conv2d conv3;
    private readonly GroupNorm norm3;
    private readonly Linear feature;
    private readonly Linear classifier;

    /// <summary>Creates an untrained net.</summary>
    /// <param name="options">Its shape (validated).</param>
    /// <param name="generator">Seeds the weights.</param>
    public FeatureCnn(FeatureCnnOptions options, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var w = options.Width;
        conv1 = new Conv2d(options.ImageChannels, w, 3, padding: 1, generator: generator);
        norm1 = new GroupNorm(4, w);
        conv2 = new Conv2d(w, 2 * w, 3, padding: 1, generator: generator);
        norm2 = new GroupNorm(4, 2 * w);
        conv3 = new Conv2d(2 * w, 4 * w, 3, padding: 1, generator: generator);
        norm3 = new GroupNorm(4, 4 * w);
        feature = new Linear(4 * w, options.FeatureDim, generator: generator);
        classifier = new Linear(options.FeatureDim, options.Classes, generator: generator);
        RegisterComponents();
    }

    /// <summary>The net's shape and training settings.</summary>
    public FeatureCnnOptions Options { get; }

    /// <inheritdoc/>
    string IFeatureNet.Dataset => Options.Dataset;

    /// <inheritdoc/>
    int IFeatureNet.ImageChannels => Options.ImageChannels;

    /// <inheritdoc/>
    int IFeatureNet.ImageSize => Options.ImageSize;

    /// <inheritdoc/>
    int IFeatureNet.FeatureDim => Options.FeatureDim;

    /// <summary>The penultimate activations: [B, FeatureDim].</summary>
    /// <param name="images">[B, C, H, W] in [0, 1].</param>
    public Tensor Features(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var shape = images.Shape;
        if (shape.Length != 4 || shape[1] != Options.ImageChannels)
        {
            throw new ArgumentException($"the feature net reads [B, {Options.ImageChannels}, H, W] images, not [{string.Join(", ", shape)}]", nameof(images));
        }

        var h = F.MaxPool2d(norm1.Forward(conv1.Forward((images * 2) - 1)).Relu(), 2);
        h = F.MaxPool2d(norm2.Forward(conv2.Forward(h)).Relu(), 2);
        h = norm3.Forward(conv3.Forward(h)).Relu();
        h = h.Mean([2, 3]); // (B, 4w)
        return feature.Forward(h).Relu();
    }

    /// <summary>Class logits: [B, Classes].</summary>
    /// <param name="input">[B, C, H, W] in [0, 1].</param>
    public override Tensor Forward(Tensor input) => classifier.Forward(Features(input));
}

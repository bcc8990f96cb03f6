using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Features;

/// <summary>
/// A fixed network whose activations stand in for Inception's in FID: the kit's <see cref="FeatureCnn"/> for labelled
/// datasets (Fashion-MNIST, Emoji), the Shapes attribute net for Shapes, which has no class labels.
/// </summary>
public interface IFeatureNet
{
    /// <summary>What it was trained on, for messages.</summary>
    string Dataset { get; }

    /// <summary>The channels of the images it reads.</summary>
    int ImageChannels { get; }

    /// <summary>The side of the square images it reads.</summary>
    int ImageSize { get; }

    /// <summary>The dimension of its features.</summary>
    int FeatureDim { get; }

    /// <summary>The features of a batch: [B, FeatureDim] (the caller owns the scope and the grad mode).</summary>
    /// <param name="images">[B, ImageChannels, ImageSize, ImageSize] in [0, 1].</param>
    Tensor Features(Tensor images);
}

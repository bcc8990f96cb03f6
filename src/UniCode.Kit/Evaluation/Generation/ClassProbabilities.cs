using UniCode.Kit.Evaluation.Features;
using UniCode.Torch;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Evaluation.Generation;

/// <summary>The feature net's class probabilities p(y|x), computed in batches without gradients.</summary>
public static class ClassProbabilities
{
    /// <summary>softmax(logits) of every image: [N, Classes] float64, rows summing to 1.</summary>
    /// <param name="net">A trained feature net.</param>
    /// <param name="images">[N, C, S, S] images in [0, 1] with the net's channels and size, N ≥ 1.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public static Tensor Of(FeatureCnn net, Tensor images, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(net);
        ImageSetCheck.Require(images, net, nameof(images));
        return FeatureExtraction.InBatches(images, batchSize, batch => F.Softmax(net.Forward(batch).Double(), 1));
    }
}

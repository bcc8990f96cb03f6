using UniCode.Kit.Data;
using UniCode.Kit.Data.Batching;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Features;

/// <summary>Runs a feature net over images in batches.</summary>
public static class FeatureExtraction
{
    /// <summary>The net's features of <paramref name="images"/>, computed in batches without gradients: [N, FeatureDim] float64.</summary>
    /// <param name="net">A trained feature net.</param>
    /// <param name="images">[N, C, H, W] in [0, 1].</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public static Tensor Features(FeatureCnn net, Tensor images, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var noGrad = Autograd.NoGrad();
        using var scope = new DisposeScope();
        var count = images.Shape[0];
        var parts = new List<Tensor>();
        for (long start = 0; start < count; start += batchSize)
        {
            parts.Add(net.Features(images.Narrow(0, start, Math.Min(batchSize, count - start))).Double());
        }

        return Tensor.Cat(parts).MoveToOuterScope();
    }

    /// <summary>The first <paramref name="count"/> images of a dataset (in index order) as one tensor [N, C, H, W].</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="count">How many (at most the dataset's size).</param>
    public static Tensor FirstImages(IImageDataset dataset, int count)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var batch = ImageBatcher.Collate(dataset, [.. Enumerable.Range(0, Math.Min(count, dataset.Count))]);
        return batch.TakeImages();
    }
}

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
    public static Tensor Features(IFeatureNet net, Tensor images, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return InBatches(images, batchSize, batch => net.Features(batch).Double());
    }

    /// <summary><paramref name="forward"/> of consecutive batches of <paramref name="images"/> without gradients,
    /// concatenated along the first dimension.</summary>
    /// <param name="images">[N, ...].</param>
    /// <param name="batchSize">Images per call.</param>
    /// <param name="forward">Maps a batch [B, ...] to [B, ...] (its intermediates are freed per call).</param>
    internal static Tensor InBatches(Tensor images, int batchSize, Func<Tensor, Tensor> forward)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var noGrad = Autograd.NoGrad();
        using var scope = new DisposeScope();
        var count = images.Shape[0];
        var parts = new List<Tensor>();
        for (long start = 0; start < count; start += batchSize)
        {
            parts.Add(forward(images.Narrow(0, start, Math.Min(batchSize, count - start))));
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

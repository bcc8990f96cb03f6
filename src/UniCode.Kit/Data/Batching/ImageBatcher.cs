using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Data.Batching;

/// <summary>
/// Turns an <see cref="IImageDataset"/> into seeded, shuffled batches of tensors: images float32 [N, C, H, W]
/// in [0, 1], labels int64 [N], and the captions and questions as string lists. Batches are made lazily as
/// the enumeration advances; each <see cref="ImageBatch"/> owns its tensors (dispose it).
/// </summary>
public sealed class ImageBatcher
{
    private readonly BatchSampler sampler;

    /// <summary>Creates a batcher.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="options">Batch size, shuffling, seed and last-batch policy.</param>
    public ImageBatcher(IImageDataset dataset, BatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
        sampler = new BatchSampler(dataset.Count, options);
    }

    /// <summary>The dataset.</summary>
    public IImageDataset Dataset { get; }

    /// <summary>The options.</summary>
    public BatchOptions Options => sampler.Options;

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => sampler.BatchesPerEpoch;

    /// <summary>The batches of epoch <paramref name="epoch"/>, made one at a time.</summary>
    /// <param name="epoch">The epoch (0, 1, ...): each has its own seeded order.</param>
    public IEnumerable<ImageBatch> Epoch(int epoch)
    {
        foreach (var indices in sampler.Epoch(epoch))
        {
            yield return Collate(Dataset, indices);
        }
    }

    /// <summary>Makes one batch from the examples at <paramref name="indices"/>, in that order.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="indices">Example indices (at least one).</param>
    public static ImageBatch Collate(IImageDataset dataset, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count == 0)
        {
            throw new ArgumentException("a batch needs at least one example", nameof(indices));
        }

        int h = dataset.Height, w = dataset.Width, c = dataset.Channels;
        var imageBytes = h * w * c;
        var pixels = new byte[(long)indices.Count * imageBytes];
        var labels = new long[indices.Count];
        var examples = new ImageExample[indices.Count];
        for (var k = 0; k < indices.Count; k++)
        {
            var example = dataset.Get(indices[k]);
            var image = example.Image;
            if (image.Height != h || image.Width != w || image.Channels != c)
            {
                throw new InvalidDataException(
                    $"{dataset.Name}: example {indices[k]} is {image.Height}x{image.Width}x{image.Channels}, but the dataset declares {h}x{w}x{c}");
            }

            image.Pixels.CopyTo(pixels.AsSpan(k * imageBytes, imageBytes));
            labels[k] = example.Label;
            examples[k] = example;
        }

        using var hwc = Tensor.From<byte>(pixels.AsSpan(), [indices.Count, h, w, c]);
        var chw = ImageIO.ToChw(hwc);
        try
        {
            return new ImageBatch(chw, Tensor.From<long>(labels.AsSpan(), [indices.Count]), examples, [.. indices]);
        }
        catch
        {
            chw.Dispose();
            throw;
        }
    }
}

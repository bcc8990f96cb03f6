using UniCode.Kit.Evaluation.Features;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Generation;

/// <summary>The checks every generation metric makes of the image sets it is given, with errors that name the set.</summary>
internal static class ImageSetCheck
{
    /// <summary>Requires [N, C, S, S] images with N ≥ <paramref name="minCount"/> and the feature net's C and S.</summary>
    public static void Require(Tensor images, IFeatureNet net, string name, int minCount = 1) =>
        Require(images, net.ImageChannels, net.ImageSize, name, minCount, $"the feature net ({net.Dataset})");

    /// <summary>Requires [N, channels, size, size] images with N ≥ <paramref name="minCount"/>.</summary>
    public static void Require(Tensor images, int channels, int size, string name, int minCount, string reader)
    {
        ArgumentNullException.ThrowIfNull(images, name);
        var shape = images.Shape;
        if (shape.Length != 4 || shape[1] != channels || shape[2] != size || shape[3] != size)
        {
            throw new ArgumentException($"{name} must be [N, {channels}, {size}, {size}] images for {reader}, not [{string.Join(", ", shape)}]", name);
        }

        if (shape[0] < minCount)
        {
            throw new ArgumentException(minCount == 1 ? $"{name} is empty" : $"{name} has {shape[0]} images; this metric needs at least {minCount}", name);
        }
    }

    /// <summary>Requires one entry per image.</summary>
    public static void SameCount<T>(Tensor images, IReadOnlyList<T> items, string imagesName, string itemsName)
    {
        ArgumentNullException.ThrowIfNull(items, itemsName);
        if (items.Count != images.Shape[0])
        {
            throw new ArgumentException($"{imagesName} has {images.Shape[0]} images but {itemsName} has {items.Count} entries", itemsName);
        }
    }
}

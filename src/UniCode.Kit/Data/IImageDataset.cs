namespace UniCode.Kit.Data;

/// <summary>
/// An indexable image dataset whose images all share one size and channel count, so that any of its
/// examples can be batched into one tensor. Implementations are deterministic: the same index gives the
/// same example.
/// </summary>
public interface IImageDataset
{
    /// <summary>A short name for messages and exports (e.g. "fashion-mnist/train").</summary>
    string Name { get; }

    /// <summary>The number of examples.</summary>
    int Count { get; }

    /// <summary>Image height in pixels.</summary>
    int Height { get; }

    /// <summary>Image width in pixels.</summary>
    int Width { get; }

    /// <summary>Channels: 1 (grey) or 3 (RGB).</summary>
    int Channels { get; }

    /// <summary>The class names, label i naming class i; empty when the dataset has no classes (labels are -1).</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>The label of example <paramref name="index"/> without producing its image (-1 when there are no classes).</summary>
    /// <param name="index">The index.</param>
    long LabelAt(int index);

    /// <summary>The example at <paramref name="index"/> (0 .. Count-1).</summary>
    /// <param name="index">The index.</param>
    ImageExample Get(int index);
}

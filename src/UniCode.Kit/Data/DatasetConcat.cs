namespace UniCode.Kit.Data;

/// <summary>
/// Several datasets of one image size, channel count and class list seen as one, in order: index i runs through the
/// first part, then the second, and so on. It is how a tokenizer trains on more images than its training split
/// (the paper's Table 2).
/// </summary>
public sealed class DatasetConcat : IImageDataset
{
    private readonly IImageDataset[] parts;
    private readonly int[] starts;

    /// <summary>The parts, in order.</summary>
    /// <param name="parts">At least one dataset; all share the first one's size, channels and class names.</param>
    /// <param name="name">A name for the whole (default: the parts' names joined by " + ").</param>
    /// <exception cref="ArgumentException">No parts, or a part that differs in size, channels or classes (the message names it).</exception>
    public DatasetConcat(IEnumerable<IImageDataset> parts, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        this.parts = [.. parts];
        if (this.parts.Length == 0)
        {
            throw new ArgumentException("a concatenation needs at least one dataset", nameof(parts));
        }

        var first = this.parts[0] ?? throw new ArgumentException("a part is null", nameof(parts));
        starts = new int[this.parts.Length + 1];
        for (var p = 0; p < this.parts.Length; p++)
        {
            var part = this.parts[p] ?? throw new ArgumentException("a part is null", nameof(parts));
            if (part.Height != first.Height || part.Width != first.Width || part.Channels != first.Channels)
            {
                throw new ArgumentException(
                    $"'{part.Name}' holds {part.Channels}x{part.Height}x{part.Width} images but '{first.Name}' holds {first.Channels}x{first.Height}x{first.Width}", nameof(parts));
            }

            if (!part.ClassNames.SequenceEqual(first.ClassNames, StringComparer.Ordinal))
            {
                throw new ArgumentException($"'{part.Name}' has other classes than '{first.Name}'", nameof(parts));
            }

            starts[p + 1] = checked(starts[p] + part.Count);
        }

        Name = name ?? string.Join(" + ", this.parts.Select(d => d.Name));
    }

    /// <summary>The parts, in order.</summary>
    public IReadOnlyList<IImageDataset> Parts => parts;

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Count => starts[^1];

    /// <inheritdoc/>
    public int Height => parts[0].Height;

    /// <inheritdoc/>
    public int Width => parts[0].Width;

    /// <inheritdoc/>
    public int Channels => parts[0].Channels;

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames => parts[0].ClassNames;

    /// <inheritdoc/>
    public long LabelAt(int index)
    {
        var (part, local) = Locate(index);
        return parts[part].LabelAt(local);
    }

    /// <inheritdoc/>
    public ImageExample Get(int index)
    {
        var (part, local) = Locate(index);
        return parts[part].Get(local);
    }

    private (int Part, int Local) Locate(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {Count} examples");
        }

        // A handful of parts: the first whose end lies past the index (empty parts are skipped by construction).
        var part = 0;
        while (index >= starts[part + 1])
        {
            part++;
        }

        return (part, index - starts[part]);
    }
}

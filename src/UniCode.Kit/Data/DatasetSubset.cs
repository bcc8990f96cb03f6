namespace UniCode.Kit.Data;

/// <summary>How <see cref="DatasetSubset.Sample"/> picks examples.</summary>
public enum SubsetSampling
{
    /// <summary>Uniformly at random without replacement: class proportions vary by chance.</summary>
    Uniform = 0,

    /// <summary>
    /// Per class, in proportion to the class's share of the dataset (largest-remainder rounding, ties to the
    /// lower class index), uniformly at random within each class: class proportions match the dataset's.
    /// </summary>
    Stratified = 1,
}

/// <summary>
/// A view of some examples of another dataset, in the order of <see cref="Indices"/>. Subsets are taken by a
/// seed, so a run can name its training subset by (dataset, count, sampling, seed).
/// </summary>
public sealed class DatasetSubset : IImageDataset
{
    private readonly int[] indices;

    /// <summary>A view of <paramref name="source"/>'s examples at <paramref name="indices"/>.</summary>
    /// <param name="source">The dataset.</param>
    /// <param name="indices">Indices into it (each in range; repeats allowed).</param>
    /// <param name="name">A name for the view (default: the source's name with "[subset]").</param>
    public DatasetSubset(IImageDataset source, IEnumerable<int> indices, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indices);
        Source = source;
        this.indices = [.. indices];
        foreach (var i in this.indices)
        {
            if ((uint)i >= (uint)source.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"index outside {source.Name}'s {source.Count} examples");
            }
        }

        Name = name ?? $"{source.Name}[subset of {this.indices.Length}]";
    }

    /// <summary>The dataset viewed.</summary>
    public IImageDataset Source { get; }

    /// <summary>The source indices, in the view's order.</summary>
    public IReadOnlyList<int> Indices => indices;

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Count => indices.Length;

    /// <inheritdoc/>
    public int Height => Source.Height;

    /// <inheritdoc/>
    public int Width => Source.Width;

    /// <inheritdoc/>
    public int Channels => Source.Channels;

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames => Source.ClassNames;

    /// <summary>
    /// Picks <paramref name="count"/> distinct examples of <paramref name="source"/> by a seed. The result lists
    /// them in ascending source order (shuffling is the batcher's job).
    /// </summary>
    /// <param name="source">The dataset.</param>
    /// <param name="count">How many (0 .. source.Count).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="sampling">Uniform, or stratified by label (needs labels).</param>
    public static DatasetSubset Sample(IImageDataset source, int count, ulong seed, SubsetSampling sampling = SubsetSampling.Stratified)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (count < 0 || count > source.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"a subset of {source.Name} takes 0-{source.Count} examples");
        }

        var picked = sampling switch
        {
            SubsetSampling.Uniform => Uniform(source.Count, count, seed),
            SubsetSampling.Stratified => Stratified(source, count, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(sampling), sampling, "unknown subset sampling"),
        };
        Array.Sort(picked);
        var kind = sampling == SubsetSampling.Uniform ? "uniform" : "stratified";
        return new DatasetSubset(source, picked, $"{source.Name}[{kind} {count}, seed {seed}]");
    }

    /// <inheritdoc/>
    public long LabelAt(int index) => Source.LabelAt(Map(index));

    /// <inheritdoc/>
    public ImageExample Get(int index) => Source.Get(Map(index));

    private static int[] Uniform(int total, int count, ulong seed) =>
        new SeededRandom(seed).Permutation(total)[..count];

    private static int[] Stratified(IImageDataset source, int count, ulong seed)
    {
        var byClass = new SortedDictionary<long, List<int>>();
        for (var i = 0; i < source.Count; i++)
        {
            var label = source.LabelAt(i);
            if (label < 0)
            {
                throw new ArgumentException($"stratified sampling needs labels, but example {i} of {source.Name} has none; use SubsetSampling.Uniform", nameof(source));
            }

            if (!byClass.TryGetValue(label, out var members))
            {
                byClass[label] = members = [];
            }

            members.Add(i);
        }

        // Largest-remainder apportionment of count over the classes by their sizes.
        var classes = byClass.Keys.ToArray();
        var quotas = new int[classes.Length];
        var remainders = new double[classes.Length];
        var assigned = 0;
        for (var c = 0; c < classes.Length; c++)
        {
            var exact = (double)count * byClass[classes[c]].Count / source.Count;
            quotas[c] = (int)Math.Floor(exact);
            remainders[c] = exact - quotas[c];
            assigned += quotas[c];
        }

        foreach (var c in Enumerable.Range(0, classes.Length).OrderByDescending(c => remainders[c]).ThenBy(c => c).Take(count - assigned))
        {
            quotas[c]++;
        }

        var picked = new List<int>(count);
        for (var c = 0; c < classes.Length; c++)
        {
            var members = byClass[classes[c]];
            var random = SeededRandom.ForStream(seed, (ulong)classes[c]);
            var order = random.Permutation(members.Count);
            for (var k = 0; k < quotas[c]; k++)
            {
                picked.Add(members[order[k]]);
            }
        }

        return [.. picked];
    }

    private int Map(int index)
    {
        if ((uint)index >= (uint)indices.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {indices.Length} examples");
        }

        return indices[index];
    }
}

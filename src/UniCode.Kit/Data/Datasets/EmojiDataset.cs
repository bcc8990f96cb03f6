using UniCode.Torch.Imaging;

namespace UniCode.Kit.Data.Datasets;

/// <summary>Which part of the emoji set to load.</summary>
public enum EmojiSplit
{
    /// <summary>Every emoji.</summary>
    All = 0,

    /// <summary>The emoji not held out.</summary>
    Train = 1,

    /// <summary>The seeded held-out share (<see cref="EmojiOptions.HeldOutFraction"/>).</summary>
    HeldOut = 2,
}

/// <summary>
/// The gemojione emoji (art CC-BY-SA-4.0, Emoji One) from the Debian package ruby-gemojione: 1,794 64x64
/// RGBA PNGs, each with a name, category and keywords. Images are composited over a white background
/// (no alpha is left), resized by area averaging, and decoded once when the dataset is loaded. Labels are
/// category indices (categories in ordinal order); captions come from <see cref="EmojiEntry.Caption"/>.
/// </summary>
public sealed class EmojiDataset : IImageDataset
{
    /// <summary>The catalog name.</summary>
    public const string CatalogName = "emoji";

    private readonly RawImage[] images;
    private readonly long[] labels;
    private readonly string[] captions;

    private EmojiDataset(EmojiOptions options, string root, IReadOnlyList<EmojiEntry> entries, IReadOnlyList<string> categories, RawImage[] images)
    {
        Options = options;
        Root = root;
        Entries = entries;
        ClassNames = categories;
        this.images = images;
        labels = [.. entries.Select(e => (long)IndexOf(categories, e.Category))];
        captions = [.. entries.Select(e => e.Caption(options.MaxCaptionKeywords))];
    }

    /// <summary>The options it was loaded with.</summary>
    public EmojiOptions Options { get; }

    /// <summary>The gem folder it was loaded from.</summary>
    public string Root { get; }

    /// <summary>The emoji, in dataset order (sorted by key).</summary>
    public IReadOnlyList<EmojiEntry> Entries { get; }

    /// <inheritdoc/>
    public string Name => Options.Split switch
    {
        EmojiSplit.Train => $"{CatalogName}/train",
        EmojiSplit.HeldOut => $"{CatalogName}/held-out",
        _ => CatalogName,
    };

    /// <inheritdoc/>
    public int Count => images.Length;

    /// <inheritdoc/>
    public int Height => Options.Size;

    /// <inheritdoc/>
    public int Width => Options.Size;

    /// <inheritdoc/>
    public int Channels => Options.Channels;

    /// <summary>The categories of the whole set, in ordinal order: label i is category i.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Loads the emoji of a split, decoding, compositing and resizing every image.</summary>
    /// <param name="options">Root, size, channels and split; null for the defaults (all emoji, 32x32 RGB).</param>
    /// <exception cref="DatasetNotInstalledException">The gem is not installed (or not at the root given).</exception>
    /// <exception cref="InvalidDataException">index.json or a PNG is malformed or missing (the message names it).</exception>
    public static EmojiDataset Load(EmojiOptions? options = null)
    {
        options ??= new EmojiOptions();
        options.Validate();
        var root = EmojiIndex.ResolveRoot(options.Root);
        var all = EmojiIndex.Read(root);
        var categories = all.Select(e => e.Category).Distinct().Order(StringComparer.Ordinal).ToArray();
        var selected = Select(all, options);
        var images = new RawImage[selected.Count];
        for (var i = 0; i < selected.Count; i++)
        {
            images[i] = LoadImage(selected[i].ImagePath, options);
        }

        return new EmojiDataset(options, root, selected, categories, images);
    }

    /// <summary>Reads one emoji PNG, composites it over the background, and resizes it.</summary>
    /// <param name="path">The PNG.</param>
    /// <param name="options">Size, channels and background.</param>
    public static RawImage LoadImage(string path, EmojiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: emoji image listed in index.json is missing (reinstall {EmojiIndex.AptPackage})");
        }

        RawImage rgba;
        using (var decoded = ImageIO.Read(path, ImageMode.Rgba))
        {
            rgba = RawImage.FromTensor(decoded);
        }

        // Composite first: resizing straight (non-premultiplied) alpha would bleed the colour of transparent pixels.
        var opaque = ImageTransforms.CompositeOver(rgba, options.Background);
        return ImageTransforms.ToChannels(ImageTransforms.Resize(opaque, options.Size, options.Size), options.Channels);
    }

    /// <summary>The held-out keys of a set: a seeded <paramref name="fraction"/> of the entries, rounded up.</summary>
    /// <param name="entries">The entries, in index order.</param>
    /// <param name="fraction">The held-out share in [0, 1).</param>
    /// <param name="seed">The seed.</param>
    public static IReadOnlySet<string> HeldOutKeys(IReadOnlyList<EmojiEntry> entries, double fraction, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!(fraction >= 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the held-out fraction must be in [0, 1)");
        }

        var order = new SeededRandom(seed).Permutation(entries.Count);
        var count = (int)Math.Ceiling(entries.Count * fraction);
        return order.Take(count).Select(i => entries[i].Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public long LabelAt(int index)
    {
        CheckIndex(index);
        return labels[index];
    }

    /// <inheritdoc/>
    public ImageExample Get(int index)
    {
        CheckIndex(index);
        return new ImageExample(images[index], labels[index], captions[index], []);
    }

    private static List<EmojiEntry> Select(IReadOnlyList<EmojiEntry> all, EmojiOptions options)
    {
        if (options.Split == EmojiSplit.All)
        {
            return [.. all];
        }

        var heldOut = HeldOutKeys(all, options.HeldOutFraction, options.SplitSeed);
        var wantHeldOut = options.Split == EmojiSplit.HeldOut;
        return [.. all.Where(e => heldOut.Contains(e.Key) == wantHeldOut)];
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)images.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {images.Length} examples");
        }
    }
}

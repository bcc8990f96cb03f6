using System.Collections.Concurrent;

namespace UniCode.Kit.Data.Datasets;

/// <summary>The two splits of Fashion-MNIST.</summary>
public enum FashionMnistSplit
{
    /// <summary>60,000 training images (train-*-ubyte.gz).</summary>
    Train = 0,

    /// <summary>10,000 test images (t10k-*-ubyte.gz).</summary>
    Test = 1,
}

/// <summary>How a 28x28 Fashion-MNIST image is brought to the requested size.</summary>
public enum FashionMnistFit
{
    /// <summary>
    /// Pad with black to 8/7 of the side (28 -> 32), then resize to the requested size: exactly padding at the
    /// kit's default 32x32, and the garment covers the same fraction of the frame at every resolution.
    /// </summary>
    PadThenResize = 0,

    /// <summary>Pad with black to the requested size (which must be at least 28); the garment keeps its 28 pixels.</summary>
    Pad = 1,

    /// <summary>Resize 28x28 straight to the requested size (area averaging when shrinking, bilinear when enlarging).</summary>
    Resize = 2,
}

/// <summary>
/// Fashion-MNIST (Zalando SE, MIT licence) from the Debian package dataset-fashion-mnist: 28x28 grey
/// images of ten kinds of clothing, 60,000 for training and 10,000 for testing, light garments on black.
/// The decoded files are kept in memory (47 MB for the training split) and shared between loads of the same
/// files; each example is padded/resized when it is asked for.
/// </summary>
public sealed class FashionMnist : IImageDataset
{
    /// <summary>The Debian package that provides the files.</summary>
    public const string AptPackage = "dataset-fashion-mnist";

    /// <summary>The catalog name.</summary>
    public const string CatalogName = "fashion-mnist";

    // Decoded IDX files by path and version: reloading the same split costs nothing.
    private static readonly ConcurrentDictionary<string, WeakReference<IdxData>> Cache = new();

    private readonly IdxData images;
    private readonly IdxData labels;
    private readonly int rows;
    private readonly int columns;

    private FashionMnist(FashionMnistSplit split, FashionMnistOptions options, IdxData images, IdxData labels)
    {
        Split = split;
        Options = options;
        this.images = images;
        this.labels = labels;
        rows = images.Dimensions[1];
        columns = images.Dimensions[2];
    }

    /// <summary>The class names, in label order.</summary>
    public static IReadOnlyList<string> Classes { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The split.</summary>
    public FashionMnistSplit Split { get; }

    /// <summary>The options it was loaded with.</summary>
    public FashionMnistOptions Options { get; }

    /// <inheritdoc/>
    public string Name => $"{CatalogName}/{(Split == FashionMnistSplit.Train ? "train" : "test")}";

    /// <inheritdoc/>
    public int Count => labels.Data.Length;

    /// <inheritdoc/>
    public int Height => Options.Size;

    /// <inheritdoc/>
    public int Width => Options.Size;

    /// <inheritdoc/>
    public int Channels => Options.Channels;

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames => Classes;

    /// <summary>The files of a split under <paramref name="root"/>: (images, labels).</summary>
    /// <param name="root">The folder.</param>
    /// <param name="split">The split.</param>
    public static (string Images, string Labels) FilesOf(string root, FashionMnistSplit split)
    {
        ArgumentNullException.ThrowIfNull(root);
        var prefix = split == FashionMnistSplit.Train ? "train" : "t10k";
        return (Path.Combine(root, $"{prefix}-images-idx3-ubyte.gz"), Path.Combine(root, $"{prefix}-labels-idx1-ubyte.gz"));
    }

    /// <summary>Loads a split.</summary>
    /// <param name="split">Train or test.</param>
    /// <param name="options">Root, size, channels and fit; null for the defaults (32x32 grey, padded).</param>
    /// <exception cref="DatasetNotInstalledException">The files are not under the root.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt, truncated or inconsistent (the message names it).</exception>
    public static FashionMnist Load(FashionMnistSplit split = FashionMnistSplit.Train, FashionMnistOptions? options = null)
    {
        options ??= new FashionMnistOptions();
        if (!Enum.IsDefined(split))
        {
            throw new ArgumentOutOfRangeException(nameof(split), split, "unknown Fashion-MNIST split");
        }

        options.Validate();
        var (imagesPath, labelsPath) = FilesOf(options.Root, split);
        foreach (var path in new[] { imagesPath, labelsPath })
        {
            if (!File.Exists(path))
            {
                throw new DatasetNotInstalledException(CatalogName, path, AptPackage);
            }
        }

        var images = ReadCached(imagesPath);
        var labels = ReadCached(labelsPath);
        if (images.Dimensions.Count != 3)
        {
            throw new InvalidDataException($"{imagesPath}: expected an image file with 3 sizes (count, rows, columns), found {images.Dimensions.Count}");
        }

        if (labels.Dimensions.Count != 1)
        {
            throw new InvalidDataException($"{labelsPath}: expected a label file with 1 size, found {labels.Dimensions.Count}");
        }

        if (images.Dimensions[0] != labels.Dimensions[0])
        {
            throw new InvalidDataException($"{imagesPath} holds {images.Dimensions[0]} images but {labelsPath} holds {labels.Dimensions[0]} labels");
        }

        if (images.Dimensions[1] < 1 || images.Dimensions[2] < 1)
        {
            throw new InvalidDataException($"{imagesPath}: images of {images.Dimensions[1]}x{images.Dimensions[2]} pixels");
        }

        for (var i = 0; i < labels.Data.Length; i++)
        {
            if (labels.Data[i] >= Classes.Count)
            {
                throw new InvalidDataException($"{labelsPath}: label {labels.Data[i]} of item {i} is outside 0-{Classes.Count - 1}");
            }
        }

        if (options.Fit == FashionMnistFit.Pad && (options.Size < images.Dimensions[1] || options.Size < images.Dimensions[2]))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{nameof(FashionMnistOptions.Fit)}=Pad needs {nameof(FashionMnistOptions.Size)} >= {Math.Max(images.Dimensions[1], images.Dimensions[2])}, got {options.Size}; use PadThenResize or Resize for smaller images");
        }

        return new FashionMnist(split, options, images, labels);
    }

    /// <summary>The original 28x28 grey image, before any padding or resizing.</summary>
    /// <param name="index">The index.</param>
    public RawImage GetOriginal(int index)
    {
        CheckIndex(index);
        var size = rows * columns;
        return new RawImage(rows, columns, 1, images.Data.AsSpan(index * size, size).ToArray());
    }

    /// <inheritdoc/>
    public long LabelAt(int index)
    {
        CheckIndex(index);
        return labels.Data[index];
    }

    /// <inheritdoc/>
    public ImageExample Get(int index)
    {
        var original = GetOriginal(index);
        var size = Options.Size;
        var fitted = Options.Fit switch
        {
            FashionMnistFit.Pad => ImageTransforms.Pad(original, size, size),
            FashionMnistFit.Resize => ImageTransforms.Resize(original, size, size),
            _ => ImageTransforms.Resize(ImageTransforms.Pad(original, PaddedSide(rows), PaddedSide(columns)), size, size),
        };
        var label = labels.Data[index];
        return new ImageExample(ImageTransforms.ToChannels(fitted, Options.Channels), label, Classes[label], []);
    }

    // 28 -> 32: the padding that puts the kit's 32x32 default exactly around the 28x28 garment.
    private static int PaddedSide(int side) => (int)Math.Round(side * 8 / 7.0);

    private static IdxData ReadCached(string path)
    {
        var info = new FileInfo(path);
        var key = $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
        if (Cache.TryGetValue(key, out var weak) && weak.TryGetTarget(out var cached))
        {
            return cached;
        }

        var data = IdxFile.Read(path);
        Cache[key] = new WeakReference<IdxData>(data);
        return data;
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {Count} examples");
        }
    }
}

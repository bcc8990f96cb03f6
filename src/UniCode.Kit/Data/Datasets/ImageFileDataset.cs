namespace UniCode.Kit.Data.Datasets;

/// <summary>One image file of an <see cref="ImageFileDataset"/> with what is known about it.</summary>
/// <param name="Path">The image file (PNG, JPEG, WebP, BMP, ...).</param>
/// <param name="Label">Its class index, or -1.</param>
/// <param name="Caption">Its caption (may be empty).</param>
/// <param name="QuestionAnswers">Its questions and answers (may be empty).</param>
public sealed record ImageFileEntry(string Path, long Label, string Caption, IReadOnlyList<QuestionAnswer> QuestionAnswers);

/// <summary>
/// A dataset of image files on disk (the readers of LLaVA JSON, caption lists and class folders produce one):
/// each image is decoded when asked for, composited over white if it has alpha, centre-cropped to a square,
/// resized (area averaging when shrinking) and converted to the channel count.
/// </summary>
public sealed class ImageFileDataset : IImageDataset, IQuestionSource
{
    private readonly ImageFileEntry[] entries;

    /// <summary>Creates the dataset.</summary>
    /// <param name="name">A name for messages.</param>
    /// <param name="entries">The files.</param>
    /// <param name="classNames">The class names (empty when labels are -1).</param>
    /// <param name="options">Size, channels, cropping; null for the defaults.</param>
    public ImageFileDataset(string name, IEnumerable<ImageFileEntry> entries, IReadOnlyList<string>? classNames = null, ImageFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        Options = options ?? new ImageFileOptions();
        Options.Validate();

        this.entries = [.. entries];
        ClassNames = classNames ?? [];
        if (Options.VerifyFilesExist)
        {
            for (var i = 0; i < this.entries.Length; i++)
            {
                if (!File.Exists(this.entries[i].Path))
                {
                    throw new FileNotFoundException($"{name}: image of example {i} not found: {this.entries[i].Path}", this.entries[i].Path);
                }
            }
        }
    }

    /// <summary>The options.</summary>
    public ImageFileOptions Options { get; }

    /// <summary>The files, in dataset order.</summary>
    public IReadOnlyList<ImageFileEntry> Entries => entries;

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Count => entries.Length;

    /// <inheritdoc/>
    public int Height => Options.Size;

    /// <inheritdoc/>
    public int Width => Options.Size;

    /// <inheritdoc/>
    public int Channels => Options.Channels;

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc/>
    public long LabelAt(int index) => Entry(index).Label;

    /// <inheritdoc/>
    public IReadOnlyList<QuestionAnswer> QuestionsAt(int index) => Entry(index).QuestionAnswers;

    /// <inheritdoc/>
    public ImageExample Get(int index)
    {
        var entry = Entry(index);
        RawImage decoded;
        // RGBA for every file: OpenCV then expands palettes, grey and grey+alpha alike, and alpha is composited below.
        using (var tensor = Torch.Imaging.ImageIO.Read(entry.Path, Torch.Imaging.ImageMode.Rgba))
        {
            decoded = RawImage.FromTensor(tensor);
        }

        var opaque = ImageTransforms.CompositeOver(decoded, Torch.Imaging.Rgb.White);
        var square = Options.CenterCrop ? ImageTransforms.CenterCropSquare(opaque) : opaque;
        var image = ImageTransforms.ToChannels(ImageTransforms.Resize(square, Options.Size, Options.Size), Options.Channels);
        return new ImageExample(image, entry.Label, entry.Caption, entry.QuestionAnswers);
    }

    private ImageFileEntry Entry(int index)
    {
        if ((uint)index >= (uint)entries.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {entries.Length} examples");
        }

        return entries[index];
    }
}

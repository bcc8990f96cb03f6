namespace UniCode.Kit.Data.Datasets;

/// <summary>
/// Reads an ImageNet-style class-folder tree: root/&lt;class&gt;/**/&lt;image files&gt;. Classes are the
/// sub-folders of the root in ordinal order (label i is the i-th); images are the files with an image
/// extension (.png, .jpg, .jpeg, .webp, .bmp, any case) anywhere under a class folder, in ordinal path order.
/// Other files are ignored.
/// </summary>
public static class ImageFolderDataset
{
    /// <summary>The file extensions read as images.</summary>
    public static IReadOnlySet<string> ImageExtensions { get; } =
        new HashSet<string>([".png", ".jpg", ".jpeg", ".webp", ".bmp"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Lists the tree as a dataset; captions are the class names.</summary>
    /// <param name="root">The folder whose sub-folders are the classes.</param>
    /// <param name="options">Size, channels, cropping; null for the defaults.</param>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    /// <exception cref="InvalidDataException">The root has no class folders, or a class folder has no images (the message names it).</exception>
    public static ImageFileDataset Load(string root, ImageFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"image folder root not found: {root}");
        }

        var classFolders = Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToArray();
        if (classFolders.Length == 0)
        {
            throw new InvalidDataException($"{root}: no class folders (expected root/<class>/<image files>)");
        }

        var classes = classFolders.Select(Path.GetFileName).Select(n => n!).ToArray();
        var entries = new List<ImageFileEntry>();
        for (var label = 0; label < classFolders.Length; label++)
        {
            var files = Directory.EnumerateFiles(classFolders[label], "*", SearchOption.AllDirectories)
                .Where(f => ImageExtensions.Contains(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (files.Length == 0)
            {
                throw new InvalidDataException($"{classFolders[label]}: class folder '{classes[label]}' has no image files ({string.Join(", ", ImageExtensions.Order(StringComparer.Ordinal))})");
            }

            entries.AddRange(files.Select(f => new ImageFileEntry(f, label, classes[label], [])));
        }

        return new ImageFileDataset($"image-folder:{root}", entries, classes, options);
    }
}

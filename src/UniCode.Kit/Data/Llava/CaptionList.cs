using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using UniCode.Kit.Data.Datasets;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Data.Llava;

/// <summary>One image with its caption, as in CC3M-style image-text data.</summary>
/// <param name="Image">The image path, relative to an image folder (or absolute).</param>
/// <param name="Caption">The caption.</param>
public sealed record CaptionRecord(string Image, string Caption);

/// <summary>
/// Reads and writes CC3M-style image/caption lists in one of two formats, chosen by the file's extension:
/// <list type="bullet">
/// <item><c>.tsv</c>: one <c>image path&lt;TAB&gt;caption</c> per line, exactly one tab; an optional first line
/// <c>image&lt;TAB&gt;caption</c> is a header and is skipped.</item>
/// <item><c>.jsonl</c>: one JSON object per line with string fields <c>"image"</c> and <c>"caption"</c> (other fields ignored).</item>
/// </list>
/// Blank lines are skipped. Files are streamed line by line; a malformed line raises
/// <see cref="InvalidDataException"/> naming the file and line. (The original CC3M release lists
/// <c>caption&lt;TAB&gt;url</c>; download the images first, e.g. with img2dataset, and convert its output with
/// <see cref="FromImageTextPairs"/>.)
/// </summary>
public static class CaptionList
{
    // Readable output: keep non-ASCII text and characters such as < and ' as they are.
    private static readonly JsonSerializerOptions JsonLineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Streams the records of a .tsv or .jsonl caption list.</summary>
    /// <param name="path">The file.</param>
    public static IEnumerable<CaptionRecord> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var jsonl = FormatIsJsonLines(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"caption list not found: {path}", path);
        }

        return jsonl ? ReadJsonLines(path) : ReadTsv(path);
    }

    /// <summary>Writes records as a .tsv or .jsonl caption list (by extension), atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="records">The records.</param>
    public static void Write(string path, IEnumerable<CaptionRecord> records)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(records);
        var jsonl = FormatIsJsonLines(path);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            if (!jsonl)
            {
                writer.WriteLine("image\tcaption");
            }

            var number = 0;
            foreach (var record in records)
            {
                number++;
                if (jsonl)
                {
                    writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string> { ["image"] = record.Image, ["caption"] = record.Caption }, JsonLineOptions));
                    continue;
                }

                if (record.Image.Contains('\t') || record.Image.Contains('\n') || record.Caption.Contains('\t') || record.Caption.Contains('\n'))
                {
                    throw new ArgumentException($"record {number} ('{record.Image}') has a tab or line break, which a .tsv caption list cannot hold; write .jsonl instead", nameof(records));
                }

                writer.WriteLine($"{record.Image}\t{record.Caption}");
            }
        });
    }

    /// <summary>A dataset of the listed images (resolved against <paramref name="imageFolder"/>) with their captions.</summary>
    /// <param name="records">The records.</param>
    /// <param name="imageFolder">The folder relative image paths are under.</param>
    /// <param name="options">Size, channels, cropping; null for the defaults.</param>
    /// <param name="name">A name for messages.</param>
    public static ImageFileDataset ToDataset(IEnumerable<CaptionRecord> records, string imageFolder, ImageFileOptions? options = null, string name = "captions")
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrEmpty(imageFolder);
        return new ImageFileDataset(name, records.Select(r => new ImageFileEntry(Path.Combine(imageFolder, r.Image), -1, r.Caption, [])), null, options);
    }

    /// <summary>
    /// Collects image/caption pairs from a folder where each image has a caption file of the same name with
    /// extension .txt (the layout img2dataset writes for CC3M): image paths are relative to the folder, in
    /// ordinal order; images without a caption file are skipped.
    /// </summary>
    /// <param name="folder">The folder (searched recursively).</param>
    public static IReadOnlyList<CaptionRecord> FromImageTextPairs(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"image/caption folder not found: {folder}");
        }

        var records = new List<CaptionRecord>();
        foreach (var image in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Where(f => ImageFolderDataset.ImageExtensions.Contains(Path.GetExtension(f)))
                     .Order(StringComparer.Ordinal))
        {
            var captionFile = Path.ChangeExtension(image, ".txt");
            if (!File.Exists(captionFile))
            {
                continue;
            }

            var caption = string.Join(' ', File.ReadAllLines(captionFile).Select(l => l.Trim()).Where(l => l.Length > 0));
            if (caption.Length > 0)
            {
                records.Add(new CaptionRecord(Path.GetRelativePath(folder, image), caption));
            }
        }

        return records;
    }

    private static bool FormatIsJsonLines(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".jsonl" => true,
            ".tsv" => false,
            _ => throw new ArgumentException($"{path}: a caption list must be .tsv (image<TAB>caption) or .jsonl ({{\"image\", \"caption\"}} per line)", nameof(path)),
        };
    }

    // The non-blank lines of a file with their 1-based line numbers (for error messages).
    private static IEnumerable<(string Line, int Number)> NonBlankLines(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length > 0)
            {
                yield return (line, number);
            }
        }
    }

    private static IEnumerable<CaptionRecord> ReadTsv(string path)
    {
        foreach (var (line, number) in NonBlankLines(path))
        {
            var fields = line.Split('\t');
            if (number == 1 && fields.Length == 2 && fields[0].Trim().Equals("image", StringComparison.OrdinalIgnoreCase) && fields[1].Trim().Equals("caption", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (fields.Length != 2)
            {
                throw new InvalidDataException($"{path}:{number}: expected 'image<TAB>caption' (one tab), found {fields.Length - 1} tabs");
            }

            yield return Validated(fields[0].Trim(), fields[1].Trim(), path, number);
        }
    }

    private static IEnumerable<CaptionRecord> ReadJsonLines(string path)
    {
        foreach (var (line, number) in NonBlankLines(path))
        {
            string? image, caption;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"{path}:{number}: expected a JSON object, found {root.ValueKind}");
                }

                image = root.TryGetProperty("image", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                caption = root.TryGetProperty("caption", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{number}: not valid JSON: {e.Message}", e);
            }

            if (image is null || caption is null)
            {
                throw new InvalidDataException($"{path}:{number}: needs string fields \"image\" and \"caption\"");
            }

            yield return Validated(image.Trim(), caption.Trim(), path, number);
        }
    }

    private static CaptionRecord Validated(string image, string caption, string path, int number)
    {
        if (image.Length == 0)
        {
            throw new InvalidDataException($"{path}:{number}: empty image path");
        }

        if (caption.Length == 0)
        {
            throw new InvalidDataException($"{path}:{number}: empty caption for '{image}'");
        }

        return new CaptionRecord(image, caption);
    }
}

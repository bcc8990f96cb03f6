using System.Text.Json;
using System.Text.RegularExpressions;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Data.Llava;

/// <summary>What <see cref="LlavaConverter.Convert"/> read and wrote.</summary>
/// <param name="Read">Records read.</param>
/// <param name="Written">Records written to conversations.json.</param>
/// <param name="TextOnly">Text-only records read (written only when kept).</param>
/// <param name="MissingImages">Image records dropped because their image was missing.</param>
/// <param name="Captions">Single-turn image records written to captions.tsv as image/caption pairs.</param>
/// <param name="ManifestPath">The manifest that <see cref="LlavaConverter.OpenManifest"/> reads.</param>
public sealed record LlavaConvertReport(int Read, int Written, int TextOnly, int MissingImages, int Captions, string ManifestPath);

/// <summary>The description of a converted data folder (manifest.json).</summary>
/// <param name="Conversations">The LLaVA JSON file of the kept records (relative to the manifest).</param>
/// <param name="Captions">The image/caption list of the single-turn records (relative to the manifest).</param>
/// <param name="ImageFolder">The absolute folder the records' image paths are relative to.</param>
/// <param name="Source">The file the data was converted from.</param>
public sealed record ConvertedDataManifest(string Conversations, string Captions, string ImageFolder, string Source);

/// <summary>
/// Converts the paper's downloaded data into what the kit reads. LCS-558K
/// (blip_laion_cc_sbu_558k.json), mix665K (llava_v1_5_mix665k.json) and CC3M-595K (chat.json) are LLaVA JSON:
/// <see cref="Convert"/> validates every record (errors name the record), drops records whose image is
/// missing, and writes conversations.json (the kept records), captions.tsv (single-turn image records as
/// image/caption pairs: the pre-training form) and manifest.json (which names the image folder). A CC3M
/// download made with img2dataset (image + .txt caption files) becomes a caption list with
/// <see cref="ConvertImageTextPairs"/>.
/// </summary>
public static partial class LlavaConverter
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestName = "manifest.json";

    // camelCase keys, read case-insensitively, indented for people who open the file.
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Converts a LLaVA JSON file whose images are under <paramref name="imageFolder"/>.</summary>
    /// <param name="inputJson">The downloaded JSON.</param>
    /// <param name="imageFolder">The folder its image paths are relative to.</param>
    /// <param name="outputDirectory">Where to write conversations.json, captions.tsv and manifest.json.</param>
    /// <param name="options">Limit and filtering; null for the defaults.</param>
    public static LlavaConvertReport Convert(string inputJson, string imageFolder, string outputDirectory, LlavaConvertOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputJson);
        ArgumentException.ThrowIfNullOrEmpty(imageFolder);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        options ??= new LlavaConvertOptions();
        options.Validate();

        if (!Directory.Exists(imageFolder))
        {
            throw new DirectoryNotFoundException($"image folder not found: {imageFolder}");
        }

        var images = Path.GetFullPath(imageFolder);
        var output = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(output);
        int read = 0, textOnly = 0, missing = 0;

        IEnumerable<LlavaRecord> Kept()
        {
            foreach (var record in LlavaJson.Read(inputJson))
            {
                if (options.Limit is { } limit && read >= limit)
                {
                    yield break;
                }

                read++;
                if (record.Image is null)
                {
                    textOnly++;
                    if (options.KeepTextOnly)
                    {
                        yield return record;
                    }

                    continue;
                }

                var path = LlavaJson.ResolveImage(record, images)!;
                if (!File.Exists(path))
                {
                    if (!options.DropMissingImages)
                    {
                        throw new FileNotFoundException($"{inputJson}: image of record {read - 1} (id {record.Id}) not found: {path}", path);
                    }

                    missing++;
                    continue;
                }

                yield return record;
            }
        }

        var conversations = Path.Combine(output, "conversations.json");
        var written = LlavaJson.Write(conversations, Kept());

        // A second streaming pass over the validated output, so neither list is ever held in memory.
        var captions = 0;
        CaptionList.Write(Path.Combine(output, "captions.tsv"), LlavaJson.Read(conversations).Select(AsCaption).OfType<CaptionRecord>().Select(c =>
        {
            captions++;
            return c;
        }));
        var manifest = new ConvertedDataManifest("conversations.json", "captions.tsv", images, Path.GetFullPath(inputJson));
        var manifestPath = Path.Combine(output, ManifestName);
        AtomicFile.WriteAllBytes(manifestPath, JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson));
        return new LlavaConvertReport(read, written, textOnly, missing, captions, manifestPath);
    }

    /// <summary>Reads a manifest written by <see cref="Convert"/>.</summary>
    /// <param name="manifestPath">manifest.json, or the folder holding it.</param>
    public static ConvertedDataManifest OpenManifest(string manifestPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        var path = Directory.Exists(manifestPath) ? Path.Combine(manifestPath, ManifestName) : manifestPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"converted-data manifest not found: {path}", path);
        }

        ConvertedDataManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ConvertedDataManifest>(File.ReadAllBytes(path), ManifestJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a converted-data manifest: {e.Message}", e);
        }

        if (manifest is null || string.IsNullOrEmpty(manifest.Conversations) || string.IsNullOrEmpty(manifest.Captions) || string.IsNullOrEmpty(manifest.ImageFolder))
        {
            throw new InvalidDataException($"{path}: a converted-data manifest needs Conversations, Captions and ImageFolder");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return manifest with { Conversations = Path.Combine(folder, manifest.Conversations), Captions = Path.Combine(folder, manifest.Captions) };
    }

    /// <summary>Writes the image/caption pairs of an img2dataset-style folder (CC3M) as a caption list.</summary>
    /// <param name="folder">The folder of images with same-named .txt captions.</param>
    /// <param name="outputPath">The caption list to write (.tsv or .jsonl); image paths are relative to <paramref name="folder"/>.</param>
    /// <returns>How many pairs were written.</returns>
    public static int ConvertImageTextPairs(string folder, string outputPath)
    {
        var records = CaptionList.FromImageTextPairs(folder);
        CaptionList.Write(outputPath, records.Select(r => r with { Caption = OneLine(r.Caption) }));
        return records.Count;
    }

    // A single-turn image record is an image/caption pair; tabs and line breaks would break the .tsv.
    private static CaptionRecord? AsCaption(LlavaRecord record)
    {
        if (record.Image is null || record.Conversations.Count != 2 || record.Image.Contains('\t') || record.Image.Contains('\n'))
        {
            return null;
        }

        var caption = OneLine(record.Conversations[1].Value);
        return caption.Length == 0 ? null : new CaptionRecord(record.Image, caption);
    }

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

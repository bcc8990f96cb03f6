using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Text;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Data.Llava;

/// <summary>
/// Reads and writes LLaVA's instruction data (LCS-558K, mix665K, CC3M-595K's chat.json): a JSON array of
/// <c>{"id", "image"?, "conversations": [{"from": "human"|"gpt", "value"}, ...]}</c>. Reading streams the
/// array one record at a time (the files are hundreds of megabytes) and validates each record: a string (or
/// number) id; an optional non-empty image path; turns alternating human/gpt from human to gpt; exactly one
/// <c>&lt;image&gt;</c> in the human turns of an image record and none in a text-only record. A malformed
/// record raises <see cref="InvalidDataException"/> naming the file and the record's index.
/// </summary>
public static class LlavaJson
{
    /// <summary>Streams the records of a LLaVA JSON file.</summary>
    /// <param name="path">The file.</param>
    public static IEnumerable<LlavaRecord> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"LLaVA JSON file not found: {path}", path);
        }

        return ReadStream(path);
    }

    /// <summary>Checks one record (as parsed JSON) and converts it.</summary>
    /// <param name="element">The record's JSON.</param>
    /// <param name="source">A name for the file in error messages.</param>
    /// <param name="index">The record's index in the file.</param>
    public static LlavaRecord Parse(JsonElement element, string source, long index)
    {
        string Where() => $"{source}: record {index}";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{Where()}: expected an object, found {element.ValueKind}");
        }

        string id;
        if (element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
        {
            id = idElement.GetString()!;
        }
        else if (idElement.ValueKind == JsonValueKind.Number)
        {
            id = idElement.GetRawText();
        }
        else
        {
            throw new InvalidDataException($"{Where()}: needs an \"id\" (string or number)");
        }

        string? image = null;
        if (element.TryGetProperty("image", out var imageElement) && imageElement.ValueKind != JsonValueKind.Null)
        {
            if (imageElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(imageElement.GetString()))
            {
                throw new InvalidDataException($"{Where()} (id {id}): \"image\" must be a non-empty path");
            }

            image = imageElement.GetString()!.Trim();
        }

        if (!element.TryGetProperty("conversations", out var turnsElement) || turnsElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{Where()} (id {id}): needs a \"conversations\" array");
        }

        var turns = new List<DialogueTurn>();
        foreach (var turn in turnsElement.EnumerateArray())
        {
            var position = turns.Count;
            if (turn.ValueKind != JsonValueKind.Object
                || !turn.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.String
                || !turn.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"{Where()} (id {id}): turn {position} needs string fields \"from\" and \"value\"");
            }

            var expected = position % 2 == 0 ? LlavaRecord.Human : LlavaRecord.Gpt;
            if (from.GetString() != expected)
            {
                throw new InvalidDataException($"{Where()} (id {id}): turn {position} is from \"{from.GetString()}\", expected \"{expected}\" (turns alternate human, gpt)");
            }

            turns.Add(new DialogueTurn(expected, value.GetString()!));
        }

        if (turns.Count == 0 || turns.Count % 2 != 0)
        {
            throw new InvalidDataException($"{Where()} (id {id}): a conversation needs human/gpt pairs, found {turns.Count} turns");
        }

        var inHuman = turns.Where(t => t.From == LlavaRecord.Human).Sum(t => Occurrences(t.Value, LlavaRecord.ImageToken));
        var inGpt = turns.Where(t => t.From == LlavaRecord.Gpt).Sum(t => Occurrences(t.Value, LlavaRecord.ImageToken));
        if (inGpt > 0)
        {
            throw new InvalidDataException($"{Where()} (id {id}): a gpt turn contains {LlavaRecord.ImageToken}");
        }

        if (image is not null && inHuman != 1)
        {
            throw new InvalidDataException($"{Where()} (id {id}): an image record needs exactly one {LlavaRecord.ImageToken} in its human turns, found {inHuman}");
        }

        if (image is null && inHuman != 0)
        {
            throw new InvalidDataException($"{Where()} (id {id}): a text-only record has {LlavaRecord.ImageToken} but no \"image\"");
        }

        return new LlavaRecord(id, image, turns);
    }

    /// <summary>Writes records as a LLaVA JSON array, atomically (streamed: records are not held in memory).</summary>
    /// <param name="path">The file.</param>
    /// <param name="records">The records.</param>
    /// <returns>How many records were written.</returns>
    public static int Write(string path, IEnumerable<LlavaRecord> records)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(records);
        var count = 0;
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartArray();
            foreach (var record in records)
            {
                writer.WriteStartObject();
                writer.WriteString("id", record.Id);
                if (record.Image is not null)
                {
                    writer.WriteString("image", record.Image);
                }

                writer.WriteStartArray("conversations");
                foreach (var turn in record.Conversations)
                {
                    writer.WriteStartObject();
                    writer.WriteString("from", turn.From);
                    writer.WriteString("value", turn.Value);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                count++;
                if (writer.BytesPending > 1 << 20)
                {
                    writer.Flush();
                }
            }

            writer.WriteEndArray();
            writer.Flush();
            stream.Write(Encoding.UTF8.GetBytes("\n"));
        });
        return count;
    }

    /// <summary>
    /// A dataset of the image records (text-only records are left out), images resolved against
    /// <paramref name="imageFolder"/>; the caption is the first answer, the questions are the conversation's pairs.
    /// </summary>
    /// <param name="records">The records.</param>
    /// <param name="imageFolder">The folder the image paths are relative to.</param>
    /// <param name="options">Size, channels, cropping; null for the defaults.</param>
    /// <param name="name">A name for messages.</param>
    public static ImageFileDataset ToDataset(IEnumerable<LlavaRecord> records, string imageFolder, ImageFileOptions? options = null, string name = "llava")
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrEmpty(imageFolder);
        var entries = records.Where(r => r.Image is not null).Select(r =>
        {
            var pairs = r.ToQuestionAnswers();
            return new ImageFileEntry(ResolveImage(r, imageFolder)!, -1, pairs[0].Answer, pairs);
        });
        return new ImageFileDataset(name, entries, null, options);
    }

    /// <summary>The full path of a record's image under <paramref name="imageFolder"/>, or null for a text-only record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="imageFolder">The image folder.</param>
    public static string? ResolveImage(LlavaRecord record, string imageFolder)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(imageFolder);
        return record.Image is null ? null : Path.GetFullPath(Path.Combine(imageFolder, record.Image));
    }

    private static IEnumerable<LlavaRecord> ReadStream(string path)
    {
        long index = 0;
        foreach (var element in JsonArrayReader.ReadFile(path))
        {
            yield return Parse(element, path, index);
            index++;
        }
    }

    private static int Occurrences(string text, string token)
    {
        var count = 0;
        for (var at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + token.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

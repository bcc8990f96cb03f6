using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace UniCode.Kit.Text;

/// <summary>
/// The JSON form of a <see cref="BpeTokenizer"/>:
/// <code>
/// { "format": "unicode-kit/bpe-tokenizer", "version": 1,
///   "special_tokens": ["&lt;|bos|&gt;", ...],      // ids 256, 257, ...
///   "merges": [[104, 101], ...],                // merge i creates id 256 + special count + i
///   "vocab": ["\u0100", ..., "Ġthe", ...] }     // every id's bytes, readable; checked against the merges
/// </code>
/// One entry per line so a diff of two vocabularies reads well. Reading checks everything and reports the
/// first problem with the file's name.
/// </summary>
internal static class BpeTokenizerFile
{
    /// <summary>The value of the "format" field.</summary>
    public const string FormatName = "unicode-kit/bpe-tokenizer";

    /// <summary>The version this code writes and reads.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text of <paramref name="tokenizer"/>.</summary>
    /// <param name="tokenizer">The tokenizer to write.</param>
    public static string Write(BpeTokenizer tokenizer)
    {
        var json = new StringBuilder();
        json.Append("{\n");
        json.Append($"  \"format\": {Quote(FormatName)},\n");
        json.Append($"  \"version\": {FormatVersion},\n");
        json.Append("  \"special_tokens\": [");
        AppendLines(json, tokenizer.SpecialTokens.Select(Quote));
        json.Append("],\n  \"merges\": [");
        AppendLines(json, tokenizer.Merges.Select(m => $"[{m.Left}, {m.Right}]"));
        json.Append("],\n  \"vocab\": [");
        AppendLines(json, Enumerable.Range(0, tokenizer.VocabularySize).Select(id => Quote(tokenizer.GetTokenDisplay(id))));
        json.Append("]\n}\n");
        return json.ToString();
    }

    /// <summary>Parses and checks a tokenizer's JSON.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="source">Names the input in error messages, e.g. "the tokenizer file '/x/tok.json'".</param>
    public static BpeTokenizer Read(byte[] utf8, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"it is not valid JSON, it may be truncated ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, "the top level is not a JSON object");
            }

            var format = Property(root, "format", JsonValueKind.String, source).GetString();
            if (format != FormatName)
            {
                throw Invalid(source, $"its format is '{format}', not '{FormatName}'");
            }

            var version = Property(root, "version", JsonValueKind.Number, source);
            if (!version.TryGetInt32(out var v) || v != FormatVersion)
            {
                throw Invalid(source, $"its version is {version.GetRawText()}; this kit reads version {FormatVersion}");
            }

            var specials = new List<string>();
            foreach (var item in Property(root, "special_tokens", JsonValueKind.Array, source).EnumerateArray())
            {
                specials.Add(item.ValueKind == JsonValueKind.String
                    ? item.GetString()!
                    : throw Invalid(source, $"special token {specials.Count} is not a string"));
            }

            var merges = new List<(int, int)>();
            foreach (var item in Property(root, "merges", JsonValueKind.Array, source).EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 2
                    || !item[0].TryGetInt32(out var left) || !item[1].TryGetInt32(out var right))
                {
                    throw Invalid(source, $"merge {merges.Count} is not a pair of integer ids: {item.GetRawText()}");
                }

                merges.Add((left, right));
            }

            if ((BpeTokenizer.FindSpecialTokenProblem(specials)
                 ?? BpeMerges.FindProblem(BpeTokenizer.ByteTokenCount + specials.Count, merges)) is { } problem)
            {
                throw Invalid(source, problem);
            }

            var tokenizer = new BpeTokenizer(specials, merges);

            var vocab = Property(root, "vocab", JsonValueKind.Array, source);
            if (vocab.GetArrayLength() != tokenizer.VocabularySize)
            {
                throw Invalid(source,
                    $"its vocab has {vocab.GetArrayLength()} entries but its bytes, special tokens and merges make {tokenizer.VocabularySize}");
            }

            var id = 0;
            foreach (var item in vocab.EnumerateArray())
            {
                var expected = tokenizer.GetTokenDisplay(id);
                if (item.ValueKind != JsonValueKind.String || item.GetString() != expected)
                {
                    throw Invalid(source, $"vocab entry {id} is {item.GetRawText()} but the merges give {Quote(expected)}");
                }

                id++;
            }

            return tokenizer;
        }
    }

    private static JsonElement Property(JsonElement root, string name, JsonValueKind kind, string source)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw Invalid(source, $"the \"{name}\" field is missing");
        }

        return value.ValueKind == kind ? value : throw Invalid(source, $"the \"{name}\" field is not a JSON {kind.ToString().ToLowerInvariant()}");
    }

    private static InvalidDataException Invalid(string source, string problem, Exception? inner = null) =>
        new($"Cannot read {source}: {problem}.", inner);

    private static string Quote(string text) => JsonSerializer.Serialize(text, StringOptions);

    private static void AppendLines(StringBuilder json, IEnumerable<string> items)
    {
        var first = true;
        foreach (var item in items)
        {
            json.Append(first ? "\n    " : ",\n    ").Append(item);
            first = false;
        }

        if (!first)
        {
            json.Append("\n  ");
        }
    }
}

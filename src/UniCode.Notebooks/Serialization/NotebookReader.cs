using System.Text.Json;
using System.Text.Json.Nodes;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Serialization;

/// <summary>
/// Reads nbformat 4 JSON (any minor version) into a <see cref="Notebook"/>. Cells without a valid,
/// unique id (nbformat before 4.5, or hand edits) get a derived one, as nbformat itself repairs them.
/// </summary>
public static class NotebookReader
{
    /// <summary>Reads the notebook file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="NotebookFormatException">The file is not valid nbformat 4 JSON.</exception>
    public static Notebook Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Notebook '{fullPath}' does not exist.", fullPath);
        }

        string json;
        try
        {
            json = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Notebook '{fullPath}' could not be read: {e.Message}", e);
        }

        return Parse(json, fullPath);
    }

    /// <summary>Parses notebook JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">Names the source in error messages, e.g. a file path.</param>
    /// <exception cref="NotebookFormatException">The text is not valid nbformat 4 JSON.</exception>
    public static Notebook Parse(string json, string sourceName = "<text>")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(sourceName, $"it is not JSON ({e.Message})", e);
        }

        return new Parser(sourceName).ParseNotebook(root);
    }

    private sealed class Parser(string sourceName)
    {
        public Notebook ParseNotebook(JsonNode? root)
        {
            var obj = root as JsonObject ?? throw Fail("the top level is not a JSON object");
            var major = RequiredInt(obj, "nbformat", "the notebook");
            if (major != Notebook.FormatMajor)
            {
                throw Fail($"nbformat {major} is not supported (only nbformat {Notebook.FormatMajor})");
            }

            var minor = RequiredInt(obj, "nbformat_minor", "the notebook");
            if (minor < 0)
            {
                throw Fail($"nbformat_minor {minor} is negative");
            }

            var notebook = new Notebook(OptionalObject(obj, "metadata", "the notebook") ?? [], minor);
            var cells = obj["cells"] as JsonArray ?? throw Fail("'cells' is missing or not an array");
            var usedIds = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < cells.Count; i++)
            {
                notebook.Add(ParseCell(cells[i], i, usedIds));
            }

            return notebook;
        }

        private NotebookCell ParseCell(JsonNode? node, int index, HashSet<string> usedIds)
        {
            var where = $"cell {index}";
            var obj = node as JsonObject ?? throw Fail($"{where} is not a JSON object");
            var type = RequiredString(obj, "cell_type", where) switch
            {
                "code" => CellType.Code,
                "markdown" => CellType.Markdown,
                "raw" => CellType.Raw,
                var other => throw Fail($"{where} has unknown cell_type '{other}'"),
            };
            var source = RequiredMultiline(obj, "source", where);
            var metadata = OptionalObject(obj, "metadata", where) ?? [];
            var id = obj["id"] is JsonValue idValue && idValue.TryGetValue(out string? text) ? text : null;
            var keepId = NotebookCell.IsValidId(id) && usedIds.Add(id!);
            var cell = new NotebookCell(type, source, keepId ? id : null, metadata);

            if (type == CellType.Code)
            {
                cell.ExecutionCount = OptionalCount(obj, "execution_count", where);
                if (obj["outputs"] is { } outputs)
                {
                    var array = outputs as JsonArray ?? throw Fail($"{where}: 'outputs' is not an array");
                    for (var o = 0; o < array.Count; o++)
                    {
                        cell.Outputs.Add(ParseOutput(array[o], $"{where} output {o}"));
                    }
                }
            }
            else
            {
                cell.Attachments = OptionalObject(obj, "attachments", where);
            }

            return cell;
        }

        private CellOutput ParseOutput(JsonNode? node, string where)
        {
            var obj = node as JsonObject ?? throw Fail($"{where} is not a JSON object");
            return RequiredString(obj, "output_type", where) switch
            {
                "stream" => new StreamOutput(RequiredString(obj, "name", where), RequiredMultiline(obj, "text", where)),
                "display_data" => new DisplayDataOutput(RequiredBundle(obj, where), OptionalObject(obj, "metadata", where)),
                "execute_result" => new ExecuteResultOutput(
                    OptionalCount(obj, "execution_count", where), RequiredBundle(obj, where), OptionalObject(obj, "metadata", where)),
                "error" => new ErrorOutput(
                    RequiredString(obj, "ename", where), RequiredString(obj, "evalue", where), RequiredStrings(obj, "traceback", where)),
                var other => throw Fail($"{where} has unknown output_type '{other}'"),
            };
        }

        private MimeBundle RequiredBundle(JsonObject obj, string where)
        {
            var data = obj["data"] as JsonObject ?? throw Fail($"{where}: 'data' is missing or not an object");
            return new MimeBundle((JsonObject)data.DeepClone());
        }

        private int RequiredInt(JsonObject obj, string key, string where) =>
            obj[key] is JsonValue value && value.TryGetValue(out int number)
                ? number
                : throw Fail($"{where}: '{key}' is missing or not an integer");

        private int? OptionalCount(JsonObject obj, string key, string where)
        {
            var node = obj[key];
            if (node is null)
            {
                return null;
            }

            return node is JsonValue value && value.TryGetValue(out int number) && number >= 0
                ? number
                : throw Fail($"{where}: '{key}' is not a non-negative integer or null");
        }

        private string RequiredString(JsonObject obj, string key, string where) =>
            obj[key] is JsonValue value && value.TryGetValue(out string? text)
                ? text
                : throw Fail($"{where}: '{key}' is missing or not a string");

        private string RequiredMultiline(JsonObject obj, string key, string where) =>
            MultilineText.TryJoin(obj[key], out var text)
                ? text
                : throw Fail($"{where}: '{key}' is missing or not a string or list of strings");

        private string[] RequiredStrings(JsonObject obj, string key, string where)
        {
            var array = obj[key] as JsonArray ?? throw Fail($"{where}: '{key}' is missing or not an array");
            return array.Select(item => item is JsonValue value && value.TryGetValue(out string? text)
                    ? text
                    : throw Fail($"{where}: '{key}' holds a non-string"))
                .ToArray();
        }

        private JsonObject? OptionalObject(JsonObject obj, string key, string where)
        {
            if (!obj.TryGetPropertyValue(key, out var node) || node is null)
            {
                return null;
            }

            return node is JsonObject child
                ? (JsonObject)child.DeepClone()
                : throw Fail($"{where}: '{key}' is not an object");
        }

        private NotebookFormatException Fail(string problem) => new(sourceName, problem);
    }
}

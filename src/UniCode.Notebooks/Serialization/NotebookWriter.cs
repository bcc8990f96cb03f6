using System.Text.Json.Nodes;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Serialization;

/// <summary>
/// Writes a <see cref="Notebook"/> as nbformat 4.5 JSON the way Jupyter and VS Code do (keys sorted,
/// one-space indent, text as lists of lines, trailing newline), so re-saving in either tool keeps
/// diffs small.
/// </summary>
public static class NotebookWriter
{
    // Text mime types (and two text-like ones) are split into lines, as nbformat does.
    private static readonly HashSet<string> SplitNonTextMimeTypes = ["application/javascript", "image/svg+xml"];

    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/> atomically (temp file, then rename).</summary>
    public static void Write(Notebook notebook, string path)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, Serialize(notebook));
    }

    /// <summary>The notebook as nbformat 4.5 JSON text.</summary>
    public static string Serialize(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return JsonText.Write(ToJson(notebook)) + "\n";
    }

    /// <summary>The notebook as an nbformat 4.5 JSON object.</summary>
    public static JsonObject ToJson(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var cells = new JsonArray();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (!ids.Add(cell.Id))
            {
                throw new InvalidOperationException($"Cell {i} repeats the id '{cell.Id}'; cell ids must be unique.");
            }

            cells.Add(CellToJson(cell));
        }

        return new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = notebook.Metadata.DeepClone(),
            ["nbformat"] = Notebook.FormatMajor,
            ["nbformat_minor"] = Math.Max(notebook.FormatMinor, Notebook.MinimumWrittenFormatMinor),
        };
    }

    private static JsonObject CellToJson(NotebookCell cell)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.CellType switch
            {
                CellType.Code => "code",
                CellType.Markdown => "markdown",
                _ => "raw",
            },
            ["id"] = cell.Id,
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = MultilineText.ToLines(cell.Source),
        };

        if (cell.CellType == CellType.Code)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray(cell.Outputs.Select(OutputToJson).ToArray());
        }
        else if (cell.Attachments is not null)
        {
            json["attachments"] = cell.Attachments.DeepClone();
        }

        return json;
    }

    private static JsonNode OutputToJson(CellOutput output) => output switch
    {
        StreamOutput stream => new JsonObject
        {
            ["output_type"] = stream.OutputType,
            ["name"] = stream.Name,
            ["text"] = MultilineText.ToLines(stream.Text),
        },
        DisplayDataOutput display => new JsonObject
        {
            ["output_type"] = display.OutputType,
            ["data"] = BundleToJson(display.Data),
            ["metadata"] = display.Metadata.DeepClone(),
        },
        ExecuteResultOutput result => new JsonObject
        {
            ["output_type"] = result.OutputType,
            ["execution_count"] = result.ExecutionCount,
            ["data"] = BundleToJson(result.Data),
            ["metadata"] = result.Metadata.DeepClone(),
        },
        ErrorOutput error => new JsonObject
        {
            ["output_type"] = error.OutputType,
            ["ename"] = error.ErrorName,
            ["evalue"] = error.ErrorValue,
            ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
        },
        _ => throw new InvalidOperationException($"Unknown output type {output.GetType().Name}."),
    };

    private static JsonObject BundleToJson(MimeBundle bundle)
    {
        var json = new JsonObject();
        foreach (var (mimeType, value) in bundle)
        {
            var split = mimeType.StartsWith("text/", StringComparison.Ordinal) || SplitNonTextMimeTypes.Contains(mimeType);
            json[mimeType] = split && value is JsonValue text && text.TryGetValue(out string? content)
                ? MultilineText.ToLines(content)
                : value?.DeepClone();
        }

        return json;
    }
}

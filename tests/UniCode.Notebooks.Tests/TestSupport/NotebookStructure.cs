using System.Text.Json.Nodes;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Tests.TestSupport;

/// <summary>
/// A structural nbformat 4.5 check in C#, independent of the writer: exact key sets, types, unique
/// ids and execute results numbered like their cell.
/// </summary>
internal static class NotebookStructure
{
    public static void AssertValid(string notebookPath)
    {
        var root = Assert.IsType<JsonObject>(JsonNode.Parse(File.ReadAllText(notebookPath)));
        AssertKeys(root, ["cells", "metadata", "nbformat", "nbformat_minor"], [], "notebook");
        Assert.Equal(4, root["nbformat"]!.GetValue<int>());
        Assert.True(root["nbformat_minor"]!.GetValue<int>() >= 5, "nbformat_minor must be at least 5 when cells have ids");
        Assert.IsType<JsonObject>(root["metadata"]);

        var ids = new HashSet<string>();
        var cells = Assert.IsType<JsonArray>(root["cells"]);
        for (var i = 0; i < cells.Count; i++)
        {
            var where = $"cell {i}";
            var cell = Assert.IsType<JsonObject>(cells[i]);
            var type = cell["cell_type"]!.GetValue<string>();
            if (type == "code")
            {
                AssertKeys(cell, ["cell_type", "execution_count", "id", "metadata", "outputs", "source"], [], where);
            }
            else
            {
                Assert.Contains(type, new[] { "markdown", "raw" });
                AssertKeys(cell, ["cell_type", "id", "metadata", "source"], ["attachments"], where);
            }

            var id = cell["id"]!.GetValue<string>();
            Assert.True(NotebookCell.IsValidId(id), $"{where}: invalid id '{id}'");
            Assert.True(ids.Add(id), $"{where}: duplicate id '{id}'");
            Assert.IsType<JsonObject>(cell["metadata"]);
            AssertLines(cell["source"], $"{where} source");
            if (type != "code")
            {
                continue;
            }

            var count = cell["execution_count"] is { } countNode ? countNode.GetValue<int>() : (int?)null;
            Assert.True(count is null or >= 0, $"{where}: negative execution_count");
            var outputs = Assert.IsType<JsonArray>(cell["outputs"]);
            for (var o = 0; o < outputs.Count; o++)
            {
                AssertOutput(Assert.IsType<JsonObject>(outputs[o]), count, $"{where} output {o}");
            }
        }
    }

    private static void AssertOutput(JsonObject output, int? cellCount, string where)
    {
        switch (output["output_type"]!.GetValue<string>())
        {
            case "stream":
                AssertKeys(output, ["name", "output_type", "text"], [], where);
                Assert.Contains(output["name"]!.GetValue<string>(), new[] { "stdout", "stderr" });
                AssertLines(output["text"], where);
                break;
            case "display_data":
                AssertKeys(output, ["data", "metadata", "output_type"], [], where);
                AssertBundle(output, where);
                break;
            case "execute_result":
                AssertKeys(output, ["data", "execution_count", "metadata", "output_type"], [], where);
                AssertBundle(output, where);
                Assert.Equal(cellCount, output["execution_count"]?.GetValue<int>());
                break;
            case "error":
                AssertKeys(output, ["ename", "evalue", "output_type", "traceback"], [], where);
                Assert.False(string.IsNullOrEmpty(output["ename"]!.GetValue<string>()), $"{where}: empty ename");
                _ = output["evalue"]!.GetValue<string>();
                Assert.All(Assert.IsType<JsonArray>(output["traceback"]), line => line!.GetValue<string>());
                break;
            default:
                Assert.Fail($"{where}: unknown output_type");
                break;
        }
    }

    private static void AssertBundle(JsonObject output, string where)
    {
        Assert.IsType<JsonObject>(output["metadata"]);
        var data = Assert.IsType<JsonObject>(output["data"]);
        Assert.NotEmpty(data);
        foreach (var (mime, value) in data)
        {
            if (mime.StartsWith("image/", StringComparison.Ordinal) && mime != "image/svg+xml")
            {
                Assert.True(value is JsonValue, $"{where}: {mime} should be one base64 string");
            }
            else if (!mime.EndsWith("json", StringComparison.Ordinal))
            {
                AssertLines(value, $"{where} {mime}");
            }
        }
    }

    private static void AssertLines(JsonNode? node, string where)
    {
        var lines = Assert.IsType<JsonArray>(node);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i]!.GetValue<string>();
            var isLast = i == lines.Count - 1;
            Assert.True(isLast || line.EndsWith('\n'), $"{where}: line {i} does not end with a newline");
            Assert.True(line.IndexOf('\n') is -1 || line.IndexOf('\n') == line.Length - 1, $"{where}: line {i} holds several lines");
        }
    }

    private static void AssertKeys(JsonObject obj, string[] required, string[] optional, string where)
    {
        var keys = obj.Select(pair => pair.Key).ToHashSet();
        foreach (var key in required)
        {
            Assert.True(keys.Contains(key), $"{where}: missing '{key}'");
        }

        var extra = keys.Except(required).Except(optional).ToArray();
        Assert.True(extra.Length == 0, $"{where}: unexpected keys {string.Join(", ", extra)}");
    }
}

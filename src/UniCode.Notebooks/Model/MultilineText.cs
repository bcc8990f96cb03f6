using System.Text;
using System.Text.Json.Nodes;

namespace UniCode.Notebooks.Model;

/// <summary>
/// nbformat's <c>multiline_string</c>: a string or a list of strings that are joined. Files store
/// text as lines (each keeping its <c>\n</c>) so that version control diffs stay line based.
/// </summary>
internal static class MultilineText
{
    public static bool TryJoin(JsonNode? node, out string text)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue(out string? single):
                text = single;
                return true;
            case JsonArray lines:
                var builder = new StringBuilder();
                foreach (var line in lines)
                {
                    if (line is not JsonValue lineValue || !lineValue.TryGetValue(out string? part))
                    {
                        text = "";
                        return false;
                    }

                    builder.Append(part);
                }

                text = builder.ToString();
                return true;
            default:
                text = "";
                return false;
        }
    }

    /// <summary>Splits after every <c>\n</c>, keeping it, like Python's <c>splitlines(True)</c> for <c>\n</c> and <c>\r\n</c>.</summary>
    public static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    public static JsonArray ToLines(string text) =>
        new(SplitLines(text).Select(line => (JsonNode?)JsonValue.Create(line)).ToArray());
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UniCode.Notebooks.Serialization;

/// <summary>
/// JSON text laid out exactly as Jupyter (<c>json.dumps(sort_keys=True, indent=1, ensure_ascii=False)</c>)
/// and VS Code write notebooks: keys in ordinal order, one space per level, non-ASCII text unescaped.
/// System.Text.Json's writer escapes characters outside the basic plane, so a file re-saved by it
/// would differ from the one the tools wrote.
/// </summary>
internal static class JsonText
{
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj when obj.Count == 0:
                builder.Append("{}");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? "\n" : ",\n").Append(' ', depth + 1);
                    WriteString(builder, key);
                    builder.Append(": ");
                    Write(builder, value, depth + 1);
                    first = false;
                }

                builder.Append('\n').Append(' ', depth).Append('}');
                break;
            case JsonArray array when array.Count == 0:
                builder.Append("[]");
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "\n" : ",\n").Append(' ', depth + 1);
                    Write(builder, array[i], depth + 1);
                }

                builder.Append('\n').Append(' ', depth).Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            default:
                // Numbers, booleans and nulls keep the text they were read with.
                builder.Append(node.ToJsonString());
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                default:
                    var lone = char.IsSurrogate(c)
                        && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
                    if (c < 0x20 || lone)
                    {
                        // Control characters must be escaped; a lone surrogate has no UTF-8 form.
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}

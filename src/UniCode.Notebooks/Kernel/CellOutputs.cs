using System.Text.Json.Nodes;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Kernel;

/// <summary>
/// Turns a cell's kernel events into nbformat outputs as VS Code shows them: console text as <c>stream</c>
/// (consecutive writes to one stream merged), <c>display(...)</c> as <c>display_data</c>, an update replacing the
/// output with the same value id, and the cell's trailing value as <c>execute_result</c>.
/// </summary>
internal static class CellOutputs
{
    public static List<CellOutput> FromEvents(IEnumerable<JsonObject> events, int executionCount)
    {
        var outputs = new List<CellOutput>();
        var displays = new Dictionary<string, DisplayDataOutput>(StringComparer.Ordinal);
        foreach (var envelope in events)
        {
            var body = envelope["event"] as JsonObject ?? [];
            switch (KernelProcess.EventType(envelope))
            {
                case "StandardOutputValueProduced":
                    AppendStream(outputs, StreamOutput.StandardOutput, PlainText(body));
                    break;
                case "StandardErrorValueProduced":
                    AppendStream(outputs, StreamOutput.StandardError, PlainText(body));
                    break;
                case "ErrorProduced":
                    // A non-fatal error report (e.g. from a magic command); the cell's failure, if any, comes as CommandFailed.
                    AppendStream(outputs, StreamOutput.StandardError, (body["message"]?.GetValue<string>() ?? PlainText(body)) + "\n");
                    break;
                case "DisplayedValueProduced":
                case "DisplayedValueUpdated":
                    Display(outputs, displays, body);
                    break;
                case "ReturnValueProduced" when Bundle(body) is { Count: > 0 } bundle:
                    outputs.Add(new ExecuteResultOutput(executionCount, bundle));
                    break;
            }
        }

        return outputs;
    }

    private static void Display(List<CellOutput> outputs, Dictionary<string, DisplayDataOutput> displays, JsonObject body)
    {
        var bundle = Bundle(body);
        var valueId = body["valueId"]?.GetValue<string>();
        if (valueId is not null && displays.TryGetValue(valueId, out var shown))
        {
            shown.Data = bundle;
            return;
        }

        if (bundle.Count == 0)
        {
            return;
        }

        // An update whose id was never displayed shows as a new output, as in VS Code; its own later updates replace it.
        var output = new DisplayDataOutput(bundle);
        outputs.Add(output);
        if (valueId is not null)
        {
            displays[valueId] = output;
        }
    }

    private static MimeBundle Bundle(JsonObject body)
    {
        var bundle = new MimeBundle();
        foreach (var value in FormattedValues(body))
        {
            bundle.SetText(value.MimeType, value.Text);
        }

        return bundle;
    }

    private static string PlainText(JsonObject body) =>
        string.Concat(FormattedValues(body).Where(v => v.MimeType == "text/plain").Select(v => v.Text));

    private static IEnumerable<(string MimeType, string Text)> FormattedValues(JsonObject body)
    {
        if (body["formattedValues"] is not JsonArray values)
        {
            yield break;
        }

        foreach (var value in values.OfType<JsonObject>())
        {
            if (value["suppressDisplay"]?.GetValue<bool>() == true
                || value["mimeType"]?.GetValue<string>() is not { Length: > 0 } mimeType)
            {
                continue;
            }

            yield return (mimeType, value["value"]?.GetValue<string>() ?? string.Empty);
        }
    }

    private static void AppendStream(List<CellOutput> outputs, string name, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == name)
        {
            outputs[^1] = new StreamOutput(name, last.Text + text);
            return;
        }

        outputs.Add(new StreamOutput(name, text));
    }
}

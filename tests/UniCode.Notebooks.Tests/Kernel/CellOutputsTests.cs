using System.Text.Json.Nodes;
using UniCode.Notebooks.Kernel;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Tests.Kernel;

public sealed class CellOutputsTests
{
    private static JsonObject Event(string type, string? valueId = null, params (string Mime, string Value, bool Suppress)[] values) => new()
    {
        ["eventType"] = type,
        ["event"] = new JsonObject
        {
            ["valueId"] = valueId,
            ["formattedValues"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject
            {
                ["mimeType"] = v.Mime,
                ["value"] = v.Value,
                ["suppressDisplay"] = v.Suppress,
            })]),
        },
    };

    [Fact]
    public void Consecutive_writes_to_one_stream_merge_and_streams_stay_in_order_with_displays()
    {
        var outputs = CellOutputs.FromEvents(
            [
                Event("StandardOutputValueProduced", null, ("text/plain", "a\n", false)),
                Event("StandardOutputValueProduced", null, ("text/plain", "b\n", false)),
                Event("StandardErrorValueProduced", null, ("text/plain", "e\n", false)),
                Event("DisplayedValueProduced", "d1", ("text/html", "<b>x</b>", false), ("text/plain", "x", false)),
                Event("StandardOutputValueProduced", null, ("text/plain", "c\n", false)),
            ],
            executionCount: 3);

        Assert.Equal(["stream", "stream", "display_data", "stream"], outputs.Select(o => o.OutputType));
        Assert.Equal("a\nb\n", ((StreamOutput)outputs[0]).Text);
        Assert.Equal(["text/html", "text/plain"], ((DisplayDataOutput)outputs[2]).Data.MimeTypes);
    }

    [Fact]
    public void An_update_replaces_the_output_with_its_value_id_and_an_unknown_id_shows_once()
    {
        var outputs = CellOutputs.FromEvents(
            [
                Event("DisplayedValueProduced", "d1", ("text/plain", "first", false)),
                Event("DisplayedValueUpdated", "d1", ("text/plain", "second", false)),
                Event("DisplayedValueUpdated", "other", ("text/plain", "third", false)),
                Event("DisplayedValueUpdated", "other", ("text/plain", "fourth", false)),
            ],
            executionCount: 1);

        Assert.Equal(["second", "fourth"], outputs.Cast<DisplayDataOutput>().Select(d => d.Data.GetText("text/plain")));
    }

    [Fact]
    public void A_return_value_becomes_an_execute_result_and_suppressed_values_are_left_out()
    {
        var outputs = CellOutputs.FromEvents(
            [Event("ReturnValueProduced", null, ("text/html", "<i>2</i>", false), ("text/plain", "2", true)), Event("DiagnosticsProduced")],
            executionCount: 4);

        var result = Assert.IsType<ExecuteResultOutput>(Assert.Single(outputs));
        Assert.Equal(4, result.ExecutionCount);
        Assert.Equal(["text/html"], result.Data.MimeTypes);
    }

    [Theory]
    [InlineData("System.InvalidOperationException: boom\n   at Submission#1.<<Initialize>>d__0.MoveNext()", "System.InvalidOperationException", "boom")]
    [InlineData("(1,41): error CS0029: Cannot implicitly convert type 'string' to 'int'", "CompilationError", "(1,41): error CS0029: Cannot implicitly convert type 'string' to 'int'")]
    [InlineData("Unrecognized magic #!nope", "Error", "Unrecognized magic #!nope")]
    public void A_kernel_failure_message_names_the_error(string message, string name, string value)
    {
        var error = CellErrors.FromKernelMessage(message);

        Assert.Equal(name, error.ErrorName);
        Assert.Equal(value, error.ErrorValue);
        Assert.Equal(message.Split('\n'), error.Traceback);
    }
}

using System.Text.Json.Nodes;

namespace UniCode.Kit.Reporting.Plotly;

/// <summary>Small builders for the plotly.js JSON that the figure classes write.</summary>
internal static class PlotlyJson
{
    /// <summary>A title object, <c>{"text": ...}</c>: plotly.js 2+ ignores plain-string titles.</summary>
    public static JsonObject Title(string text) => new() { ["text"] = text };

    /// <summary>Numbers with gaps: null, NaN and infinities become JSON null (a gap in the plot; JSON has no NaN).</summary>
    public static JsonArray Numbers(IEnumerable<double?> values) =>
        [.. values.Select(v => v is { } x && double.IsFinite(x) ? JsonValue.Create(x) : null)];

    /// <summary>Numbers, as <see cref="Numbers(IEnumerable{double?})"/>.</summary>
    public static JsonArray Numbers(IEnumerable<double> values) => Numbers(values.Select(v => (double?)v));

    /// <summary>Strings.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    /// <summary>Throws unless a list has the expected length, naming the trace and the list.</summary>
    public static void RequireLength<T>(IReadOnlyList<T> values, int expected, string trace, string what)
    {
        if (values.Count != expected)
        {
            throw new ArgumentException($"plotly trace '{trace}': {what} has {values.Count} values, expected {expected}");
        }
    }
}

using System.Text.Json.Nodes;

namespace UniCode.Kit.Reporting.Plotly;

/// <summary>An axis of a <see cref="PlotlyFigure"/>.</summary>
public sealed class PlotlyAxis
{
    /// <summary>The axis title (written as a <c>{text: ...}</c> object).</summary>
    public string? Title { get; set; }

    /// <summary>The axis type: null (plotly.js guesses), <c>linear</c>, <c>log</c> or <c>category</c>.</summary>
    public string? Type { get; set; }

    /// <summary>A fixed range, or null to fit the data.</summary>
    public (double Min, double Max)? Range { get; set; }

    /// <summary>The axis as a plotly.js layout object (<c>xaxis</c>, <c>yaxis</c>, ...).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Title is not null)
        {
            json["title"] = PlotlyJson.Title(Title);
        }

        if (Type is not null)
        {
            json["type"] = Type;
        }

        if (Range is { } range)
        {
            json["range"] = PlotlyJson.Numbers([range.Min, range.Max]);
        }

        return json;
    }
}

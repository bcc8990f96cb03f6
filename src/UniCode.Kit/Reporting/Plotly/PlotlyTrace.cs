using System.Text.Json.Nodes;

namespace UniCode.Kit.Reporting.Plotly;

/// <summary>One plotly.js trace (a data series with its chart type) of a <see cref="PlotlyFigure"/>.</summary>
public abstract class PlotlyTrace
{
    /// <summary>The plotly.js trace type, e.g. <c>bar</c>, <c>scatter</c>, <c>heatmap</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The legend entry.</summary>
    public string? Name { get; init; }

    /// <summary>The trace as a plotly.js JSON object.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        if (Name is not null)
        {
            json["name"] = Name;
        }

        Write(json);
        return json;
    }

    /// <summary>Adds the type-specific attributes.</summary>
    /// <param name="json">The trace object, holding <c>type</c> and <c>name</c> already.</param>
    protected abstract void Write(JsonObject json);

    /// <summary>The name for error messages.</summary>
    protected string Describe() => Name ?? Type;
}

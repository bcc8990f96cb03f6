using System.Text.Json.Nodes;

namespace UniCode.Kit.Reporting.Plotly;

/// <summary>Points at (x, y), drawn as a line, as markers or both (plotly.js type <c>scatter</c>).</summary>
public sealed class ScatterTrace : PlotlyTrace
{
    private readonly JsonArray x;

    /// <summary>Points over numeric x values.</summary>
    /// <param name="x">The x values.</param>
    /// <param name="y">One y per x (null: a gap).</param>
    /// <param name="mode">Lines, markers or both.</param>
    /// <param name="name">The legend entry.</param>
    public ScatterTrace(IReadOnlyList<double> x, IReadOnlyList<double?> y, ScatterMode mode = ScatterMode.LinesAndMarkers, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Name = name;
        PlotlyJson.RequireLength(y, x.Count, name ?? "scatter", "y");
        this.x = PlotlyJson.Numbers(x);
        Y = y;
        Mode = mode;
    }

    /// <summary>Points over categorical x values (e.g. test resolutions <c>192</c> ... <c>Raw</c>).</summary>
    /// <param name="categories">The x categories.</param>
    /// <param name="y">One y per category (null: a gap).</param>
    /// <param name="mode">Lines, markers or both.</param>
    /// <param name="name">The legend entry.</param>
    public ScatterTrace(IReadOnlyList<string> categories, IReadOnlyList<double?> y, ScatterMode mode = ScatterMode.LinesAndMarkers, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(y);
        Name = name;
        PlotlyJson.RequireLength(y, categories.Count, name ?? "scatter", "y");
        x = PlotlyJson.Strings(categories);
        Y = y;
        Mode = mode;
    }

    /// <inheritdoc/>
    public override string Type => "scatter";

    /// <summary>The y values.</summary>
    public IReadOnlyList<double?> Y { get; }

    /// <summary>Lines, markers or both.</summary>
    public ScatterMode Mode { get; }

    /// <summary>A label per point, shown next to it (and on hover).</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>A CSS colour for the line and markers.</summary>
    public string? Color { get; init; }

    /// <inheritdoc/>
    protected override void Write(JsonObject json)
    {
        var mode = Mode switch
        {
            ScatterMode.Lines => "lines",
            ScatterMode.Markers => "markers",
            ScatterMode.LinesAndMarkers => "lines+markers",
            _ => throw new ArgumentOutOfRangeException(nameof(Mode), Mode, $"trace '{Describe()}': unknown scatter mode"),
        };
        json["x"] = x.DeepClone();
        json["y"] = PlotlyJson.Numbers(Y);
        if (Labels is not null)
        {
            PlotlyJson.RequireLength(Labels, Y.Count, Describe(), "labels");
            json["text"] = PlotlyJson.Strings(Labels);
            json["textposition"] = "top center";
            mode += "+text";
        }

        json["mode"] = mode;
        if (Color is not null)
        {
            json["line"] = new JsonObject { ["color"] = Color };
            json["marker"] = new JsonObject { ["color"] = Color };
        }
    }
}

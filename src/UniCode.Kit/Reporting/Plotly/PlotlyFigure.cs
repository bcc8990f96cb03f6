using System.Text.Json.Nodes;

namespace UniCode.Kit.Reporting.Plotly;

/// <summary>
/// A chart as plotly.js JSON (<c>{data: [traces], layout: {...}}</c>), built by the kit and serialised with
/// System.Text.Json; titles are <c>{text: ...}</c> objects as plotly.js 2+ requires. It renders as HTML
/// with plotly.js from npm's <c>plotly.js-dist-min</c> (offline: inlined, referenced, or already on the
/// page, see <see cref="PlotlyJsMode"/>) and as PNG through headless Chromium. Notebooks call
/// <see cref="ToHtml()"/>. Build one with <see cref="Bar"/>, <see cref="GroupedBar"/>, <see cref="Line(string, IReadOnlyList{double}, IReadOnlyList{PlotlySeries}, string?, string?)"/>,
/// <see cref="Scatter"/> or <see cref="Heatmap"/>, or add traces yourself.
/// </summary>
[UniCode.Torch.Display.TypeFormatterSource(typeof(UniCode.Kit.Reporting.Formatting.KitFormatterSource))]
public sealed partial class PlotlyFigure
{
    private readonly List<PlotlyTrace> traces = [];
    private int width = 800;
    private int height = 500;

    /// <summary>An empty figure.</summary>
    /// <param name="title">The chart title.</param>
    public PlotlyFigure(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
    }

    /// <summary>The chart title.</summary>
    public string Title { get; set; }

    /// <summary>The x axis.</summary>
    public PlotlyAxis XAxis { get; } = new();

    /// <summary>The y axis.</summary>
    public PlotlyAxis YAxis { get; } = new();

    /// <summary>A secondary y axis on the right (traces opt in with <c>YAxis = "y2"</c>); null for none.</summary>
    public PlotlyAxis? SecondaryYAxis { get; set; }

    /// <summary>How bar traces share a category: <c>group</c> (side by side), <c>stack</c>, <c>overlay</c>, or null (plotly.js default).</summary>
    public string? BarMode { get; set; }

    /// <summary>Show the legend (null: plotly.js decides, i.e. when there are several traces).</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>Width in pixels (also the PNG's width), 50-8000.</summary>
    public int Width
    {
        get => width;
        set => width = Pixels(value, nameof(Width));
    }

    /// <summary>Height in pixels (also the PNG's height), 50-8000.</summary>
    public int Height
    {
        get => height;
        set => height = Pixels(value, nameof(Height));
    }

    /// <summary>The traces, drawn in order.</summary>
    public IReadOnlyList<PlotlyTrace> Traces => traces;

    /// <summary>Adds a trace.</summary>
    /// <param name="trace">The trace.</param>
    /// <returns>This figure, to chain calls.</returns>
    public PlotlyFigure Add(PlotlyTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        traces.Add(trace);
        return this;
    }

    /// <summary>The figure as a plotly.js object: <c>{data: [...], layout: {...}}</c>.</summary>
    public JsonObject ToJsonObject()
    {
        var layout = new JsonObject
        {
            ["title"] = PlotlyJson.Title(Title),
            ["xaxis"] = XAxis.ToJson(),
            ["yaxis"] = YAxis.ToJson(),
            ["width"] = Width,
            ["height"] = Height,
        };
        if (SecondaryYAxis is not null)
        {
            var y2 = SecondaryYAxis.ToJson();
            y2["overlaying"] = "y";
            y2["side"] = "right";
            // Its own round ticks, and no second set of grid lines across the plot.
            y2["tickmode"] = "auto";
            y2["showgrid"] = false;
            layout["yaxis2"] = y2;

            // The default legend sits where the right axis' labels go, and above the plot it runs into a two-line title:
            // put it under the x axis' title, with room made for it.
            layout["legend"] = new JsonObject { ["orientation"] = "h", ["x"] = 0.5, ["xanchor"] = "center", ["y"] = -0.3, ["yanchor"] = "top" };
            layout["margin"] = new JsonObject { ["b"] = 120 };
        }

        if (BarMode is not null)
        {
            layout["barmode"] = BarMode;
        }

        if (ShowLegend is { } legend)
        {
            layout["showlegend"] = legend;
        }

        return new JsonObject
        {
            ["data"] = new JsonArray([.. traces.Select(t => (JsonNode)t.ToJson())]),
            ["layout"] = layout,
        };
    }

    /// <summary>
    /// The figure as JSON text. Characters that matter to HTML (<c>&lt; &gt; &amp; '</c>) and non-ASCII are
    /// written as <c>\uXXXX</c> escapes, so the text can sit inside a <c>&lt;script&gt;</c> element.
    /// </summary>
    public string ToJson() => ToJsonObject().ToJsonString();

    /// <summary>A one-line description (title, traces, size).</summary>
    public override string ToString() =>
        $"PlotlyFigure '{Title}': {traces.Count} trace(s) [{string.Join(", ", traces.Select(t => t.Type))}], {Width}x{Height}";

    private static int Pixels(int value, string name) => value is >= 50 and <= 8000
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"figure {name.ToLowerInvariant()} must be 50-8000 pixels");
}

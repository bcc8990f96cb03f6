using System.Text.Json.Nodes;

namespace UniCode.Kit.Reporting.Plotly;

/// <summary>Vertical bars: one per category. Several bar traces in a figure with <c>barmode: group</c> stand side by side.</summary>
public sealed class BarTrace : PlotlyTrace
{
    private readonly IReadOnlyList<double?>? errors;

    /// <summary>Bars with heights <paramref name="values"/> over <paramref name="categories"/>.</summary>
    /// <param name="categories">The x categories.</param>
    /// <param name="values">One height per category (null: no bar).</param>
    /// <param name="name">The legend entry.</param>
    public BarTrace(IReadOnlyList<string> categories, IReadOnlyList<double?> values, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        Name = name;
        PlotlyJson.RequireLength(values, categories.Count, name ?? "bar", "values");
        Categories = categories;
        Values = values;
    }

    /// <inheritdoc/>
    public override string Type => "bar";

    /// <summary>The x categories.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The heights.</summary>
    public IReadOnlyList<double?> Values { get; }

    /// <summary>Symmetric error bars, one half-length per category (null: none on that bar), e.g. standard errors.</summary>
    public IReadOnlyList<double?>? Errors
    {
        get => errors;
        init
        {
            if (value is not null)
            {
                PlotlyJson.RequireLength(value, Categories.Count, Name ?? "bar", "errors");
            }

            errors = value;
        }
    }

    /// <summary>A CSS colour for the bars, e.g. <c>#1f77b4</c>.</summary>
    public string? Color { get; init; }

    /// <summary>The y axis the bars use: <c>y</c> (default) or <c>y2</c> (the figure's secondary axis).</summary>
    public string? YAxis { get; init; }

    /// <summary>Bars with different offset groups stand side by side even on different y axes.</summary>
    public string? OffsetGroup { get; init; }

    /// <inheritdoc/>
    protected override void Write(JsonObject json)
    {
        json["x"] = PlotlyJson.Strings(Categories);
        json["y"] = PlotlyJson.Numbers(Values);
        if (Errors is not null)
        {
            json["error_y"] = new JsonObject { ["type"] = "data", ["array"] = PlotlyJson.Numbers(Errors), ["visible"] = true };
        }

        if (Color is not null)
        {
            json["marker"] = new JsonObject { ["color"] = Color };
        }

        if (YAxis is not null)
        {
            json["yaxis"] = YAxis;
        }

        if (OffsetGroup is not null)
        {
            json["offsetgroup"] = OffsetGroup;
        }
    }
}

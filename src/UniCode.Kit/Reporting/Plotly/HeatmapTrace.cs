using System.Text.Json.Nodes;

namespace UniCode.Kit.Reporting.Plotly;

/// <summary>A matrix of values as coloured cells (plotly.js type <c>heatmap</c>); row 0 is drawn at the bottom.</summary>
public sealed class HeatmapTrace : PlotlyTrace
{
    /// <summary>A heatmap of <paramref name="z"/> (rows along y, columns along x).</summary>
    /// <param name="z">The values (null: an empty cell).</param>
    /// <param name="columnLabels">Labels of the columns (x), or null for 0, 1, ...</param>
    /// <param name="rowLabels">Labels of the rows (y), or null for 0, 1, ...</param>
    /// <param name="name">The legend entry.</param>
    public HeatmapTrace(double?[,] z, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        Name = name;
        if (z.GetLength(0) == 0 || z.GetLength(1) == 0)
        {
            throw new ArgumentException($"heatmap '{name ?? "heatmap"}' needs at least one row and one column, got {z.GetLength(0)}x{z.GetLength(1)}", nameof(z));
        }

        if (columnLabels is not null)
        {
            PlotlyJson.RequireLength(columnLabels, z.GetLength(1), name ?? "heatmap", "column labels");
        }

        if (rowLabels is not null)
        {
            PlotlyJson.RequireLength(rowLabels, z.GetLength(0), name ?? "heatmap", "row labels");
        }

        Z = (double?[,])z.Clone();
        ColumnLabels = columnLabels;
        RowLabels = rowLabels;
    }

    /// <inheritdoc/>
    public override string Type => "heatmap";

    /// <summary>The values, [rows, columns].</summary>
    public double?[,] Z { get; }

    /// <summary>Labels of the columns (x).</summary>
    public IReadOnlyList<string>? ColumnLabels { get; }

    /// <summary>Labels of the rows (y).</summary>
    public IReadOnlyList<string>? RowLabels { get; }

    /// <summary>A plotly.js colour scale name, e.g. <c>Viridis</c>, <c>Blues</c>, <c>RdBu</c>.</summary>
    public string ColorScale { get; init; } = "Viridis";

    /// <summary>Print each cell's value in it, with this many decimals (null: no text).</summary>
    public int? ValueDecimals { get; init; }

    /// <summary>The colour bar's title.</summary>
    public string? ColorBarTitle { get; init; }

    /// <inheritdoc/>
    protected override void Write(JsonObject json)
    {
        var rows = new JsonArray();
        for (var r = 0; r < Z.GetLength(0); r++)
        {
            rows.Add(PlotlyJson.Numbers(Enumerable.Range(0, Z.GetLength(1)).Select(c => Z[r, c])));
        }

        json["z"] = rows;
        if (ColumnLabels is not null)
        {
            json["x"] = PlotlyJson.Strings(ColumnLabels);
        }

        if (RowLabels is not null)
        {
            json["y"] = PlotlyJson.Strings(RowLabels);
        }

        json["colorscale"] = ColorScale;
        if (ValueDecimals is { } decimals)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(decimals, nameof(ValueDecimals));
            json["texttemplate"] = $"%{{z:.{decimals}f}}";
        }

        if (ColorBarTitle is not null)
        {
            json["colorbar"] = new JsonObject { ["title"] = PlotlyJson.Title(ColorBarTitle) };
        }
    }
}

namespace UniCode.Kit.Reporting.Plotly;

// Ready-made charts: bar, grouped bar, line, scatter, heatmap.
public sealed partial class PlotlyFigure
{
    /// <summary>A bar chart: one bar per category.</summary>
    /// <param name="title">The chart title.</param>
    /// <param name="categories">The categories (x).</param>
    /// <param name="values">One value per category.</param>
    /// <param name="xTitle">The x axis title.</param>
    /// <param name="yTitle">The y axis title.</param>
    public static PlotlyFigure Bar(string title, IReadOnlyList<string> categories, IReadOnlyList<double?> values, string? xTitle = null, string? yTitle = null)
    {
        var figure = new PlotlyFigure(title);
        figure.XAxis.Title = xTitle;
        figure.YAxis.Title = yTitle;
        return figure.Add(new BarTrace(categories, values));
    }

    /// <summary>A grouped bar chart: for each category, one bar per series side by side.</summary>
    /// <param name="title">The chart title.</param>
    /// <param name="categories">The categories (x).</param>
    /// <param name="series">The series, each with one value per category.</param>
    /// <param name="xTitle">The x axis title.</param>
    /// <param name="yTitle">The y axis title.</param>
    public static PlotlyFigure GroupedBar(
        string title, IReadOnlyList<string> categories, IReadOnlyList<PlotlySeries> series, string? xTitle = null, string? yTitle = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        RequireSeries(series, title);
        var figure = new PlotlyFigure(title) { BarMode = "group" };
        figure.XAxis.Title = xTitle;
        figure.YAxis.Title = yTitle;
        foreach (var s in series)
        {
            figure.Add(new BarTrace(categories, s.Values, s.Name));
        }

        return figure;
    }

    /// <summary>A line chart over numeric x (e.g. training steps): one line per series.</summary>
    /// <param name="title">The chart title.</param>
    /// <param name="x">The x values.</param>
    /// <param name="series">The lines, each with one value per x.</param>
    /// <param name="xTitle">The x axis title.</param>
    /// <param name="yTitle">The y axis title.</param>
    public static PlotlyFigure Line(string title, IReadOnlyList<double> x, IReadOnlyList<PlotlySeries> series, string? xTitle = null, string? yTitle = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        RequireSeries(series, title);
        var figure = new PlotlyFigure(title);
        figure.XAxis.Title = xTitle;
        figure.YAxis.Title = yTitle;
        foreach (var s in series)
        {
            figure.Add(new ScatterTrace(x, s.Values, ScatterMode.LinesAndMarkers, s.Name));
        }

        return figure;
    }

    /// <summary>A line chart over categorical x (e.g. test resolutions): one line per series.</summary>
    /// <param name="title">The chart title.</param>
    /// <param name="categories">The x categories, in order.</param>
    /// <param name="series">The lines, each with one value per category.</param>
    /// <param name="xTitle">The x axis title.</param>
    /// <param name="yTitle">The y axis title.</param>
    public static PlotlyFigure Line(string title, IReadOnlyList<string> categories, IReadOnlyList<PlotlySeries> series, string? xTitle = null, string? yTitle = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        RequireSeries(series, title);
        var figure = new PlotlyFigure(title);
        figure.XAxis.Title = xTitle;
        figure.XAxis.Type = "category";
        figure.YAxis.Title = yTitle;
        foreach (var s in series)
        {
            figure.Add(new ScatterTrace(categories, s.Values, ScatterMode.LinesAndMarkers, s.Name));
        }

        return figure;
    }

    /// <summary>A scatter plot of points (x, y), optionally labelled (e.g. methods placed by two metrics).</summary>
    /// <param name="title">The chart title.</param>
    /// <param name="x">The x values.</param>
    /// <param name="y">One y per x.</param>
    /// <param name="labels">A label per point, or null.</param>
    /// <param name="xTitle">The x axis title.</param>
    /// <param name="yTitle">The y axis title.</param>
    public static PlotlyFigure Scatter(
        string title, IReadOnlyList<double> x, IReadOnlyList<double?> y, IReadOnlyList<string>? labels = null, string? xTitle = null, string? yTitle = null)
    {
        var figure = new PlotlyFigure(title);
        figure.XAxis.Title = xTitle;
        figure.YAxis.Title = yTitle;
        return figure.Add(new ScatterTrace(x, y, ScatterMode.Markers) { Labels = labels });
    }

    /// <summary>A heatmap of a matrix (e.g. a codebook-usage map), each cell annotated with its value.</summary>
    /// <param name="title">The chart title.</param>
    /// <param name="z">The values, [rows, columns].</param>
    /// <param name="columnLabels">Labels of the columns (x), or null.</param>
    /// <param name="rowLabels">Labels of the rows (y), or null.</param>
    /// <param name="xTitle">The x axis title.</param>
    /// <param name="yTitle">The y axis title.</param>
    /// <param name="valueDecimals">Decimals of the value printed in each cell, or null for none.</param>
    public static PlotlyFigure Heatmap(
        string title,
        double?[,] z,
        IReadOnlyList<string>? columnLabels = null,
        IReadOnlyList<string>? rowLabels = null,
        string? xTitle = null,
        string? yTitle = null,
        int? valueDecimals = 2)
    {
        var figure = new PlotlyFigure(title);
        figure.XAxis.Title = xTitle;
        figure.YAxis.Title = yTitle;
        return figure.Add(new HeatmapTrace(z, columnLabels, rowLabels) { ValueDecimals = valueDecimals });
    }

    private static void RequireSeries(IReadOnlyList<PlotlySeries> series, string title)
    {
        if (series.Count == 0 || series.Any(s => s is null))
        {
            throw new ArgumentException($"chart '{title}' needs at least one series and no null series", nameof(series));
        }
    }
}

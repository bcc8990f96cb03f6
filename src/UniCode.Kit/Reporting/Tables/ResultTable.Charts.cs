using UniCode.Kit.Reporting.Plotly;

namespace UniCode.Kit.Reporting.Tables;

// Charts of a table's metric: ours beside the paper's, each on its own axis since the scales differ.
public sealed partial class ResultTable
{
    /// <summary>
    /// A grouped bar chart of one column: per row label, this kit's bar (left axis) beside the paper's
    /// (right axis, when the table has paper rows). The scales differ by design (our small-scale numbers
    /// are not the paper's), so each side gets its own axis and the chart compares orderings. The
    /// provenance is part of the title.
    /// </summary>
    /// <param name="column">The column to plot.</param>
    public PlotlyFigure ToChart(string column)
    {
        var index = ColumnIndex(column);
        var metric = columns[index];
        var labels = rows.Select(r => r.Label)
            .Concat(paperRows.Select(r => r.Label))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var arrow = !metric.IsMetric ? string.Empty : metric.HigherIsBetter ? " \u2191" : " \u2193";
        var figure = new PlotlyFigure($"{Title}: {metric.Name}{arrow}<br><sub>{Provenance}</sub>") { BarMode = "group" };
        figure.XAxis.Title = RowHeader;
        figure.YAxis.Title = $"{metric.Name} ({OursSource}, {Provenance.Profile})";
        var errors = Cells(rows, index, labels).Select(c => c?.StandardError).ToList();
        figure.Add(new BarTrace(labels, Values(rows, index, labels), $"{OursSource} ({Provenance.Profile})")
        {
            // Our numbers come from finite samples: where a cell knows its standard error, the bar shows it.
            Errors = errors.Any(e => e is not null) ? errors : null,
            OffsetGroup = OursSource,
            Color = "#1f77b4",
        });
        if (paperRows.Count > 0)
        {
            figure.SecondaryYAxis = new PlotlyAxis { Title = $"{metric.Name} ({PaperSource})" };
            figure.Add(new BarTrace(labels, Values(paperRows, index, labels), PaperSource)
            {
                YAxis = "y2",
                OffsetGroup = PaperSource,
                Color = "#aaaaaa",
            });
        }

        return figure;
    }

    private static List<double?> Values(List<ResultRow> source, int index, List<string> labels) => [.. Cells(source, index, labels).Select(c => c?.Number)];

    private static IEnumerable<ResultCell?> Cells(List<ResultRow> source, int index, List<string> labels) =>
        labels.Select(l => source.Find(r => string.Equals(r.Label, l, StringComparison.Ordinal))?.Cells[index]);
}

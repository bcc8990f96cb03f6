using System.Text.Json;
using UniCode.Kit.Reporting.Plotly;
using UniCode.Kit.Reporting.Tables;

namespace UniCode.Kit.Tests.Reporting.Plotly;

public sealed class PlotlyFigureTests
{
    private static JsonElement Parse(PlotlyFigure figure) => JsonDocument.Parse(figure.ToJson()).RootElement;

    private static double?[] Numbers(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (double?)null : e.GetDouble())];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? "<null>")];

    [Fact]
    public void Bar_chart_has_title_objects_and_one_bar_trace_with_the_data()
    {
        var json = Parse(PlotlyFigure.Bar("Table 3", ["VQ-GAN", "RQ-VAE"], [49.1, 49.8], xTitle: "tokenizer", yTitle: "VQA2"));
        var layout = json.GetProperty("layout");
        Assert.Equal(JsonValueKind.Object, layout.GetProperty("title").ValueKind);
        Assert.Equal("Table 3", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("tokenizer", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("VQA2", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        var trace = Assert.Single(json.GetProperty("data").EnumerateArray());
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal(["VQ-GAN", "RQ-VAE"], Strings(trace.GetProperty("x")));
        Assert.Equal([49.1, 49.8], Numbers(trace.GetProperty("y")));
    }

    [Fact]
    public void Grouped_bar_chart_has_one_named_bar_trace_per_series_in_group_mode()
    {
        var json = Parse(PlotlyFigure.GroupedBar(
            "Table 1", ["VQA2", "POPE"], [new PlotlySeries("projector", [52.3, 69.7]), new PlotlySeries("unified", [53.1, null])]));
        Assert.Equal("group", json.GetProperty("layout").GetProperty("barmode").GetString());
        var traces = json.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["bar", "bar"], traces.Select(t => t.GetProperty("type").GetString()));
        Assert.Equal(["projector", "unified"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([53.1, null], Numbers(traces[1].GetProperty("y")));
    }

    [Fact]
    public void Line_chart_draws_scatter_traces_with_lines_over_numeric_or_categorical_x()
    {
        var numeric = Parse(PlotlyFigure.Line("loss", [0, 10, 20], [new PlotlySeries("train", [2.0, 1.5, 1.2])], "step", "loss"));
        var trace = Assert.Single(numeric.GetProperty("data").EnumerateArray());
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal("lines+markers", trace.GetProperty("mode").GetString());
        Assert.Equal([0.0, 10, 20], Numbers(trace.GetProperty("x")));
        Assert.Equal([2.0, 1.5, 1.2], Numbers(trace.GetProperty("y")));

        var categorical = Parse(PlotlyFigure.Line("Table 6", ["24", "32", "Raw"], [new PlotlySeries("VQA2", [38.2, 53.1, 36.4])]));
        Assert.Equal(["24", "32", "Raw"], Strings(categorical.GetProperty("data")[0].GetProperty("x")));
        Assert.Equal("category", categorical.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void Scatter_plot_draws_markers_with_point_labels()
    {
        var json = Parse(PlotlyFigure.Scatter("FID vs VQA", [6.72, 9.82], [53.1, 49.0], ["unified", "separate"], "FID", "VQA2"));
        var trace = Assert.Single(json.GetProperty("data").EnumerateArray());
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal("markers+text", trace.GetProperty("mode").GetString());
        Assert.Equal(["unified", "separate"], Strings(trace.GetProperty("text")));
        Assert.Equal([6.72, 9.82], Numbers(trace.GetProperty("x")));
    }

    [Fact]
    public void Heatmap_writes_rows_of_z_with_labels_and_value_text()
    {
        double?[,] z = { { 1, 2, 3 }, { 4, null, 6 } };
        var json = Parse(PlotlyFigure.Heatmap("usage", z, ["a", "b", "c"], ["r0", "r1"], valueDecimals: 1));
        var trace = Assert.Single(json.GetProperty("data").EnumerateArray());
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        var rows = trace.GetProperty("z").EnumerateArray().ToList();
        Assert.Equal([1.0, 2, 3], Numbers(rows[0]));
        Assert.Equal([4.0, null, 6], Numbers(rows[1]));
        Assert.Equal(["a", "b", "c"], Strings(trace.GetProperty("x")));
        Assert.Equal(["r0", "r1"], Strings(trace.GetProperty("y")));
        Assert.Equal("%{z:.1f}", trace.GetProperty("texttemplate").GetString());
    }

    [Fact]
    public void Non_finite_values_become_json_null()
    {
        var json = Parse(PlotlyFigure.Bar("t", ["a", "b", "c"], [double.NaN, double.PositiveInfinity, 1.0]));
        Assert.Equal([null, null, 1.0], Numbers(json.GetProperty("data")[0].GetProperty("y")));
    }

    [Fact]
    public void Json_escapes_html_so_a_title_cannot_end_the_script_element()
    {
        var figure = PlotlyFigure.Bar("</script><b>x</b> & y", ["<i>"], [1.0]);
        var text = figure.ToJson();
        Assert.DoesNotContain("</script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Equal("</script><b>x</b> & y", Parse(figure).GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.DoesNotContain("</script><b>", figure.ToHtml(PlotlyJsMode.AssumeLoaded), StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_lengths_and_sizes_are_refused_with_the_trace_named()
    {
        var bar = Assert.Throws<ArgumentException>(() => new BarTrace(["a", "b"], [1.0], "ours"));
        Assert.Contains("'ours'", bar.Message, StringComparison.Ordinal);
        Assert.Contains("1 values, expected 2", bar.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new HeatmapTrace(new double?[2, 3], columnLabels: ["a", "b"]));
        Assert.Throws<ArgumentException>(() => new HeatmapTrace(new double?[0, 3]));
        Assert.Throws<ArgumentException>(() => PlotlyFigure.GroupedBar("t", ["a"], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlotlyFigure("t") { Width = 10 });
    }

    [Fact]
    public void Table_chart_puts_ours_and_the_paper_on_separate_axes_side_by_side()
    {
        var table = new ResultTable("Table 3", "tokenizer", [ResultColumn.Higher("VQA2")], new ResultProvenance("Quick"));
        table.AddRow("VQ-GAN", 0.41).AddRow("HQ-VAE", 0.45);
        table.AddPaperRow("VQ-GAN", 49.1).AddPaperRow("HQ-VAE", 53.1).AddPaperRow("RQ-VAE", 49.8);
        var json = Parse(table.ToChart("VQA2"));
        var traces = json.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, traces.Count);
        Assert.Equal(["VQ-GAN", "HQ-VAE", "RQ-VAE"], Strings(traces[0].GetProperty("x")));
        Assert.Equal([0.41, 0.45, null], Numbers(traces[0].GetProperty("y")));
        Assert.Equal([49.1, 53.1, 49.8], Numbers(traces[1].GetProperty("y")));
        Assert.Equal("y2", traces[1].GetProperty("yaxis").GetString());
        Assert.NotEqual(traces[0].GetProperty("offsetgroup").GetString(), traces[1].GetProperty("offsetgroup").GetString());
        Assert.Equal("y", json.GetProperty("layout").GetProperty("yaxis2").GetProperty("overlaying").GetString());
        Assert.Contains("Profile: Quick", json.GetProperty("layout").GetProperty("title").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Table_chart_draws_error_bars_where_our_cells_carry_standard_errors()
    {
        var table = new ResultTable("Table 3", "tokenizer", [ResultColumn.Higher("VQA %")], new ResultProvenance("Quick"));
        table.AddRow("VQ-GAN", ResultCell.Measured(45.6, 2.2)).AddRow("HQ-VAE", 46.4);
        var plain = new ResultTable("Table 3", "tokenizer", [ResultColumn.Higher("VQA %")], new ResultProvenance("Quick"));
        plain.AddRow("VQ-GAN", 45.6);

        var errors = Parse(table.ToChart("VQA %")).GetProperty("data")[0].GetProperty("error_y");

        Assert.Equal("data", errors.GetProperty("type").GetString());
        Assert.Equal([2.2, null], Numbers(errors.GetProperty("array")));
        Assert.False(Parse(plain.ToChart("VQA %")).GetProperty("data")[0].TryGetProperty("error_y", out _));
        Assert.Throws<ArgumentException>(() => new BarTrace(["a", "b"], [1.0, 2.0]) { Errors = [0.5] });
    }

    [Fact]
    public void Assume_loaded_fragments_carry_no_library_and_get_distinct_element_ids()
    {
        var figure = PlotlyFigure.Bar("t", ["a"], [1.0]);
        var first = figure.ToHtml(PlotlyJsMode.AssumeLoaded);
        var second = figure.ToHtml(PlotlyJsMode.AssumeLoaded);
        Assert.True(first.Length < 5000);
        Assert.Contains(figure.ToJson(), first, StringComparison.Ordinal);
        static string Id(string html) => html[(html.IndexOf("id=\"", StringComparison.Ordinal) + 4)..].Split('"')[0];
        Assert.NotEqual(Id(first), Id(second));
        Assert.Throws<ArgumentException>(() => figure.ToHtml(PlotlyJsMode.Reference));
        Assert.Throws<ArgumentException>(() => figure.ToHtml(PlotlyJsMode.AssumeLoaded, "plotly.min.js"));
    }
}

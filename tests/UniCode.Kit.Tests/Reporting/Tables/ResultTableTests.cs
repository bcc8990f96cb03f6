using UniCode.Kit.Reporting.Tables;

namespace UniCode.Kit.Tests.Reporting.Tables;

public sealed class ResultTableTests
{
    private static ResultTable Small()
    {
        var table = new ResultTable(
            "Table 3: tokenizer",
            "tokenizer",
            [ResultColumn.Higher("VQA2", decimals: 1), ResultColumn.Lower("FID")],
            new ResultProvenance("Quick"));
        table.AddRow("VQ-GAN", 41.23, 12.3);
        table.AddRow("HQ-VAE", 45.5, "-");
        table.AddPaperRow("VQ-GAN", "49.1", 9.8);
        return table;
    }

    [Fact]
    public void Csv_has_source_and_profile_columns_full_precision_and_empty_missing_values()
    {
        Assert.Equal(
            "source,profile,tokenizer,VQA2,FID\r\n"
            + "ours,Quick,VQ-GAN,41.23,12.3\r\n"
            + "ours,Quick,HQ-VAE,45.5,\r\n"
            + "paper,,VQ-GAN,49.1,9.8\r\n",
            Small().ToCsv());
    }

    [Fact]
    public void Csv_quotes_fields_with_commas_quotes_and_line_breaks()
    {
        var table = new ResultTable("t", "method", [ResultColumn.Descriptive("params")], new ResultProvenance("Smoke"));
        table.AddRow("HQ-VAE, \"big\"", "2.8B");
        table.AddRow(" two\nlines", "-");
        Assert.Equal(
            "source,profile,method,params\r\n"
            + "ours,Smoke,\"HQ-VAE, \"\"big\"\"\",2.8B\r\n"
            + "ours,Smoke,\" two\nlines\",\r\n",
            table.ToCsv());
    }

    [Fact]
    public void Markdown_shows_title_provenance_arrows_alignment_and_marks_paper_rows()
    {
        Assert.Equal(
            "### Table 3: tokenizer\n\n"
            + "Profile: Quick; numbers from this kit's run\n\n"
            + "Rows marked paper: numbers reported in the paper\n\n"
            + "| source | tokenizer | VQA2 \u2191 | FID \u2193 |\n"
            + "| --- | --- | ---: | ---: |\n"
            + "| ours | VQ-GAN | 41.2 | 12.30 |\n"
            + "| ours | HQ-VAE | 45.5 | - |\n"
            + "| paper | VQ-GAN | 49.1 | 9.80 |\n",
            Small().ToMarkdown());
    }

    [Fact]
    public void Markdown_escapes_pipes_and_emphasis_and_folds_line_breaks()
    {
        var table = new ResultTable("a|b", "m", [ResultColumn.Descriptive("note")], new ResultProvenance("Smoke", "run *1*"));
        table.AddRow("HQ-TVAE*", "x|y\r\nz_w");
        var markdown = table.ToMarkdown();
        Assert.StartsWith("### a\\|b\n\nProfile: Smoke; run \\*1\\*\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| ours | HQ-TVAE\\* | x\\|y z\\_w |\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Rows marked paper", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_a_self_contained_fragment_with_paper_rows_in_their_own_marked_body()
    {
        var html = Small().ToHtml();
        Assert.StartsWith("<div class=\"unicode-result-table\">\n<style>\n", html, StringComparison.Ordinal);
        var body = html[html.IndexOf("<table>", StringComparison.Ordinal)..];
        Assert.Equal(
            "<table>\n"
            + "<caption>Table 3: tokenizer</caption>\n"
            + "<thead>\n<tr><th>source</th><th>tokenizer</th><th title=\"higher is better\">VQA2 &#8593;</th><th title=\"lower is better\">FID &#8595;</th></tr>\n</thead>\n"
            + "<tbody class=\"ours\">\n"
            + "<tr><td>ours</td><td>VQ-GAN</td><td class=\"num\">41.2</td><td class=\"num\">12.30</td></tr>\n"
            + "<tr><td>ours</td><td>HQ-VAE</td><td class=\"num\">45.5</td><td>-</td></tr>\n"
            + "</tbody>\n"
            + "<tbody class=\"paper\">\n"
            + "<tr class=\"section\"><th colspan=\"4\">paper: numbers reported in the paper</th></tr>\n"
            + "<tr><td>paper</td><td>VQ-GAN</td><td class=\"num\">49.1</td><td class=\"num\">9.80</td></tr>\n"
            + "</tbody>\n"
            + "</table>\n"
            + "<p class=\"provenance\">Profile: Quick; numbers from this kit&#39;s run</p>\n"
            + "</div>\n",
            body);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Html_escapes_every_user_text()
    {
        var table = new ResultTable("<script>alert(1)</script>", "a&b", [ResultColumn.Higher("x<y")], new ResultProvenance("P\"1", "n'o"), paperNote: "<i>");
        table.AddRow("<b>\"row\"</b>", "<img src=x>");
        table.AddPaperRow("<b>\"row\"</b>", 1.0);
        var html = table.ToHtml();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>&lt;script&gt;alert(1)&lt;/script&gt;</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th>a&amp;b</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;b&gt;&quot;row&quot;&lt;/b&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("Profile: P&quot;1; n&#39;o", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_files_hold_exactly_the_rendered_text_and_no_temporary_file_is_left()
    {
        using var folder = new TempFolder();
        var table = Small();
        table.WriteCsv(folder.File("t.csv"));
        table.WriteMarkdown(folder.File("t.md"));
        table.WriteHtml(folder.File("t.html"));
        Assert.Equal(table.ToCsv(), File.ReadAllText(folder.File("t.csv")));
        Assert.Equal(table.ToMarkdown(), File.ReadAllText(folder.File("t.md")));
        var page = File.ReadAllText(folder.File("t.html"));
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains(table.ToHtml(), page, StringComparison.Ordinal);
        Assert.Equal(["t.csv", "t.html", "t.md"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.NotEqual(0xEF, File.ReadAllBytes(folder.File("t.csv"))[0]); // no byte-order mark
    }

    [Fact]
    public void Paper_values_keep_their_printed_form_and_rank_by_their_number()
    {
        var cell = ResultCell.Parse("~31");
        Assert.Equal(31, cell.Number);
        Assert.Equal("~31", cell.Display(2));
        Assert.True(ResultCell.Parse("-").IsMissing);
        Assert.True(ResultCell.Parse("").IsMissing);
        Assert.Null(ResultCell.Parse("2.8B").Number);
        Assert.Equal("2.8B", ResultCell.Parse("2.8B").Display(2));
        Assert.True(((ResultCell)double.NaN).IsMissing);
        Assert.Equal("4.9", ((ResultCell)"4.9").Display(2));
        Assert.Equal("4.90", ((ResultCell)4.9).Display(2));
    }

    [Fact]
    public void A_measured_value_shows_its_standard_error_and_csv_keeps_the_value_alone()
    {
        var cell = ResultCell.Measured(46.4, 2.23);
        Assert.Equal((46.4, 2.23), (cell.Number, cell.StandardError));
        Assert.Equal("46.4 ± 2.2", cell.Display(1));
        Assert.Equal("46.4", cell.ToCsvField());
        Assert.Null(((ResultCell)46.4).StandardError);
        Assert.True(ResultCell.Measured(double.NaN, 1).IsMissing);
        Assert.Equal("standardError", Assert.Throws<ArgumentOutOfRangeException>(() => ResultCell.Measured(1, -0.5)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ResultCell.Measured(1, double.PositiveInfinity));
    }

    [Fact]
    public void Rows_can_be_added_from_lists_of_numbers()
    {
        var table = new ResultTable("t", "m", [ResultColumn.Higher("a"), ResultColumn.Lower("b")], new ResultProvenance("Smoke"));
        table.AddRow("x", new[] { 1.5, double.NaN });
        table.AddPaperRow("x", new double?[] { 2.0, null });
        Assert.Equal(1.5, table.Value("x", "a").Number);
        Assert.True(table.Value("x", "b").IsMissing);
        Assert.Equal(2.0, table.PaperValue("x", "a").Number);
        Assert.True(table.PaperValue("x", "b").IsMissing);
        Assert.Throws<ArgumentException>(() => table.AddRow("y", new[] { 1.0 }));
    }

    [Fact]
    public void Values_are_found_by_label_and_column()
    {
        var table = Small();
        Assert.Equal(45.5, table.Value("HQ-VAE", "VQA2").Number);
        Assert.True(table.Value("HQ-VAE", "FID").IsMissing);
        Assert.Equal(9.8, table.PaperValue("VQ-GAN", "FID").Number);
        Assert.Throws<KeyNotFoundException>(() => table.PaperValue("HQ-VAE", "FID"));
        var error = Assert.Throws<ArgumentException>(() => table.Value("HQ-VAE", "IS"));
        Assert.Contains("no column 'IS'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_and_columns_are_refused_with_the_table_and_row_named()
    {
        var table = Small();
        var wrongCount = Assert.Throws<ArgumentException>(() => table.AddRow("RQ-VAE", 1.0));
        Assert.Contains("'Table 3: tokenizer', row 'RQ-VAE': 1 values for 2 columns", wrongCount.Message, StringComparison.Ordinal);
        var duplicate = Assert.Throws<ArgumentException>(() => table.AddRow("VQ-GAN", 1.0, 2.0));
        Assert.Contains("already has a row labelled 'VQ-GAN'", duplicate.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ResultTable("t", "r", [], new ResultProvenance("Quick")));
        Assert.Throws<ArgumentException>(() => new ResultTable("t", "r", [ResultColumn.Higher("a"), ResultColumn.Lower("a")], new ResultProvenance("Quick")));
        Assert.Throws<ArgumentException>(() => new ResultProvenance(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResultColumn.Higher("a", decimals: 11));
    }

    [Fact]
    public void Every_rendering_carries_the_provenance()
    {
        var table = Small();
        var provenance = "Profile: Quick; numbers from this kit's run";
        Assert.Contains(provenance, table.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("Profile: Quick; numbers from this kit&#39;s run", table.ToHtml(), StringComparison.Ordinal);
        Assert.Contains(",Quick,", table.ToCsv(), StringComparison.Ordinal);
        Assert.Contains(provenance, table.ToString(), StringComparison.Ordinal);
        Assert.Contains(provenance, table.CheckDirections().ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("Profile: Quick", table.ToChart("VQA2").Title, StringComparison.Ordinal);
    }
}

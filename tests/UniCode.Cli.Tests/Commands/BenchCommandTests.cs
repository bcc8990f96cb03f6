using System.Text.Json;

namespace UniCode.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    [Fact]
    public void Bench_ops_json_prints_one_object_per_case_with_every_field()
    {
        var (code, output, error) = CliRunner.Run("bench", "ops", "--json", "--repeats", "1", "--ms-per-repeat", "5", "--case", "add_1", "--case", "add_64x64");

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var names = new List<string>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            names.Add(root.GetProperty("name").GetString()!);
            foreach (var field in new[] { "median_us", "min_us", "max_us", "native_median_us", "ratio" })
            {
                Assert.True(root.GetProperty(field).GetDouble() > 0, $"{field} should be positive in {line}");
            }

            Assert.True(root.GetProperty("iterations").GetInt64() >= 1);
            Assert.True(root.GetProperty("min_us").GetDouble() <= root.GetProperty("max_us").GetDouble());
        }

        Assert.Equal(["add_1", "add_64x64"], names);
    }

    [Fact]
    public void Bench_ops_rejects_an_unknown_case_with_its_name()
    {
        var (code, output, error) = CliRunner.Run("bench", "ops", "--json", "--repeats", "1", "--case", "no_such_case");

        Assert.NotEqual(0, code);
        Assert.DoesNotContain("median_us", output, StringComparison.Ordinal);
        Assert.Contains("no_such_case", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_ops_rejects_zero_repeats()
    {
        var (code, _, error) = CliRunner.Run("bench", "ops", "--repeats", "0");

        Assert.NotEqual(0, code);
        Assert.Contains("--repeats", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_ops_with_redirected_output_prints_one_complete_table_without_escape_codes()
    {
        var (code, output, error) = CliRunner.Run("bench", "ops", "--repeats", "1", "--ms-per-repeat", "5", "--case", "add_1", "--case", "add_64x64");

        Assert.True(code == 0, error);
        Assert.DoesNotContain('\u001b', output);
        Assert.Equal(1, Occurrences(output, "C# median"));
        Assert.Equal(1, Occurrences(output, "add_64x64"));
        Assert.Equal(1, Occurrences(output, "add_1 "));
    }

    [Fact]
    public void Bench_memory_json_prints_the_scoped_and_the_unscoped_peaks()
    {
        var (code, output, error) = CliRunner.Run("bench", "memory", "--json", "--steps", "2");

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var modes = new List<string>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            modes.Add(root.GetProperty("mode").GetString()!);
            Assert.Equal(2, root.GetProperty("steps").GetInt32());
            Assert.True(root.GetProperty("peak_rss_mi_b").GetDouble() >= root.GetProperty("start_rss_mi_b").GetDouble(), line);
            Assert.True(root.GetProperty("peak_native_mi_b").GetDouble() > 0, line);
            Assert.True(root.GetProperty("peak_live_tensors").GetInt64() > 0, line);
        }

        Assert.Equal(["scoped", "unscoped"], modes);
    }

    [Fact]
    public void Bench_memory_table_prints_both_loops_and_their_ratio_once()
    {
        var (code, output, error) = CliRunner.Run("bench", "memory", "--steps", "1");

        Assert.True(code == 0, error);
        Assert.DoesNotContain('\u001b', output);
        Assert.Equal(1, Occurrences(output, "steps")); // one header: the table is printed once
        Assert.Equal(2, Occurrences(output, "unscoped")); // its row and the ratio line
        Assert.Equal(1, Occurrences(output, "unscoped peak RSS / scoped peak RSS = "));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public void Every_verb_has_help()
    {
        foreach (var verb in new[] { new[] { "--help" }, ["bench", "--help"], ["bench", "ops", "--help"], ["bench", "threads", "--help"], ["bench", "memory", "--help"], ["info", "--help"] })
        {
            var (code, output, _) = CliRunner.Run(verb);
            Assert.Equal(0, code);
            Assert.Contains("Usage", output, StringComparison.OrdinalIgnoreCase);
        }
    }
}

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
    public void Every_verb_has_help()
    {
        foreach (var verb in new[] { new[] { "--help" }, ["bench", "--help"], ["bench", "ops", "--help"], ["bench", "threads", "--help"], ["info", "--help"] })
        {
            var (code, output, _) = CliRunner.Run(verb);
            Assert.Equal(0, code);
            Assert.Contains("Usage", output, StringComparison.OrdinalIgnoreCase);
        }
    }
}

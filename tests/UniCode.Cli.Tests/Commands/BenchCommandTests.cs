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

    [Fact]
    public void Bench_gpt_json_prints_one_line_with_the_step_time_and_the_threads()
    {
        var (code, output, error) = CliRunner.Run("bench", "gpt", "--json", "--steps", "1", "--warmup", "0");

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("gpt", root.GetProperty("bench").GetString());
        Assert.Equal(1, root.GetProperty("steps").GetInt32());
        Assert.True(root.GetProperty("median_ms").GetDouble() > 0, line);
        Assert.True(root.GetProperty("min_ms").GetDouble() <= root.GetProperty("median_ms").GetDouble(), line);
        Assert.True(root.GetProperty("torch_threads").GetInt32() >= 1, line);
        Assert.NotEqual(0, root.GetProperty("blas_threads").GetInt32());
        foreach (var field in new[] { "pytorch_median_ms", "pytorch_min_ms", "pytorch_threads", "pytorch_blas_threads", "ratio" })
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty(field).ValueKind); // not compared
        }
    }

    [Fact]
    public void Bench_generate_json_prints_one_line_with_the_speed_at_both_batch_sizes()
    {
        var (code, output, error) = CliRunner.Run("bench", "generate", "--json", "--new-tokens", "3", "--repeats", "1", "--warmup", "0");

        Assert.True(code == 0, error);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("generate", root.GetProperty("bench").GetString());
        Assert.Equal(16, root.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(3, root.GetProperty("new_tokens").GetInt32());
        Assert.Equal(1, root.GetProperty("repeats").GetInt32());
        Assert.True(root.GetProperty("torch_threads").GetInt32() >= 1, line);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pytorch_threads").ValueKind);
        var batches = root.GetProperty("batches").EnumerateArray().ToList();
        Assert.Equal([1, 16], batches.Select(b => b.GetProperty("batch").GetInt32()));
        foreach (var batch in batches)
        {
            Assert.True(batch.GetProperty("median_ms").GetDouble() > 0, line);
            Assert.True(batch.GetProperty("tokens_per_second").GetDouble() > 0, line);
            Assert.Equal(JsonValueKind.Null, batch.GetProperty("pytorch_tokens_per_second").ValueKind);
            Assert.Equal(JsonValueKind.Null, batch.GetProperty("ratio").ValueKind);
        }
    }

    [Theory]
    [InlineData("gpt", "--steps", "0", "--steps must be at least 1")]
    [InlineData("gpt", "--warmup", "-1", "--warmup must be at least 0")]
    [InlineData("generate", "--new-tokens", "305", "--new-tokens must be at most 304")]
    [InlineData("generate", "--new-tokens", "0", "--new-tokens must be at least 1")]
    [InlineData("generate", "--repeats", "0", "--repeats must be at least 1")]
    [InlineData("generate", "--batch", "0", "--batch must be at least 1")]
    public void Bench_gpt_and_generate_refuse_a_bad_count_by_name(string verb, string option, string value, string message)
    {
        var (code, output, error) = CliRunner.Run("bench", verb, "--json", option, value);

        Assert.NotEqual(0, code);
        Assert.DoesNotContain("median_ms", output, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpt")]
    [InlineData("generate")]
    public void Bench_gpt_and_generate_refuse_an_unknown_framework(string verb)
    {
        var (code, _, error) = CliRunner.Run("bench", verb, "--compare", "tensorflow");

        Assert.NotEqual(0, code);
        Assert.Contains("tensorflow", error, StringComparison.Ordinal);
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
        foreach (var verb in new[] { new[] { "--help" }, ["bench", "--help"], ["bench", "ops", "--help"], ["bench", "threads", "--help"], ["bench", "memory", "--help"], ["bench", "gpt", "--help"], ["bench", "generate", "--help"], ["info", "--help"] })
        {
            var (code, output, _) = CliRunner.Run(verb);
            Assert.Equal(0, code);
            Assert.Contains("Usage", output, StringComparison.OrdinalIgnoreCase);
        }
    }
}

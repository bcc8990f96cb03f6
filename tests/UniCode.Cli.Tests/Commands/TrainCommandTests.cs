using System.Text.Json;

namespace UniCode.Cli.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-cli-train-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Train_lm_prints_its_perplexity_and_a_second_run_reuses_the_model()
    {
        var (code, output, error) = CliRunner.Run("train", "lm", "--profile", "Smoke", "--out", folder, "--json");
        var (againCode, again, againError) = CliRunner.Run("train", "lm", "--profile", "Smoke", "--out", folder, "--json");

        Assert.True(code == 0, output + error);
        Assert.True(againCode == 0, again + againError);
        var first = LastJson(output);
        var second = LastJson(again);
        Assert.False(first.GetProperty("reused").GetBoolean());
        Assert.True(second.GetProperty("reused").GetBoolean());
        Assert.True(first.GetProperty("perplexity").GetDouble() > 1);
        Assert.True(File.Exists(first.GetProperty("checkpoint").GetString()));
    }

    [Fact]
    public void Train_tokenizer_with_a_trained_lm_unifies_its_codebook_with_the_lms_embeddings()
    {
        var (lmCode, lmOutput, lmError) = CliRunner.Run("train", "lm", "--profile", "Smoke", "--out", folder, "--json");
        Assert.True(lmCode == 0, lmOutput + lmError);
        var checkpoint = LastJson(lmOutput).GetProperty("checkpoint").GetString()!;

        var (code, output, error) = CliRunner.Run(
            "train", "tokenizer", "--kind", "vq", "--codebook", "frozen", "--profile", "Smoke", "--lm", checkpoint, "--out", folder, "--json");

        Assert.True(code == 0, output + error);
        Assert.Contains(checkpoint, output, StringComparison.Ordinal);
        var figures = LastJson(output);
        Assert.True(figures.GetProperty("cos").GetDouble() > 0.999, output);
        Assert.True(figures.GetProperty("psnr").GetDouble() > 5, output);
    }

    private static JsonElement LastJson(string output) =>
        JsonDocument.Parse(output.Split('\n').Last(l => l.TrimStart().StartsWith('{'))).RootElement;
}

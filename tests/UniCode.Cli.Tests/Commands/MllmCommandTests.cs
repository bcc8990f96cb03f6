using System.Text.Json;

namespace UniCode.Cli.Tests.Commands;

public sealed class MllmCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-cli-mllm-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Train_stage2_scores_held_out_questions_then_ask_and_generate_reuse_the_model()
    {
        var (code, output, error) = CliRunner.Run("train", "stage2", "--profile", "Smoke", "--out", folder, "--json");
        var grid = Path.Combine(folder, "drawn.png");
        var (askCode, asked, askError) = CliRunner.Run("ask", "--profile", "Smoke", "--out", folder, "--count", "2");
        var (drawCode, drawn, drawError) = CliRunner.Run("generate", "--profile", "Smoke", "--out", folder, "--prompt", "a red circle", "--count", "2", "--grid", grid);

        Assert.True(code == 0, output + error);
        var figures = JsonDocument.Parse(output.Split('\n').Last(l => l.TrimStart().StartsWith('{'))).RootElement;
        Assert.InRange(figures.GetProperty("vqa").GetDouble(), 0, 1);
        Assert.Equal(60, figures.GetProperty("questions").GetInt32());
        Assert.False(figures.GetProperty("reused").GetBoolean());
        Assert.True(askCode == 0, asked + askError);
        Assert.Contains("mllm: reused", asked, StringComparison.Ordinal);
        Assert.Contains("#1  Q: ", asked, StringComparison.Ordinal);
        Assert.True(drawCode == 0, drawn + drawError);
        Assert.True(new FileInfo(grid).Length > 100, "the grid PNG was written");
    }

    [Fact]
    public void Generate_under_the_projector_paradigm_is_refused_before_any_training()
    {
        var (code, output, error) = CliRunner.Run("generate", "--profile", "Smoke", "--paradigm", "projector", "--out", folder, "--grid", Path.Combine(folder, "x.png"));

        Assert.Equal(2, code);
        Assert.Contains("understanding only", error + output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "artifacts")), "nothing was trained");
    }

    [Fact]
    public void Ask_about_a_missing_image_names_it()
    {
        var missing = Path.Combine(folder, "no-such.png");

        var (code, output, error) = CliRunner.Run("ask", "--profile", "Smoke", "--out", folder, "--image", missing);

        Assert.Equal(2, code);
        Assert.Contains(missing, error + output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_stage1_needs_the_unified_paradigm()
    {
        var (code, output, error) = CliRunner.Run("train", "stage1", "--profile", "Smoke", "--paradigm", "separate", "--out", folder);

        Assert.Equal(2, code);
        Assert.Contains("unified", error + output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("13")]
    public void Train_stage2_refuses_questions_per_dialogue_outside_1_to_12_before_any_training(string questions)
    {
        var (code, output, error) = CliRunner.Run("train", "stage2", "--profile", "Smoke", "--questions-per-dialogue", questions, "--out", folder);

        Assert.NotEqual(0, code);
        Assert.Contains("--questions-per-dialogue must be 1 to 12", error + output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}

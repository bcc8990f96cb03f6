namespace UniCode.Cli.Tests.Commands;

public sealed class ReproduceCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-cli-reproduce-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Reproduce_table10_writes_its_table_beside_the_papers_and_a_summary_with_a_verdict()
    {
        var results = Path.Combine(folder, "results");

        var (code, output, error) = CliRunner.Run("reproduce", "table10", "--profile", "Smoke", "--out-dir", results, "--cache", Path.Combine(folder, "cache"));

        Assert.True(code == 0, output + error);
        Assert.Contains("| paper | HQ-UniCode |", File.ReadAllText(Path.Combine(results, "table10.md")), StringComparison.Ordinal);
        Assert.Contains("ours,Smoke,HQ-UniCode", File.ReadAllText(Path.Combine(results, "table10.csv")), StringComparison.Ordinal);
        Assert.Matches(@"\| (yes|partly|no|inconclusive) \|", File.ReadAllText(Path.Combine(results, "reproduction.md")));
    }

    [Fact]
    public void An_unknown_table_is_named_with_the_known_ones()
    {
        var (code, output, error) = CliRunner.Run("reproduce", "table99", "--out-dir", folder);

        Assert.NotEqual(0, code);
        Assert.Contains("table99", error + output, StringComparison.Ordinal);
        Assert.Contains("table10", error + output, StringComparison.Ordinal);
    }
}

using UniCode.Cli.Commands;
using UniCode.Kit.Configuration;
using UniCode.Kit.Experiments;

namespace UniCode.Cli.Tests.Commands;

public sealed class ReproduceCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-cli-reproduce-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Reproduce_table10_writes_its_table_charts_reconstructions_claims_record_executed_notebook_and_a_readme_with_a_verdict_per_claim()
    {
        var results = Path.Combine(folder, "results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "table10.json"), "{\"Name\": \"tab"); // a record cut short by an earlier run

        var (code, output, error) = CliRunner.Run("reproduce", "table10", "--profile", "Smoke", "--out-dir", results, "--cache", Path.Combine(folder, "cache"));

        Assert.True(code == 0, output + error);
        Assert.Contains("table10.json' is not a reproduction record", error, StringComparison.Ordinal);
        var record = Kit.Experiments.ReproductionRecord.Read(Path.Combine(results, "table10.json"));
        Assert.Equal(record.WallSeconds, record.TrainingWallSeconds); // a run from an empty cache trains
        Assert.Contains("| paper | HQ-UniCode |", File.ReadAllText(Path.Combine(results, "table10.md")), StringComparison.Ordinal);
        Assert.Contains("ours,Smoke,HQ-UniCode", File.ReadAllText(Path.Combine(results, "table10.csv")), StringComparison.Ordinal);
        var readme = File.ReadAllText(Path.Combine(results, "README.md"));
        Assert.Matches(@"stacking layers .* \| \*\*(yes|partly|no|inconclusive)\*\* \|", readme);
        Assert.Contains("`./unicode reproduce table5 --profile Quick`", readme, StringComparison.Ordinal);
        Assert.Equal("table10", Kit.Experiments.ReproductionRecord.Read(Path.Combine(results, "table10.json")).Name);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(results, "table10_rfid.png"))[..4]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(results, "table10_hq_unicode_reconstructions.png"))[..4]);
        Assert.Contains("[HQ-UniCode reconstructions](table10_hq_unicode_reconstructions.png ", readme, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(results, "09_table10_reconstruction.ipynb")), output);

        // --readme-only joins tables run apart: it writes the same README from the records alone.
        File.Delete(Path.Combine(results, "README.md"));
        var rewrite = CliRunner.Run("reproduce", "--readme-only", "--out-dir", results);
        Assert.True(rewrite.ExitCode == 0, rewrite.Output + rewrite.Error);
        Assert.Equal(readme, File.ReadAllText(Path.Combine(results, "README.md")));
    }

    [Fact]
    public void Readme_only_on_a_folder_without_records_says_so_and_writes_nothing()
    {
        var (code, output, error) = CliRunner.Run("reproduce", "--readme-only", "--out-dir", folder);

        Assert.Equal(1, code);
        Assert.Contains("holds no table records", error, StringComparison.Ordinal);
        Assert.Contains(folder, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "README.md")), output);
    }

    [Fact]
    public void Readme_only_with_a_table_or_neither_is_refused_before_anything_runs()
    {
        var both = CliRunner.Run("reproduce", "table1", "--readme-only", "--out-dir", folder);
        var neither = CliRunner.Run("reproduce", "--out-dir", folder);

        Assert.NotEqual(0, both.ExitCode);
        Assert.Contains("drop the table", both.Error + both.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, neither.ExitCode);
        Assert.Contains("name a table to reproduce", neither.Error + neither.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void A_table_notebook_that_cannot_load_the_kit_stops_reproduce_before_any_training_naming_the_file_and_the_build()
    {
        var notebooks = Directory.CreateDirectory(Path.Combine(folder, "notebooks")).FullName;
        var notebook = Notebooks.Model.Notebook.CreateCSharp();
        notebook.AddCode("#r \"../artifacts/bin/UniCode.Kit/release_net9.0/UniCode.Kit.dll\"");
        notebook.Save(Path.Combine(notebooks, "09_table10_reconstruction.ipynb"));
        using var error = new StringWriter();

        var runnable = ReproduceCommand.CheckNotebooks(ExperimentCatalog.All, notebooks, Profile.Smoke, Path.Combine(folder, "results"), error);

        Assert.False(runnable);
        Assert.Contains("table10's notebook cannot run, so nothing was trained", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("cell 0 loads '../artifacts/bin/UniCode.Kit/release_net9.0/UniCode.Kit.dll'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("dotnet build UniCode.Kit.sln -c Release", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "results")));
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

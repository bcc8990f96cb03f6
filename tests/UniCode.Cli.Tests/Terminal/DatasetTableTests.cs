using UniCode.Cli.Terminal;
using UniCode.Kit.Data.Datasets;

namespace UniCode.Cli.Tests.Terminal;

public sealed class DatasetTableTests
{
    [Fact]
    public void The_Installed_Catalog_Shows_Counts_Packages_And_Licences()
    {
        var table = DatasetTable.Format(DatasetCatalog.List());
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("dataset", lines[0], StringComparison.Ordinal);
        Assert.Matches("^-+  -+", lines[1]);
        Assert.Equal(2 + 4, lines.Length);
        Assert.Contains("train 60,000, test 10,000", table, StringComparison.Ordinal);
        Assert.Contains("ruby-gemojione", table, StringComparison.Ordinal);
        Assert.Contains("generated", lines.Single(l => l.StartsWith("shapes", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_And_Broken_Datasets_Say_So()
    {
        var missing = new DatasetInfo("wordnet", "glosses", "wordnet-base", "WordNet", false, null, new Dictionary<string, long>(), null);
        var broken = new DatasetInfo("fashion-mnist", "clothes", "dataset-fashion-mnist", "MIT", true, "/x", new Dictionary<string, long>(), "/x/t10k.gz: truncated");
        var table = DatasetTable.Format([missing, broken]);
        Assert.Contains("wordnet        missing", table, StringComparison.Ordinal);
        Assert.Contains("broken: /x/t10k.gz: truncated", table, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using UniCode.Kit.Data.Datasets;

namespace UniCode.Kit.Tests.Data.Datasets;

public sealed class InstallDebianDataScriptTests
{
    [Fact]
    public void The_check_mode_finds_every_catalog_package_installed()
    {
        var script = Path.Combine(RepositoryRoot(), "data-scripts", "install-debian-data.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--check");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        foreach (var package in DatasetCatalog.AptPackages)
        {
            Assert.Contains($"installed: {package}", output);
        }

        Assert.Equal(DatasetCatalog.AptPackages.Count, output.Split('\n').Count(l => l.StartsWith("installed: ", StringComparison.Ordinal)));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "UniCode.Kit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no UniCode.Kit.sln above {AppContext.BaseDirectory}");
    }
}

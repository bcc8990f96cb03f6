using UniCode.Kit.Data.Datasets;

namespace UniCode.Kit.Tests.Data.Datasets;

public sealed class DatasetCatalogTests
{
    [Fact]
    public void Lists_every_embedded_dataset_with_its_counts_and_package()
    {
        var list = DatasetCatalog.List();
        Assert.Equal(["fashion-mnist", "emoji", "shapes", "wordnet"], list.Select(d => d.Name));
        var fashion = list[0];
        Assert.True(fashion.Available);
        Assert.Equal("dataset-fashion-mnist", fashion.AptPackage);
        Assert.Equal(60_000, fashion.Counts["train"]);
        Assert.Equal(10_000, fashion.Counts["test"]);
        Assert.Contains("MIT", fashion.Licence);
        Assert.Equal(1794, list[1].Counts["images"]);
        Assert.Equal("ruby-gemojione", list[1].AptPackage);
        Assert.Contains("CC-BY-SA-4.0", list[1].Licence);
        Assert.True(list[2].Available);
        Assert.Null(list[2].AptPackage);
        Assert.Equal(117_659, list[3].Counts["glosses"]);
        Assert.Equal("wordnet-base", list[3].AptPackage);
        Assert.Empty(DatasetCatalog.MissingPackages());
    }

    [Fact]
    public void Datasets_under_missing_roots_are_not_installed_and_their_packages_are_missing()
    {
        using var temp = new TempFolder();
        var roots = new DataRoots { FashionMnist = temp.Path, Emoji = temp.Path, WordNet = temp.Path };
        var list = DatasetCatalog.List(roots);
        Assert.Equal([false, false, true, false], list.Select(d => d.Installed));
        Assert.Equal(["dataset-fashion-mnist", "ruby-gemojione", "wordnet-base"], DatasetCatalog.MissingPackages(roots));
        var report = DatasetCatalog.Prepare(install: false, roots);
        Assert.Null(report.Install);
        Assert.False(report.AllAvailable);
        var error = Assert.Throws<DatasetNotInstalledException>(() => DatasetCatalog.OpenImageDataset("emoji", roots: roots));
        Assert.Contains("ruby-gemojione", error.Message);
    }

    [Fact]
    public void A_corrupt_file_marks_the_dataset_broken()
    {
        using var temp = new TempFolder();
        foreach (var split in new[] { FashionMnistSplit.Train, FashionMnistSplit.Test })
        {
            var (images, labels) = FashionMnist.FilesOf(temp.Path, split);
            File.WriteAllBytes(images, [1, 2, 3]);
            File.WriteAllBytes(labels, [1, 2, 3]);
        }

        var info = DatasetCatalog.Describe("fashion-mnist", new DataRoots { FashionMnist = temp.Path });
        Assert.True(info.Installed);
        Assert.False(info.Available);
        Assert.Contains("train-images-idx3-ubyte.gz", info.Problem);
    }

    [Fact]
    public void The_install_command_uses_sudo_only_when_not_root_and_refuses_bad_names()
    {
        var asRoot = DatasetCatalog.InstallCommand(["dataset-fashion-mnist", "wordnet-base"], asRoot: true);
        Assert.Equal("apt-get", asRoot.FileName);
        Assert.Equal(["install", "-y", "dataset-fashion-mnist", "wordnet-base"], asRoot.Arguments);
        var asUser = DatasetCatalog.InstallCommand(["ruby-gemojione"], asRoot: false);
        Assert.Equal("sudo", asUser.FileName);
        Assert.Equal(["apt-get", "install", "-y", "ruby-gemojione"], asUser.Arguments);
        Assert.Throws<ArgumentException>(() => DatasetCatalog.InstallCommand(["--allow-unauthenticated"], true));
        Assert.Throws<ArgumentException>(() => DatasetCatalog.InstallCommand(["a;rm"], true));
        Assert.Throws<ArgumentException>(() => DatasetCatalog.InstallCommand([], true));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Running_the_install_reports_exit_code_and_output()
    {
        using var temp = new TempFolder();
        var script = temp.File("fake-apt-get");
        File.WriteAllText(script, "#!/bin/sh\necho \"installing $*\"\necho 'E: no such package' >&2\nexit 100\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var result = DatasetCatalog.RunInstall(["wordnet-base"], script, ["install", "-y", "wordnet-base"]);
        Assert.Equal(100, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Contains("installing install -y wordnet-base", result.Output);
        Assert.Contains("E: no such package", result.Output);

        var missing = DatasetCatalog.RunInstall(["wordnet-base"], Path.Combine(temp.Path, "no-such-program"), []);
        Assert.Equal(-1, missing.ExitCode);
        Assert.Contains("could not start", missing.Output);
    }

    [Theory]
    [InlineData("fashion-mnist", 32)]
    [InlineData("emoji", 24)]
    [InlineData("shapes", 40)]
    public void Samples_come_from_any_image_dataset_by_name_with_captions(string name, int size)
    {
        var samples = DatasetCatalog.Samples(name, 6, size, seed: 3);
        Assert.Equal(6, samples.Count);
        Assert.All(samples, s => Assert.Equal((size, size, 3), (s.Image.Height, s.Image.Width, s.Image.Channels)));
        Assert.All(samples, s => Assert.False(string.IsNullOrWhiteSpace(s.Caption)));
        Assert.Equal(samples.Select(s => s.Caption), DatasetCatalog.Samples(name, 6, size, seed: 3).Select(s => s.Caption));
    }

    [Fact]
    public void Unknown_names_are_refused_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => DatasetCatalog.OpenImageDataset("cifar"));
        Assert.Contains("fashion-mnist", error.Message);
        Assert.Throws<ArgumentException>(() => DatasetCatalog.Describe("cifar"));
    }
}

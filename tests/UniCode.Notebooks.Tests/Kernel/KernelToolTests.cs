using System.Text.Json.Nodes;
using UniCode.Notebooks.Kernel;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests.Kernel;

public sealed class KernelToolTests
{
    [Fact]
    public void The_pinned_version_is_the_one_in_the_tool_manifest()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(KitBuild.Root, ".config", "dotnet-tools.json")))!;

        Assert.Equal(KernelTool.Version, manifest["tools"]![KernelTool.PackageId.ToLowerInvariant()]!["version"]!.GetValue<string>());
    }

    [Fact]
    public void A_machine_without_the_tool_gets_a_message_saying_how_to_install_it()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<FileNotFoundException>(() => KernelTool.Locate(null, folder.FullPath));

        Assert.Contains(KernelTool.Version, error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet tool restore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_path_that_is_not_a_file_is_named_in_the_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => KernelTool.Locate("/nonexistent/App.dll", "/tmp"));

        Assert.Contains("/nonexistent/App.dll", error.Message, StringComparison.Ordinal);
        Assert.Contains(KernelTool.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_installed_tool_is_found()
    {
        Assert.EndsWith("Microsoft.DotNet.Interactive.App.dll", KernelTool.Locate(), StringComparison.Ordinal);
    }
}

using UniCode.Notebooks.Kernel;

namespace UniCode.Notebooks.Tests.Kernel;

public sealed class KernelCommandLineTests
{
    [Fact]
    public void The_kernel_starts_as_VS_Code_starts_it_in_the_notebook_folder_with_the_given_environment()
    {
        var start = KernelCommandLine.Create("/tools/App.dll", "/notebooks", new Dictionary<string, string?>
        {
            ["UNICODE_PROFILE"] = "Smoke",
            ["HOME_REMOVED_FOR_TEST"] = null,
        });

        Assert.Equal(["/tools/App.dll", "stdio", "--default-kernel", "csharp", "--working-dir", "/notebooks"], start.ArgumentList);
        Assert.Equal("/notebooks", start.WorkingDirectory);
        Assert.Equal("Smoke", start.Environment["UNICODE_PROFILE"]);
        Assert.False(start.Environment.ContainsKey("HOME_REMOVED_FOR_TEST"));
        Assert.Equal("1", start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"]);
        Assert.True(start.RedirectStandardInput && start.RedirectStandardOutput && start.RedirectStandardError);
    }
}

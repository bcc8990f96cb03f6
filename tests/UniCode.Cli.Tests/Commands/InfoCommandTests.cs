using System.Diagnostics;

namespace UniCode.Cli.Tests.Commands;

public sealed class InfoCommandTests
{
    [Fact]
    public void Info_prints_the_libtorch_version_and_the_thread_split()
    {
        var (code, output, error) = CliRunner.Run("info");

        Assert.True(code == 0, error);
        Assert.Contains("libtorch", output, StringComparison.Ordinal);
        Assert.Contains("OpenBLAS threads", output, StringComparison.Ordinal);
        Assert.Contains("profile", output, StringComparison.Ordinal);
        Assert.Contains("artifact cache", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_reports_an_invalid_profile_instead_of_failing()
    {
        // In its own process: other tests (notebook runs) set UNICODE_PROFILE in this one.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "unicode.dll"), "info"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["UNICODE_PROFILE"] = "Huge";
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("invalid: UNICODE_PROFILE='Huge'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_native_bridge_the_error_lists_where_it_looked_and_how_to_install()
    {
        // A copy of the CLI's folder without libunicode_torch.so, run in its own process.
        var source = AppContext.BaseDirectory;
        var copy = Directory.CreateTempSubdirectory("unicode-cli-nolib-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(source).Where(f => !f.EndsWith("libunicode_torch.so", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            var start = new ProcessStartInfo("dotnet", [Path.Combine(copy, "unicode.dll"), "info"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment.Remove("UNICODE_TORCH_NATIVE");
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("DllNotFoundException", error, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(copy, "libunicode_torch.so") + ": not found", error, StringComparison.Ordinal);
            Assert.Contains("apt-get install libtorch-dev", error, StringComparison.Ordinal);
            Assert.DoesNotContain("TypeInitializationException", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}

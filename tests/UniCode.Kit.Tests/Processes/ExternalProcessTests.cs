using System.Diagnostics;
using UniCode.Kit.Processes;
using UniCode.Kit.Tests.Configuration;
using UniCode.Kit.Tests.Data;

namespace UniCode.Kit.Tests.Processes;

public sealed class ExternalProcessTests
{
    [Fact]
    public void Captures_Stdout_Stderr_In_Order_And_The_Exit_Code()
    {
        var result = ExternalProcess.Run("/bin/sh", ["-c", "echo out1; echo err1 >&2; echo out2; exit 3"]);
        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal("out1\nout2\n", result.StandardOutput);
        Assert.Equal("err1\n", result.StandardError);
        Assert.Equal(["err1", "out1", "out2"], result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal("/bin/sh -c echo out1; echo err1 >&2; echo out2; exit 3", result.CommandLine);
    }

    [Fact]
    public void Arguments_Are_Passed_Verbatim_Without_A_Shell()
    {
        var result = ExternalProcess.Run("/bin/echo", ["a b", "$HOME", "'q'"]);
        Assert.True(result.Succeeded);
        Assert.Equal("a b $HOME 'q'\n", result.StandardOutput);
    }

    [Fact]
    public void Large_Output_On_Both_Streams_Does_Not_Deadlock()
    {
        // 4 MB on each pipe: far beyond the 64 KB a pipe buffers, so reading one stream after the other would hang.
        var result = ExternalProcess.Run("/bin/sh", ["-c", "head -c 4000000 /dev/zero | tr '\\0' 'o' | fold -w 100; head -c 4000000 /dev/zero | tr '\\0' 'e' | fold -w 100 >&2"],
            new ExternalProcessOptions { Timeout = TimeSpan.FromSeconds(60) });
        Assert.True(result.Succeeded);
        Assert.Equal(4_040_000, result.StandardOutput.Length);
        Assert.Equal(4_040_000, result.StandardError.Length);
    }

    [Fact]
    public void Environment_Variables_Are_Set_And_Removed()
    {
        var result = ExternalProcess.Run("/bin/sh", ["-c", "echo \"$UNICODE_TEST_A|${HOME:-unset}\""], new ExternalProcessOptions
        {
            Environment = new Dictionary<string, string?> { ["UNICODE_TEST_A"] = "set", ["HOME"] = null },
        });
        Assert.Equal("set|unset\n", result.StandardOutput);
    }

    [Fact]
    public void Stdin_Is_Closed_So_A_Program_Waiting_For_Input_Ends()
    {
        var result = ExternalProcess.Run("/bin/cat", [], new ExternalProcessOptions { Timeout = TimeSpan.FromSeconds(20) });
        Assert.True(result.Succeeded);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public void A_Missing_Program_Is_An_Error_Naming_It_And_How_To_Install_It()
    {
        using var temp = new TempFolder();
        var program = Path.Combine(temp.Path, "no-such-program");
        var error = Assert.Throws<ProgramNotFoundException>(() => ExternalProcess.Run(program, [], new ExternalProcessOptions { InstallHint = "apt-get install -y no-such" }));
        Assert.Equal(program, error.Program);
        Assert.Contains(program, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y no-such", error.Message, StringComparison.Ordinal);
        Assert.Throws<ProgramNotFoundException>(() => ExternalProcess.Run("unicode-no-such-program-on-path", []));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_Timeout_Kills_The_Whole_Process_Tree()
    {
        using var temp = new TempFolder();
        var pidFile = temp.File("child.pid");
        // The shell starts a grandchild that would outlive a kill of the shell alone.
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<TimeoutException>(() => ExternalProcess.Run("/bin/sh", ["-c", $"sleep 300 & echo $! > {pidFile}; echo started; wait"],
            new ExternalProcessOptions { Timeout = TimeSpan.FromSeconds(2) }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Contains("/bin/sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("within 2 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("started", error.Message, StringComparison.Ordinal);
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(SpinWait.SpinUntil(() => !IsRunning(child), TimeSpan.FromSeconds(10)), $"the grandchild {child} is still running");
    }

    [Fact]
    public void Options_Are_Validated_Naming_The_Property()
    {
        new ExternalProcessOptions().Validate();
        OptionsAssert.RejectsNaming(new ExternalProcessOptions { Timeout = TimeSpan.Zero }, nameof(ExternalProcessOptions.Timeout));
        OptionsAssert.RejectsNaming(new ExternalProcessOptions { Timeout = TimeSpan.FromDays(2) }, nameof(ExternalProcessOptions.Timeout));
        OptionsAssert.RejectsNaming(new ExternalProcessOptions { Environment = new Dictionary<string, string?> { [""] = "x" } }, nameof(ExternalProcessOptions.Environment));
        OptionsAssert.RejectsNaming(new ExternalProcessOptions { WorkingDirectory = "/nonexistent/folder" }, nameof(ExternalProcessOptions.WorkingDirectory));
    }

    // A zombie (exited, not yet reaped) counts as ended: /proc/<pid>/stat's state is Z.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}

using System.Diagnostics;

namespace UniCode.Torch.Tests.Interop;

// Each case runs in a child process (this assembly's entry point): a regression crashes the child, which
// fails the test, instead of killing the test host.
public sealed class HandleListTests
{
    [Fact]
    public void Cat_and_Stack_over_a_lazily_projected_list_survive_a_collecting_GC()
    {
        var output = RunChild(ChildScenarios.LazyListCat);
        Assert.Matches(@"^ok calls=[1-9]\d*$", output);
    }

    [Fact]
    public void Inputs_disposed_by_another_thread_make_calls_throw_ObjectDisposedException_or_succeed_never_crash()
    {
        var output = RunChild(ChildScenarios.DisposeRace);
        Assert.Matches(@"^ok rounds=[1-9]\d* succeeded=\d+ refused=[1-9]\d*$", output);
    }

    [Fact]
    public void A_disposed_tensor_in_a_list_is_refused_before_the_native_call()
    {
        using var kept = Tensor.Ones(2);
        var gone = Tensor.Ones(2);
        gone.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Tensor.Cat([kept, gone]));
        Assert.Throws<ArgumentNullException>(() => Tensor.Stack([kept, null!]));
        using var joined = Tensor.Cat([kept, kept]); // the references taken for the failed calls were released
        Assert.Equal(4, joined.NumElements);
    }

    private static string RunChild(string scenario)
    {
        var assembly = typeof(ChildScenarios).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(scenario);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"scenario {scenario} hung");
        }

        Assert.True(process.ExitCode == 0, $"scenario {scenario} exited with {process.ExitCode} (139 = SIGSEGV): {stdout} {stderr.Result}");
        return stdout.Trim();
    }
}

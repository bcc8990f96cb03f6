using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace UniCode.Cli.Bench.PyTorch;

/// <summary>
/// A PyTorch process that runs one of the benchmark scripts shipped inside this assembly and times its step on
/// command ("run N" on stdin, one JSON line of times back), so that the kit's and PyTorch's steps can be interleaved
/// in one invocation.
/// </summary>
internal sealed class PyTorchWorker : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process process;
    private readonly string scriptPath;

    private PyTorchWorker(Process process, string scriptPath, JsonElement ready)
    {
        this.process = process;
        this.scriptPath = scriptPath;
        Version = ready.GetProperty("torch").GetString() ?? "?";
        Threads = ready.GetProperty("threads").GetInt32();
        BlasThreads = ready.TryGetProperty("blas_threads", out var blas) ? blas.GetInt32() : null;
    }

    /// <summary>torch.__version__ of the worker.</summary>
    public string Version { get; }

    /// <summary>torch.get_num_threads() of the worker (PyTorch as shipped: its defaults are left alone).</summary>
    public int Threads { get; }

    /// <summary>OpenBLAS's threads in the worker, when its script reports them (-1: not OpenBLAS).</summary>
    public int? BlasThreads { get; }

    /// <summary>Starts <paramref name="script"/> (a resource of this assembly) under Debian's python3 with torch,
    /// installing python3-torch first when it is missing.</summary>
    /// <param name="script">The script's file name, e.g. <c>vqvae_step.py</c>.</param>
    /// <param name="log">Where to say what is being installed.</param>
    /// <param name="arguments">The script's command-line arguments.</param>
    public static PyTorchWorker Start(string script, TextWriter log, params string[] arguments)
    {
        EnsureTorch(log);
        var path = Path.Combine(Path.GetTempPath(), $"unicode-bench-{Environment.ProcessId}-{script}");
        using (var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream($"UniCode.Cli.Bench.PyTorch.{script}")
            ?? throw new InvalidOperationException($"the benchmark script {script} is not embedded in the CLI"))
        using (var file = File.Create(path))
        {
            resource.CopyTo(file);
        }

        var info = new ProcessStartInfo(Python, [path, .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Python}");
        var line = process.StandardOutput.ReadLine();
        if (line is null)
        {
            process.WaitForExit();
            File.Delete(path);
            throw new InvalidOperationException($"the PyTorch side of the benchmark ({script}) exited with code {process.ExitCode} before it was ready");
        }

        return new PyTorchWorker(process, path, JsonDocument.Parse(line).RootElement.Clone());
    }

    /// <summary>Times <paramref name="steps"/> steps in PyTorch.</summary>
    /// <param name="steps">How many.</param>
    /// <param name="arguments">What the script's step takes besides the count (e.g. a batch size).</param>
    /// <returns>Milliseconds per step.</returns>
    public IReadOnlyList<double> Run(int steps, params string[] arguments)
    {
        process.StandardInput.WriteLine(string.Join(' ', ["run", steps.ToString(CultureInfo.InvariantCulture), .. arguments]));
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"the PyTorch side of the benchmark stopped (exit code {(process.HasExited ? process.ExitCode : -1)})");
        return [.. JsonDocument.Parse(line).RootElement.GetProperty("times_ms").EnumerateArray().Select(e => e.GetDouble())];
    }

    /// <summary>Stops the worker and deletes its script.</summary>
    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.WriteLine("quit");
                process.StandardInput.Flush();
                if (!process.WaitForExit(5000))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (IOException)
        {
            // The worker is gone already.
        }
        finally
        {
            process.Dispose();
            File.Delete(scriptPath);
        }
    }

    private static void EnsureTorch(TextWriter log)
    {
        if (Probe())
        {
            return;
        }

        log.WriteLine("--compare pytorch needs Debian's python3-torch; installing it with apt-get");
        var root = Environment.UserName == "root";
        var arguments = root ? "apt-get" : "sudo";
        string[] rest = root ? ["install", "-y", "-qq", "--no-install-recommends", "python3-torch"] : ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "python3-torch"];
        using var install = Process.Start(new ProcessStartInfo(arguments, rest) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start apt-get to install python3-torch");
        install.WaitForExit();
        if (install.ExitCode != 0 || !Probe())
        {
            throw new InvalidOperationException(
                $"python3-torch is not installed and apt-get failed (exit code {install.ExitCode}); install it with 'sudo apt-get install python3-torch'");
        }
    }

    private static bool Probe()
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import torch"]) { UseShellExecute = false, RedirectStandardError = true });
        if (probe is null)
        {
            return false;
        }

        probe.StandardError.ReadToEnd();
        probe.WaitForExit();
        return probe.ExitCode == 0;
    }
}

using System.Diagnostics;
using System.Globalization;
using UniCode.Torch;
using UniCode.Torch.NN;
using UniCode.Torch.Optim;

namespace UniCode.Cli.Bench;

/// <summary>One line of <c>bench memory</c>: a training loop's peak memory with or without a dispose scope per step.</summary>
/// <param name="Mode"><c>scoped</c> (a <see cref="DisposeScope"/> per step) or <c>unscoped</c> (nothing disposed: the GC frees).</param>
/// <param name="Steps">Training steps run.</param>
/// <param name="StartRssMiB">Resident memory before the loop.</param>
/// <param name="PeakRssMiB">Peak resident memory during the loop (VmHWM, reset before it).</param>
/// <param name="PeakNativeMiB">Peak bytes of libtorch CPU storage during the loop.</param>
/// <param name="PeakLiveTensors">Peak native tensors alive during the loop.</param>
/// <param name="Gen0Collections">Garbage collections of any generation during the loop.</param>
/// <param name="Gen2Collections">Full (generation 2) collections during the loop.</param>
/// <param name="Seconds">Wall time of the loop.</param>
internal sealed record MemoryResult(string Mode, int Steps, double StartRssMiB, double PeakRssMiB, double PeakNativeMiB, long PeakLiveTensors,
    int Gen0Collections, int Gen2Collections, double Seconds);

/// <summary>
/// Whether code that never disposes its tensors (as most notebook code is written) stays bounded: the same MLP
/// training loop (512 wide, batch [512, 512], AdamW) runs with a <see cref="DisposeScope"/> per step, then without,
/// in this process, each after a full collection and a reset of the kernel's peak-RSS mark.
/// </summary>
internal static class MemoryBenchmark
{
    private const int Width = 512;

    /// <summary>Runs the scoped loop, then the unscoped one.</summary>
    /// <param name="steps">Training steps per loop.</param>
    public static IEnumerable<MemoryResult> Run(int steps)
    {
        yield return Loop("scoped", steps, scoped: true);
        yield return Loop("unscoped", steps, scoped: false);
    }

    private static MemoryResult Loop(string mode, int steps, bool scoped)
    {
        LibTorch.ManualSeed(0);
        using var generator = new Generator(0);
        using var model = new Sequential(
            new Linear(Width, Width, generator: generator), new ReLU(),
            new Linear(Width, Width, generator: generator), new ReLU(),
            new Linear(Width, Width, generator: generator));
        using var optimizer = new AdamW(model.Parameters(), new AdamWOptions { LearningRate = 1e-4 });
        using var inputs = Tensor.Randn([Width, Width], generator);
        using var targets = Tensor.Randn([Width, Width], generator);

        void Step()
        {
            optimizer.ZeroGrad();
            var loss = Functional.MseLoss(model.Forward(inputs), targets);
            loss.Backward();
            optimizer.Step();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var startRss = Rss("VmRSS:");
        var resetPeak = ResetPeakRss();
        var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
        long peakNative = 0, peakLive = 0, sampledRss = startRss;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++)
        {
            if (scoped)
            {
                using var scope = new DisposeScope();
                Step();
            }
            else
            {
                Step();
            }

            peakNative = Math.Max(peakNative, LibTorch.NativeBytes);
            peakLive = Math.Max(peakLive, LibTorch.LiveTensors);
            sampledRss = Math.Max(sampledRss, Rss("VmRSS:"));
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var peakRss = resetPeak ? Math.Max(sampledRss, Rss("VmHWM:")) : sampledRss;
        return new MemoryResult(mode, steps, MiB(startRss), MiB(peakRss), MiB(peakNative), peakLive,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, seconds);
    }

    private static double MiB(long bytes) => Math.Round(bytes / 1048576.0, 1);

    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+), so each loop's peak is its own.
    private static bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // A /proc/self/status line in bytes (e.g. "VmRSS:   123456 kB"); 0 where /proc is unavailable.
    private static long Rss(string key)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var kilobytes = line[key.Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}

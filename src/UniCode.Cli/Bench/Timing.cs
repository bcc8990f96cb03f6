using System.Diagnostics;

namespace UniCode.Cli.Bench;

/// <summary>Summary statistics of repeated timings, in microseconds per iteration.</summary>
/// <param name="MedianUs">The median.</param>
/// <param name="MinUs">The fastest repeat.</param>
/// <param name="MaxUs">The slowest repeat.</param>
internal sealed record TimingStats(double MedianUs, double MinUs, double MaxUs)
{
    /// <summary>Summarises timings given in nanoseconds per iteration.</summary>
    public static TimingStats FromNanoseconds(IReadOnlyCollection<double> nanoseconds) =>
        new(Timing.Median(nanoseconds) / 1000, nanoseconds.Min() / 1000, nanoseconds.Max() / 1000);
}

/// <summary>Times a loop body from C#.</summary>
internal static class Timing
{
    /// <summary>The median (the mean of the middle two of an even count).</summary>
    /// <param name="values">At least one value.</param>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Runs <paramref name="body"/> <paramref name="iterations"/> times and returns nanoseconds per iteration.</summary>
    public static double NanosecondsPerIteration(Action body, long iterations)
    {
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < iterations; i++)
        {
            body();
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / iterations;
    }

    /// <summary>Picks an iteration count so that one repeat takes about <paramref name="target"/>.</summary>
    public static long Calibrate(Action body, TimeSpan target)
    {
        body(); // the first call pays for lazy initialisation (allocator pools, kernels, JIT)
        long iterations = 1;
        while (true)
        {
            var perIteration = NanosecondsPerIteration(body, iterations);
            var total = perIteration * iterations;
            if (total >= target.TotalNanoseconds / 4 || iterations >= 1 << 24)
            {
                return Math.Max(1, (long)(target.TotalNanoseconds / perIteration));
            }

            iterations *= 4;
        }
    }
}

using System.Diagnostics;
using UniCode.Cli.Bench.PyTorch;

namespace UniCode.Cli.Bench;

/// <summary>
/// Timed steps of the kit and of the same step in a PyTorch worker, alternated round by round so that both sides
/// meet the same machine load (another process's burst lands on both, not on one).
/// </summary>
/// <param name="KitMs">The kit's milliseconds per step.</param>
/// <param name="PytorchMs">PyTorch's, or null without a worker.</param>
internal sealed record Interleaved(IReadOnlyList<double> KitMs, IReadOnlyList<double>? PytorchMs)
{
    /// <summary>Runs <paramref name="warmup"/> untimed steps per side, then <paramref name="steps"/> timed ones per
    /// side in <paramref name="rounds"/> alternating rounds (kit first).</summary>
    /// <param name="kitStep">The kit's step.</param>
    /// <param name="worker">The PyTorch side, or null to time the kit alone.</param>
    /// <param name="steps">Timed steps per side, at least 1.</param>
    /// <param name="rounds">Rounds to split them into (at most <paramref name="steps"/> are used).</param>
    /// <param name="warmup">Untimed steps per side first.</param>
    /// <param name="arguments">What the worker's step takes besides the count (e.g. a batch size).</param>
    public static Interleaved Run(Action kitStep, PyTorchWorker? worker, int steps, int rounds, int warmup, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(kitStep);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        for (var i = 0; i < warmup; i++)
        {
            kitStep();
        }

        if (warmup > 0)
        {
            worker?.Run(warmup, arguments);
        }

        rounds = Math.Min(rounds, steps);
        var kit = new List<double>();
        var pytorch = worker is null ? null : new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Spread the steps over the rounds as evenly as whole numbers allow.
            var count = (steps * (round + 1) / rounds) - (steps * round / rounds);
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                kitStep();
                kit.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            pytorch?.AddRange(worker!.Run(count, arguments));
        }

        return new Interleaved(kit, pytorch);
    }

    /// <summary>The kit's median step.</summary>
    public double KitMedian => Timing.Median(KitMs);

    /// <summary>PyTorch's median step, or null.</summary>
    public double? PytorchMedian => PytorchMs is null ? null : Timing.Median(PytorchMs);
}

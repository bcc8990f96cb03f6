using System.Diagnostics;

namespace UniCode.Kit.Training;

/// <summary>
/// Forwards training progress at most once per <see cref="Interval"/> (and always the last step), so that a notebook's
/// updating display is not redrawn on every step. Reports arrive on the training thread.
/// </summary>
/// <param name="report">What to do with a forwarded report (e.g. update a notebook display).</param>
/// <param name="interval">The shortest time between two forwarded reports.</param>
public sealed class ThrottledProgress(Action<TrainingProgress> report, TimeSpan interval) : IProgress<TrainingProgress>
{
    private readonly Action<TrainingProgress> report = report ?? throw new ArgumentNullException(nameof(report));
    private long last = long.MinValue;

    /// <summary>The shortest time between two forwarded reports.</summary>
    public TimeSpan Interval { get; } = interval;

    /// <inheritdoc/>
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = Stopwatch.GetTimestamp();
        if (value.Step >= value.TotalSteps || last == long.MinValue || Stopwatch.GetElapsedTime(last, now) >= Interval)
        {
            last = now;
            report(value);
        }
    }
}

using UniCode.Torch;

namespace UniCode.Kit.Reporting.Chromium;

/// <summary>How <see cref="HeadlessChromium"/> takes a screenshot of a page.</summary>
public sealed record ScreenshotOptions : IOptions
{
    /// <summary>Window width in CSS pixels, 16-8000.</summary>
    public int Width { get; init; } = 800;

    /// <summary>Window height in CSS pixels, 16-8000.</summary>
    public int Height { get; init; } = 500;

    /// <summary>Device pixels per CSS pixel (2 gives a sharper PNG twice the size), 0.25-4.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Virtual time the page may use (timers, animations) before the screenshot, in milliseconds (0-600000).</summary>
    public int VirtualTimeBudgetMilliseconds { get; init; } = 10_000;

    /// <summary>Wall-clock limit for Chromium; past it the process tree is killed and a <see cref="TimeoutException"/> thrown. Positive, at most an hour.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.InRange(Width, 16, 8000, nameof(Width));
        OptionCheck.InRange(Height, 16, 8000, nameof(Height));
        OptionCheck.InRange(Scale, 0.25, 4, nameof(Scale));
        OptionCheck.InRange(VirtualTimeBudgetMilliseconds, 0, 600_000, nameof(VirtualTimeBudgetMilliseconds));
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, $"{nameof(Timeout)} must be positive and at most an hour, not {Timeout}");
        }
    }
}

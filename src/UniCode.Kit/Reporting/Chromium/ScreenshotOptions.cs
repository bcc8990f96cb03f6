namespace UniCode.Kit.Reporting.Chromium;

/// <summary>How <see cref="HeadlessChromium"/> takes a screenshot of a page.</summary>
public sealed record ScreenshotOptions
{
    /// <summary>Window width in CSS pixels, 16-8000.</summary>
    public int Width { get; init; } = 800;

    /// <summary>Window height in CSS pixels, 16-8000.</summary>
    public int Height { get; init; } = 500;

    /// <summary>Device pixels per CSS pixel (2 gives a sharper PNG twice the size), 0.25-4.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Virtual time the page may use (timers, animations) before the screenshot, in milliseconds.</summary>
    public int VirtualTimeBudgetMilliseconds { get; init; } = 10_000;

    /// <summary>Wall-clock limit for Chromium; past it the process tree is killed and a <see cref="TimeoutException"/> thrown.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Throws unless every option is in range.</summary>
    public void Validate()
    {
        if (Width is < 16 or > 8000)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), Width, "screenshot width must be 16-8000 pixels");
        }

        if (Height is < 16 or > 8000)
        {
            throw new ArgumentOutOfRangeException(nameof(Height), Height, "screenshot height must be 16-8000 pixels");
        }

        if (!(Scale is >= 0.25 and <= 4))
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "screenshot scale must be 0.25-4");
        }

        if (VirtualTimeBudgetMilliseconds is < 0 or > 600_000)
        {
            throw new ArgumentOutOfRangeException(nameof(VirtualTimeBudgetMilliseconds), VirtualTimeBudgetMilliseconds, "virtual time budget must be 0-600000 ms");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "screenshot timeout must be positive and at most an hour");
        }
    }
}

namespace UniCode.Kit.Reporting.Tables;

/// <summary>
/// A column of a <see cref="ResultTable"/>: a metric (accuracy, FID, ...) with the direction in which it
/// improves, or a descriptive column (parameter count, resolution) that is shown but never ranked.
/// </summary>
/// <param name="Name">The header, e.g. <c>VQA2</c> or <c>FID ImgNet</c>.</param>
/// <param name="HigherIsBetter">True for accuracies and scores, false for FID-like errors.</param>
/// <param name="Decimals">Digits after the point when numbers are shown in Markdown and HTML (CSV keeps full precision).</param>
public sealed record ResultColumn(string Name, bool HigherIsBetter = true, int Decimals = 2)
{
    /// <summary>The header.</summary>
    public string Name { get; init; } = !string.IsNullOrWhiteSpace(Name)
        ? Name
        : throw new ArgumentException("a result column needs a name", nameof(Name));

    /// <summary>Digits after the point in Markdown and HTML, 0-10.</summary>
    public int Decimals { get; init; } = Decimals is >= 0 and <= 10
        ? Decimals
        : throw new ArgumentOutOfRangeException(nameof(Decimals), Decimals, $"column '{Name}': decimals must be 0-10");

    /// <summary>False for a descriptive column: shown, never ranked by the direction check, no arrow in its header.</summary>
    public bool IsMetric { get; init; } = true;

    /// <summary>A metric that improves upwards (accuracy, IS, CLIP-score).</summary>
    /// <param name="name">The header.</param>
    /// <param name="decimals">Digits after the point in Markdown and HTML.</param>
    public static ResultColumn Higher(string name, int decimals = 2) => new(name, HigherIsBetter: true, decimals);

    /// <summary>A metric that improves downwards (FID, rFID, loss).</summary>
    /// <param name="name">The header.</param>
    /// <param name="decimals">Digits after the point in Markdown and HTML.</param>
    public static ResultColumn Lower(string name, int decimals = 2) => new(name, HigherIsBetter: false, decimals);

    /// <summary>A descriptive column (e.g. <c>params</c>): shown as given, never ranked.</summary>
    /// <param name="name">The header.</param>
    /// <param name="decimals">Digits after the point for numbers in Markdown and HTML.</param>
    public static ResultColumn Descriptive(string name, int decimals = 0) => new(name, HigherIsBetter: true, decimals) { IsMetric = false };

    /// <summary>"higher is better", "lower is better" or "descriptive".</summary>
    public string GoalText => !IsMetric ? "descriptive" : HigherIsBetter ? "higher is better" : "lower is better";
}

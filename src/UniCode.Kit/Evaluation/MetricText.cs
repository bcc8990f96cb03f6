using System.Globalization;

namespace UniCode.Kit.Evaluation;

/// <summary>How the metrics' <c>ToString</c> write numbers: invariant culture, percentages without a space ("72.5%").</summary>
internal static class MetricText
{
    /// <summary>A fraction as a percentage with one decimal: 0.725 → "72.5%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A number with <paramref name="decimals"/> decimals in the invariant culture.</summary>
    public static string Number(double value, int decimals = 2) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

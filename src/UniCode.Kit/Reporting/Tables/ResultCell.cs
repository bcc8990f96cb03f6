using System.Globalization;

namespace UniCode.Kit.Reporting.Tables;

/// <summary>
/// One value of a <see cref="ResultTable"/>: a number, a text (e.g. a paper's <c>~31</c> or <c>2.8B</c>), or
/// missing (shown as <c>-</c>). Doubles, ints and strings convert implicitly, so rows are written as
/// <c>table.AddRow("HQ-VAE", 53.1, "-", 6.72)</c>. A measured number may carry its standard error
/// (<see cref="Measured"/>), which claims use to tell a difference from sampling noise.
/// </summary>
public readonly record struct ResultCell
{
    private ResultCell(double? number, string? text, double? standardError = null)
    {
        Number = number;
        Text = text;
        StandardError = standardError;
    }

    /// <summary>A missing value.</summary>
    public static ResultCell Missing { get; }

    /// <summary>The numeric value, if any; the direction check ranks by it.</summary>
    public double? Number { get; }

    /// <summary>The text to show instead of the formatted number (kept as given, e.g. <c>~31</c>).</summary>
    public string? Text { get; }

    /// <summary>The standard error of <see cref="Number"/> as an estimate from a finite sample (questions, probes,
    /// drawn images), when it is known.</summary>
    public double? StandardError { get; }

    /// <summary>True when the cell holds neither a number nor a text.</summary>
    public bool IsMissing => Number is null && Text is null;

    /// <summary>A number (NaN counts as missing).</summary>
    /// <param name="value">The value.</param>
    public static ResultCell FromNumber(double value) => double.IsNaN(value) ? Missing : new(value, null);

    /// <summary>A number measured on a sample, with its standard error (NaN value counts as missing).</summary>
    /// <param name="value">The value.</param>
    /// <param name="standardError">Its standard error, finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The standard error is negative or not finite.</exception>
    public static ResultCell Measured(double value, double standardError) =>
        !double.IsFinite(standardError) || standardError < 0
            ? throw new ArgumentOutOfRangeException(nameof(standardError), standardError, "a standard error is finite and at least 0")
            : double.IsNaN(value) ? Missing : new(value, null, standardError);

    /// <summary>
    /// Reads a value as a paper prints it: <c>-</c> or empty is missing; a number (invariant culture) is a
    /// number shown as written; an approximate number (<c>~31</c>) ranks as 31 and shows as written;
    /// anything else (<c>2.8B</c>) is text.
    /// </summary>
    /// <param name="text">The printed value.</param>
    public static ResultCell Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed == "-")
        {
            return Missing;
        }

        var numeric = trimmed.StartsWith('~') ? trimmed[1..] : trimmed;
        return double.TryParse(numeric, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? new(value, trimmed)
            : new(null, trimmed);
    }

    /// <summary>A number.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator ResultCell(double value) => FromNumber(value);

    /// <summary>A number, or missing for null.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator ResultCell(double? value) => value is { } v ? FromNumber(v) : Missing;

    /// <summary>A whole number.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator ResultCell(int value) => FromNumber(value);

    /// <summary>A printed value, read by <see cref="Parse"/>.</summary>
    /// <param name="text">The printed value.</param>
    public static implicit operator ResultCell(string? text) => Parse(text);

    /// <summary>The cell as Markdown and HTML show it: the text, else the number with <paramref name="decimals"/> digits
    /// (and <c>± error</c> when it has one), else <c>-</c>.</summary>
    /// <param name="decimals">Digits after the point.</param>
    public string Display(int decimals)
    {
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return Text ?? (Number is not { } n ? "-"
            : StandardError is { } e ? $"{n.ToString(format, CultureInfo.InvariantCulture)} ± {e.ToString(format, CultureInfo.InvariantCulture)}"
            : n.ToString(format, CultureInfo.InvariantCulture));
    }

    /// <summary>The cell as CSV holds it: the text, else the number in full (round-trip) precision, else empty.</summary>
    public string ToCsvField() => Text ?? Number?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The text, the number (round-trip precision) or <c>-</c>.</summary>
    public override string ToString() => Text ?? Number?.ToString("R", CultureInfo.InvariantCulture) ?? "-";
}

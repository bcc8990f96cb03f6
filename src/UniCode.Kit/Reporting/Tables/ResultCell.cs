using System.Globalization;

namespace UniCode.Kit.Reporting.Tables;

/// <summary>
/// One value of a <see cref="ResultTable"/>: a number, a text (e.g. a paper's <c>~31</c> or <c>2.8B</c>), or
/// missing (shown as <c>-</c>). Doubles, ints and strings convert implicitly, so rows are written as
/// <c>table.AddRow("HQ-VAE", 53.1, "-", 6.72)</c>.
/// </summary>
public readonly record struct ResultCell
{
    private ResultCell(double? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>A missing value.</summary>
    public static ResultCell Missing { get; }

    /// <summary>The numeric value, if any; the direction check ranks by it.</summary>
    public double? Number { get; }

    /// <summary>The text to show instead of the formatted number (kept as given, e.g. <c>~31</c>).</summary>
    public string? Text { get; }

    /// <summary>True when the cell holds neither a number nor a text.</summary>
    public bool IsMissing => Number is null && Text is null;

    /// <summary>A number (NaN counts as missing).</summary>
    /// <param name="value">The value.</param>
    public static ResultCell FromNumber(double value) => double.IsNaN(value) ? Missing : new(value, null);

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

    /// <summary>The cell as Markdown and HTML show it: the text, else the number with <paramref name="decimals"/> digits, else <c>-</c>.</summary>
    /// <param name="decimals">Digits after the point.</param>
    public string Display(int decimals) =>
        Text ?? Number?.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) ?? "-";

    /// <summary>The cell as CSV holds it: the text, else the number in full (round-trip) precision, else empty.</summary>
    public string ToCsvField() => Text ?? Number?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The text, the number (round-trip precision) or <c>-</c>.</summary>
    public override string ToString() => Text ?? Number?.ToString("R", CultureInfo.InvariantCulture) ?? "-";
}

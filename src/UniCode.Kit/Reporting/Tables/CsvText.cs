using System.Text;

namespace UniCode.Kit.Reporting.Tables;

/// <summary>RFC 4180 fields and records: CRLF line ends, fields quoted only when they must be.</summary>
internal static class CsvText
{
    /// <summary>A field, quoted (with inner quotes doubled) when it holds a comma, quote, CR or LF.</summary>
    public static string Field(string value)
    {
        // Leading/trailing spaces are kept as data by RFC 4180, but quoting them stops spreadsheet tools trimming.
        var mustQuote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return mustQuote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Appends one record (its fields joined by commas) and the CRLF that ends it.</summary>
    public static void AppendRecord(StringBuilder builder, IEnumerable<string> fields)
    {
        builder.AppendJoin(',', fields.Select(Field));
        builder.Append("\r\n");
    }
}

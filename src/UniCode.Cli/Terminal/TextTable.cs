namespace UniCode.Cli.Terminal;

/// <summary>
/// A plain-text table for terminals and logs: columns padded to their widest cell and separated by two spaces,
/// a dashed rule under the header, no trailing spaces. Plain text so that it reads the same piped into a file.
/// </summary>
internal static class TextTable
{
    /// <summary>The table's lines, each ending in a newline.</summary>
    /// <param name="header">The column names.</param>
    /// <param name="rows">The rows, each with one cell per column.</param>
    public static string Format(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var body = rows.ToList();
        for (var r = 0; r < body.Count; r++)
        {
            if (body[r].Count != header.Count)
            {
                throw new ArgumentException($"row {r} has {body[r].Count} cells; the header has {header.Count} columns", nameof(rows));
            }
        }

        var widths = Enumerable.Range(0, header.Count).Select(c => body.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        var text = new System.Text.StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            text.Append(string.Join("  ", cells.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
        Line(header);
        Line([.. widths.Select(w => new string('-', w))]);
        body.ForEach(Line);
        return text.ToString();
    }
}

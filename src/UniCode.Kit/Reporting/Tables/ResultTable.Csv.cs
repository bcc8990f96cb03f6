using System.Text;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Reporting.Tables;

// CSV: one record per row, RFC 4180 (CRLF, quoting where needed), numbers in full precision.
public sealed partial class ResultTable
{
    /// <summary>
    /// The table as RFC 4180 CSV. Columns: <c>source</c> (<c>ours</c> or <c>paper</c>), <c>profile</c> (the
    /// profile of our rows, empty for the paper's), the row header, then one column per value column. Numbers
    /// keep full round-trip precision; missing values are empty fields; text is written as given.
    /// </summary>
    public string ToCsv()
    {
        var builder = new StringBuilder();
        CsvText.AppendRecord(builder, ["source", "profile", RowHeader, .. columns.Select(c => c.Name)]);
        foreach (var row in rows.Concat(paperRows))
        {
            var profile = row.IsPaper ? string.Empty : Provenance.Profile;
            CsvText.AppendRecord(builder, [row.Source, profile, row.Label, .. row.Cells.Select(c => c.ToCsvField())]);
        }

        return builder.ToString();
    }

    /// <summary>Writes <see cref="ToCsv"/> to <paramref name="path"/> (UTF-8, no byte-order mark), atomically.</summary>
    /// <param name="path">The file.</param>
    public void WriteCsv(string path) => WriteText(path, ToCsv());

    private static void WriteText(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
    }
}

using System.Collections;
using System.Globalization;
using System.Text;
using UniCode.Kit.Reporting;
using UniCode.Kit.Reporting.Formatting;
using UniCode.Torch.Display;

namespace UniCode.Kit.Data.Datasets;

/// <summary>
/// The embedded datasets as <see cref="DatasetCatalog.List"/> describes them: a read-only list that a
/// notebook shows as a table (name, status, counts, apt package, licence).
/// </summary>
[TypeFormatterSource(typeof(KitFormatterSource))]
public sealed class DatasetList : IReadOnlyList<DatasetInfo>
{
    private readonly DatasetInfo[] items;

    /// <summary>Wraps the descriptions, in order.</summary>
    /// <param name="datasets">One description per dataset.</param>
    public DatasetList(IEnumerable<DatasetInfo> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        items = [.. datasets];
        if (items.Any(d => d is null))
        {
            throw new ArgumentException("a dataset description is null", nameof(datasets));
        }
    }

    /// <summary>The table's column names, in the order of <see cref="Cells"/>.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = ["dataset", "status", "counts", "apt package", "licence"];

    /// <inheritdoc/>
    public int Count => items.Length;

    /// <inheritdoc/>
    public DatasetInfo this[int index] => items[index];

    /// <summary>The table as HTML (one row per dataset).</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"unicode-datasets\">\n<thead><tr>");
        foreach (var name in ColumnNames)
        {
            html.Append("<th>").Append(HtmlText.Escape(name)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in Rows())
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(HtmlText.Escape(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>One line per dataset: its name, status and counts.</summary>
    public override string ToString() =>
        string.Join('\n', Rows().Select(r => $"{r[0]}: {r[1]}; {r[2]}"));

    /// <inheritdoc/>
    public IEnumerator<DatasetInfo> GetEnumerator() => ((IEnumerable<DatasetInfo>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One dataset's table cells: name, status (installed, generated, missing or broken), counts, apt package, licence.</summary>
    /// <param name="dataset">The description.</param>
    public static IReadOnlyList<string> Cells(DatasetInfo dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var d = dataset;
        return
        [
        d.Name,
        d.Problem is not null ? "broken: " + d.Problem : d.Installed ? (d.AptPackage is null ? "generated" : "installed") : "missing",
        d.Counts.Count == 0
            ? (d.AptPackage is null ? "unbounded" : "-")
            : string.Join(", ", d.Counts.Select(c => $"{c.Key} {c.Value.ToString("N0", CultureInfo.InvariantCulture)}")),
        d.AptPackage ?? "-",
        d.Licence,
        ];
    }

    private IEnumerable<IReadOnlyList<string>> Rows() => items.Select(Cells);
}

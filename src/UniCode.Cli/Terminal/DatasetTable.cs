using System.Globalization;
using UniCode.Kit.Data.Datasets;

namespace UniCode.Cli.Terminal;

/// <summary>The catalog of embedded datasets as a terminal table (what <c>unicode data prepare</c> prints).</summary>
internal static class DatasetTable
{
    /// <summary>The table: name, status, counts, apt package and licence of each dataset.</summary>
    /// <param name="datasets">The catalog entries.</param>
    public static string Format(IReadOnlyList<DatasetInfo> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        return TextTable.Format(
            ["dataset", "status", "counts", "apt package", "licence"],
            datasets.Select(d => (IReadOnlyList<string>)[d.Name, Status(d), Counts(d), d.AptPackage ?? "-", d.Licence]));
    }

    private static string Status(DatasetInfo d) =>
        d.Problem is not null ? "broken: " + d.Problem
        : !d.Installed ? "missing"
        : d.AptPackage is null ? "generated" : "installed";

    private static string Counts(DatasetInfo d) =>
        d.Counts.Count == 0
            ? (d.AptPackage is null ? "unbounded" : "-")
            : string.Join(", ", d.Counts.Select(c => $"{c.Key} {c.Value.ToString("N0", CultureInfo.InvariantCulture)}"));
}

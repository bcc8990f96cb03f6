using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Reporting.Images;
using UniCode.Kit.Reporting.Plotly;
using UniCode.Kit.Reporting.Tables;
using UniCode.Torch.Display;

namespace UniCode.Kit.Reporting.Formatting;

/// <summary>
/// The one place that says how every displayable kit type looks in a notebook. Each listed type carries
/// <c>[TypeFormatterSource(typeof(KitFormatterSource))]</c>; the .NET Interactive kernel creates this class when it
/// first displays one of them and registers the formatters below (matched by member names, so the kit does not
/// reference the kernel). Tensors have their own source in UniCode.Torch. A type added later renders as soon as it is listed here and carries the attribute.
/// </summary>
public sealed class KitFormatterSource
{
    /// <summary>Every displayable kit type with its HTML and plain-text renderings.</summary>
    internal static IReadOnlyList<(Type Type, Func<object, string> Html, Func<object, string> PlainText)> Displays { get; } =
    [
        (typeof(ImageGrid), v => PngHtml.Image(((ImageGrid)v).ToPng(), v.ToString()!), Plain),
        (typeof(PngImage), v => PngHtml.Image(((PngImage)v).ToPng(), v.ToString()!), Plain),
        (typeof(PlotlyFigure), v => ((PlotlyFigure)v).ToHtml(), Plain),
        (typeof(ResultTable), v => ((ResultTable)v).ToHtml(), Plain),
        (typeof(DirectionReport), v => ((DirectionReport)v).ToHtml(), Plain),
        (typeof(DatasetList), v => ((DatasetList)v).ToHtml(), Plain),

        // Model code (tokenizers, code maps, training progress, reports) implements IDisplayable, so that
        // Reporting does not depend on it; the kernel applies this formatter to every implementation.
        (typeof(IDisplayable), v => ((IDisplayable)v).ToHtml(), Plain),
    ];

    /// <summary>The formatters the kernel registers: html and plain text for each type in <see cref="Displays"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
        Displays.SelectMany(d => DisplayFormatter.For(d.Type, d.Html, d.PlainText));

    private static string Plain(object value) => value.ToString() ?? string.Empty;
}

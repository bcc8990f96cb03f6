using System.Reflection;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Reporting.Formatting;
using UniCode.Kit.Reporting.Images;
using UniCode.Torch.Display;

namespace UniCode.Kit.Tests.Reporting.Formatting;

public sealed class KitFormatterSourceTests
{
    [Fact]
    public void Every_type_that_names_the_kit_source_is_listed_and_every_listed_type_names_it()
    {
        // Declared on the type itself (GetCustomAttribute also sees an abstract base's attribute, which is inherited).
        var attributed = typeof(KitFormatterSource).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<TypeFormatterSourceAttribute>(inherit: false)?.FormatterSourceType == typeof(KitFormatterSource))
            .ToList();
        var listed = KitFormatterSource.Displays.Select(d => d.Type).ToList();

        // Every attributed type is listed or renders itself through IDisplayable, which is listed once.
        Assert.Contains(typeof(IDisplayable), listed);
        Assert.All(attributed, t => Assert.True(listed.Contains(t) || typeof(IDisplayable).IsAssignableFrom(t), $"{t} names the kit source but is not listed"));
        Assert.All(listed.Where(t => !t.IsInterface), t => Assert.Contains(t, attributed));
        var displayables = typeof(KitFormatterSource).Assembly.GetTypes().Where(t => typeof(IDisplayable).IsAssignableFrom(t) && !t.IsInterface);
        Assert.All(displayables, t => Assert.True(
            t.GetCustomAttribute<TypeFormatterSourceAttribute>(inherit: true)?.FormatterSourceType == typeof(KitFormatterSource), $"{t} is IDisplayable without the attribute"));
        Assert.Contains(typeof(ImageGrid), listed);
        Assert.Contains(typeof(DatasetList), listed);
    }

    [Fact]
    public void The_source_follows_the_kernels_convention_html_and_plain_text_per_type()
    {
        // The kernel creates the source with Activator and calls members by name: no interface ties them.
        var source = Activator.CreateInstance(typeof(KitFormatterSource))!;
        var formatters = ((IEnumerable<object>)typeof(KitFormatterSource).GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<DisplayFormatter>().ToList();

        Assert.Equal(KitFormatterSource.Displays.Count * 2, formatters.Count);
        Assert.All(KitFormatterSource.Displays, d =>
            Assert.Equal([DisplayFormatter.Html, DisplayFormatter.PlainText], formatters.Where(f => f.Type == d.Type).Select(f => f.MimeType)));
        Assert.NotNull(typeof(DisplayFormatter).GetMethod("Format", [typeof(object), typeof(TextWriter)]));
        Assert.Equal(typeof(string), typeof(DisplayFormatter).GetProperty("MimeType")!.PropertyType);
    }

    [Fact]
    public void A_formatter_writes_only_its_own_type()
    {
        var png = new PngImage([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        var formatters = new KitFormatterSource().CreateTypeFormatters().Cast<DisplayFormatter>().ToList();
        var html = formatters.Single(f => f.Type == typeof(PngImage) && f.MimeType == DisplayFormatter.Html);
        var table = formatters.Single(f => f.Type == typeof(DatasetList) && f.MimeType == DisplayFormatter.Html);
        using var writer = new StringWriter();

        Assert.False(table.Format(png, writer));
        Assert.Equal(string.Empty, writer.ToString());
        Assert.True(html.Format(png, writer));
        Assert.Equal($"<img src=\"data:image/png;base64,{Convert.ToBase64String(png.ToPng())}\" alt=\"PNG image, 11 bytes\"/>", writer.ToString());
    }

    [Fact]
    public void The_dataset_list_renders_a_table_with_one_row_per_dataset()
    {
        var list = new DatasetList([
            new DatasetInfo("shapes", "generated", null, "kit", true, null, new Dictionary<string, long>(), null),
            new DatasetInfo("emoji", "art <png>", "ruby-gemojione", "CC-BY-SA-4.0", false, null, new Dictionary<string, long>(), null),
        ]);

        var html = list.ToHtml();

        Assert.StartsWith("<table", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<tr>").Length - 1);
        Assert.Contains("<td>missing</td>", html, StringComparison.Ordinal);
        Assert.Equal("shapes: generated; unbounded\nemoji: missing; -", list.ToString());
        Assert.Equal(2, list.Count);
    }
}

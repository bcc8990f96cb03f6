namespace UniCode.Notebooks.Scripting;

/// <summary>HTML markup that is displayed as <c>text/html</c>; what <c>HTML(...)</c> returns in a notebook cell.</summary>
public sealed class HtmlContent
{
    /// <summary>Wraps <paramref name="html"/>.</summary>
    public HtmlContent(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        Html = html;
    }

    /// <summary>The markup.</summary>
    public string Html { get; }

    /// <summary>The markup, as .NET Interactive's HTML content prints itself.</summary>
    public override string ToString() => Html;
}

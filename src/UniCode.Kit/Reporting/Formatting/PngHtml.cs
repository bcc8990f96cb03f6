using System.Globalization;

namespace UniCode.Kit.Reporting.Formatting;

/// <summary>PNG bytes as an HTML <c>&lt;img&gt;</c> with a data URI: renders in VS Code, Jupyter and GitHub without files beside the notebook.</summary>
internal static class PngHtml
{
    /// <summary>The image element.</summary>
    /// <param name="png">A PNG file's bytes.</param>
    /// <param name="description">The alt text (what the image shows).</param>
    public static string Image(byte[] png, string description) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{HtmlText.Escape(description)}\"/>");
}

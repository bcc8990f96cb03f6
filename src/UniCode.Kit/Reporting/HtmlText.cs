using System.Text;

namespace UniCode.Kit.Reporting;

/// <summary>Escaping text for HTML element content and quoted attribute values.</summary>
internal static class HtmlText
{
    /// <summary>Escapes the five characters that could end text or an attribute early.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>A complete UTF-8 HTML page around <paramref name="body"/>.</summary>
    public static string Document(string title, string body, string? head = null) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + $"<title>{Escape(title)}</title>\n{head}</head>\n<body>\n{body}</body>\n</html>\n";
}

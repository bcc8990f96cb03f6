using System.Text;

namespace UniCode.Kit.Reporting.Tables;

/// <summary>Escaping text for a cell of a GitHub-flavoured Markdown table.</summary>
internal static class MarkdownText
{
    // Characters that would end the cell (|), start emphasis, code, links or strikethrough, or open raw HTML (<).
    private const string Special = "\\|*_`<[]~";

    /// <summary>Backslash-escapes Markdown's special characters and folds line breaks, which would end the row.</summary>
    public static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append(' ');
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

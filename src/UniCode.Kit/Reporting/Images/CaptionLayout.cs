namespace UniCode.Kit.Reporting.Images;

/// <summary>Fits a caption into lines no wider than a tile, by a text-measuring function.</summary>
internal static class CaptionLayout
{
    private const string Ellipsis = "...";

    /// <summary>The lines of <paramref name="text"/> (none for empty text).</summary>
    /// <param name="text">The caption.</param>
    /// <param name="maxWidth">The width available, in pixels.</param>
    /// <param name="maxLines">The most lines when wrapping.</param>
    /// <param name="overflow">Wrap or truncate.</param>
    /// <param name="measure">The drawn width of a string.</param>
    public static IReadOnlyList<string> Fit(string text, int maxWidth, int maxLines, CaptionOverflow overflow, Func<string, int> measure)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var joined = string.Join(' ', words);
        bool Fits(string s) => measure(s) <= maxWidth;
        if (overflow == CaptionOverflow.Truncate || maxLines == 1)
        {
            return [Fits(joined) ? joined : Shorten(joined, Fits)];
        }

        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Fits(candidate))
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            // A word wider than the tile is cut into pieces that fit (at least one character each).
            current = word;
            while (!Fits(current) && current.Length > 1)
            {
                var take = current.Length - 1;
                while (take > 1 && !Fits(current[..take]))
                {
                    take--;
                }

                lines.Add(current[..take]);
                current = current[take..];
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        if (lines.Count <= maxLines)
        {
            return lines;
        }

        // More text than lines: the last line kept says so.
        var kept = lines.Take(maxLines).ToList();
        kept[^1] = Shorten(kept[^1] + " " + lines[maxLines], Fits);
        return kept;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits with "..." after it.</summary>
    private static string Shorten(string text, Func<string, bool> fits)
    {
        for (var length = text.Length - 1; length > 0; length--)
        {
            var candidate = text[..length].TrimEnd() + Ellipsis;
            if (fits(candidate))
            {
                return candidate;
            }
        }

        // Not even "x..." fits: show as many dots as do.
        for (var dots = Ellipsis.Length; dots > 0; dots--)
        {
            if (fits(Ellipsis[..dots]))
            {
                return Ellipsis[..dots];
            }
        }

        return string.Empty;
    }
}

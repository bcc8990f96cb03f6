namespace UniCode.Kit.Data.Datasets;

/// <summary>One emoji of the gemojione set, as config/index.json describes it.</summary>
/// <param name="Key">Its key in index.json (the short name, e.g. "8ball").</param>
/// <param name="Name">Its Unicode name, underscores turned into spaces (e.g. "billiards").</param>
/// <param name="Category">Its category (people, nature, food, activity, travel, objects, symbols, flags, ...).</param>
/// <param name="Keywords">Its keywords, in index.json's order.</param>
/// <param name="Unicode">Its code points in hex, dash-separated (the PNG's file name without extension).</param>
/// <param name="ImagePath">The 64x64 RGBA PNG.</param>
public sealed record EmojiEntry(string Key, string Name, string Category, IReadOnlyList<string> Keywords, string Unicode, string ImagePath)
{
    /// <summary>
    /// The caption: name, category and up to <paramref name="maxKeywords"/> keywords that add something
    /// (keywords equal to the name or repeated are left out), e.g.
    /// "billiards, activity emoji: pool, eight ball, pocket ball, cue, game".
    /// </summary>
    /// <param name="maxKeywords">The most keywords to include (0 for none).</param>
    public string Caption(int maxKeywords = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxKeywords);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Name };
        var keywords = Keywords.Select(k => k.Trim().Replace('_', ' ')).Where(k => k.Length > 0 && seen.Add(k)).Take(maxKeywords).ToArray();
        var head = $"{Name}, {Category} emoji";
        return keywords.Length == 0 ? head : $"{head}: {string.Join(", ", keywords)}";
    }
}

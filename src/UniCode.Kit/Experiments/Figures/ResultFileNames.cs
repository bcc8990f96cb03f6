using System.Globalization;

namespace UniCode.Kit.Experiments.Figures;

/// <summary>The names of the files a table leaves in a results folder, so that the writer (the CLI) and the README that
/// links them agree.</summary>
public static class ResultFileNames
{
    /// <summary>The chart of one metric column: <c>&lt;table&gt;_&lt;column&gt;.png</c>.</summary>
    /// <param name="table">The experiment's short name.</param>
    /// <param name="column">The column's name.</param>
    public static string Chart(string table, string column) => $"{table}_{Slug(column)}.png";

    /// <summary>A figure: <c>&lt;table&gt;_&lt;name&gt;.png</c>.</summary>
    /// <param name="table">The experiment's short name.</param>
    /// <param name="name">The figure's name.</param>
    public static string Figure(string table, string name) => $"{table}_{Slug(name)}.png";

    /// <summary>Lower-case letters and digits, everything else one underscore ("VQA %" becomes "vqa").</summary>
    /// <param name="text">A column's or figure's name.</param>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = string.Concat(text.ToLower(CultureInfo.InvariantCulture).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
        while (letters.Contains("__", StringComparison.Ordinal))
        {
            letters = letters.Replace("__", "_", StringComparison.Ordinal);
        }

        return letters.Trim('_');
    }
}

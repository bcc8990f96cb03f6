using System.Globalization;

namespace UniCode.Kit.Data.Datasets;

/// <summary>One WordNet synset's gloss.</summary>
/// <param name="Offset">The synset's byte offset in its data file (its id within the part of speech).</param>
/// <param name="PartOfSpeech">n (noun), v (verb), a or s (adjective, satellite adjective) or r (adverb).</param>
/// <param name="Words">The synset's words, underscores turned into spaces and adjective markers removed.</param>
/// <param name="Gloss">The definition and example sentences (the text after " | ").</param>
public sealed record WordNetGloss(long Offset, char PartOfSpeech, IReadOnlyList<string> Words, string Gloss);

/// <summary>
/// WordNet 3.0's glosses (Princeton University, WordNet licence) from the Debian package wordnet-base, as a
/// text corpus: one text per synset, 117,659 in all. Each data file starts with the licence, in lines that
/// begin with two spaces; every other line is a synset whose gloss follows " | ". Files are streamed line by
/// line; a line without a gloss raises an error naming the file and line.
/// </summary>
public static class WordNetGlosses
{
    /// <summary>The Debian package that provides the files.</summary>
    public const string AptPackage = "wordnet-base";

    /// <summary>The catalog name.</summary>
    public const string CatalogName = "wordnet";

    /// <summary>The data files WordNet has, by suffix.</summary>
    internal static readonly string[] KnownFiles = ["noun", "verb", "adj", "adv"];

    /// <summary>Reads the glosses as a corpus of texts.</summary>
    /// <param name="options">Root, files and text form; null for the defaults.</param>
    /// <exception cref="DatasetNotInstalledException">A data file is not under the root.</exception>
    /// <exception cref="InvalidDataException">A line is malformed (the message names the file and line).</exception>
    public static TextCorpus Load(WordNetOptions? options = null)
    {
        options ??= new WordNetOptions();
        var texts = ReadEntries(options).Select(g => options.IncludeHeadword && g.Words.Count > 0 ? $"{g.Words[0]}: {g.Gloss}" : g.Gloss);
        return new TextCorpus(CatalogName, texts);
    }

    /// <summary>Streams the synsets with their words and glosses, file by file in the order of <see cref="WordNetOptions.Files"/>.</summary>
    /// <param name="options">Root and files; null for the defaults.</param>
    public static IEnumerable<WordNetGloss> ReadEntries(WordNetOptions? options = null)
    {
        options ??= new WordNetOptions();
        options.Validate();

        // Check every file first: a missing package should fail before any work, not halfway through.
        var paths = options.Files.Select(s => Path.Combine(options.Root, "data." + s)).ToArray();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new DatasetNotInstalledException(CatalogName, path, AptPackage);
            }
        }

        return paths.SelectMany(ReadFile);
    }

    /// <summary>Streams the synsets of one WordNet data file.</summary>
    /// <param name="path">A data.* file.</param>
    public static IEnumerable<WordNetGloss> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.StartsWith("  ", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }

            yield return ParseLine(line, path, lineNumber);
        }
    }

    private static WordNetGloss ParseLine(string line, string path, int lineNumber)
    {
        var bar = line.IndexOf(" | ", StringComparison.Ordinal);
        if (bar < 0)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: synset line has no gloss (no \" | \" separator)");
        }

        var gloss = line[(bar + 3)..].Trim();
        if (gloss.Length == 0)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: synset line has an empty gloss");
        }

        var fields = line[..bar].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4
            || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || fields[2].Length != 1
            || !int.TryParse(fields[3], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var wordCount)
            || fields.Length < 4 + (2 * wordCount))
        {
            throw new InvalidDataException($"{path}:{lineNumber}: malformed synset fields (expected offset, lexicographer file, part of speech, word count, words)");
        }

        var words = new string[wordCount];
        for (var w = 0; w < wordCount; w++)
        {
            var word = fields[4 + (2 * w)];
            var marker = word.IndexOf('(', StringComparison.Ordinal);
            words[w] = (marker > 0 ? word[..marker] : word).Replace('_', ' ');
        }

        return new WordNetGloss(offset, fields[2][0], words, gloss);
    }
}

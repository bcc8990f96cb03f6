using System.Text.Json;

namespace UniCode.Kit.Data.Datasets;

/// <summary>
/// Finds the gemojione gem installed by Debian's ruby-gemojione and reads its config/index.json: every
/// emoji's name, category, keywords and PNG file (assets/png/&lt;unicode&gt;.png).
/// </summary>
public static class EmojiIndex
{
    /// <summary>The Debian package that provides the gem.</summary>
    public const string AptPackage = "ruby-gemojione";

    /// <summary>Where Debian and RubyGems put gems; the gem folder is gemojione-&lt;version&gt; inside one of them.</summary>
    public static IReadOnlyList<string> GemFolders { get; } =
    [
        "/usr/share/rubygems-integration/all/gems",
        "/usr/lib/ruby/vendor_ruby/gems",
        "/var/lib/gems",
        "/usr/lib/ruby/gems",
    ];

    /// <summary>The installed gem's folder (newest version first), or null when none is installed.</summary>
    public static string? FindGem()
    {
        var candidates = new List<string>();
        foreach (var folder in GemFolders.Where(Directory.Exists))
        {
            // /var/lib/gems and /usr/lib/ruby/gems hold one folder per Ruby version with gems/ inside.
            var gemDirectories = Directory.EnumerateDirectories(folder, "gemojione-*")
                .Concat(Directory.EnumerateDirectories(folder).SelectMany(v =>
                    Directory.Exists(Path.Combine(v, "gems")) ? Directory.EnumerateDirectories(Path.Combine(v, "gems"), "gemojione-*") : []));
            candidates.AddRange(gemDirectories.Where(d => File.Exists(Path.Combine(d, "config", "index.json"))));
        }

        return candidates.OrderByDescending(d => VersionOf(d)).ThenBy(d => d, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>The gem folder to use: <paramref name="root"/> when given, else the installed gem.</summary>
    /// <param name="root">A gem folder, or null to find the installed one.</param>
    /// <exception cref="DatasetNotInstalledException">No gem is installed, or root lacks config/index.json.</exception>
    public static string ResolveRoot(string? root)
    {
        if (root is not null)
        {
            var index = Path.Combine(root, "config", "index.json");
            return File.Exists(index) ? root : throw new DatasetNotInstalledException(EmojiDataset.CatalogName, index, AptPackage);
        }

        return FindGem() ?? throw new DatasetNotInstalledException(
            EmojiDataset.CatalogName, Path.Combine(GemFolders[0], "gemojione-*", "config", "index.json"), AptPackage);
    }

    /// <summary>Reads the index of the gem at <paramref name="root"/> (or the installed gem), sorted by key.</summary>
    /// <param name="root">A gem folder, or null to find the installed one.</param>
    /// <exception cref="DatasetNotInstalledException">The gem is not there.</exception>
    /// <exception cref="InvalidDataException">index.json is malformed (the message names the file and the entry).</exception>
    public static IReadOnlyList<EmojiEntry> Read(string? root = null)
    {
        var gem = ResolveRoot(root);
        var indexPath = Path.Combine(gem, "config", "index.json");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(indexPath));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{indexPath}: not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{indexPath}: expected a JSON object of emoji by key, found {document.RootElement.ValueKind}");
            }

            var entries = new List<EmojiEntry>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                entries.Add(ParseEntry(property, gem, indexPath));
            }

            entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return entries;
        }
    }

    private static EmojiEntry ParseEntry(JsonProperty property, string gem, string indexPath)
    {
        var value = property.Value;
        string Text(string field)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(field, out var f) || f.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(f.GetString()))
            {
                throw new InvalidDataException($"{indexPath}: entry '{property.Name}' has no text field '{field}'");
            }

            return f.GetString()!.Trim();
        }

        var unicode = Text("unicode");
        if (unicode.IndexOfAny(['/', '\\', '.']) >= 0)
        {
            throw new InvalidDataException($"{indexPath}: entry '{property.Name}' has an invalid unicode field '{unicode}'");
        }

        var keywords = new List<string>();
        if (value.TryGetProperty("keywords", out var k))
        {
            if (k.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{indexPath}: entry '{property.Name}' has keywords that are not an array");
            }

            foreach (var keyword in k.EnumerateArray())
            {
                if (keyword.ValueKind != JsonValueKind.String)
                {
                    throw new InvalidDataException($"{indexPath}: entry '{property.Name}' has a keyword that is not text");
                }

                keywords.Add(keyword.GetString()!);
            }
        }

        var image = Path.Combine(gem, "assets", "png", unicode + ".png");
        return new EmojiEntry(property.Name, Text("name").Replace('_', ' '), Text("category"), keywords, unicode, image);
    }

    private static Version VersionOf(string gemFolder)
    {
        var name = Path.GetFileName(gemFolder);
        return Version.TryParse(name["gemojione-".Length..], out var version) ? version : new Version(0, 0);
    }
}

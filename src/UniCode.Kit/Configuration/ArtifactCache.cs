using System.Text;

namespace UniCode.Kit.Configuration;

/// <summary>
/// Artifacts that several experiments share (a pre-trained language model, a trained tokenizer), kept under the
/// hash of the configuration that made them: <c>&lt;root&gt;/&lt;kind&gt;/&lt;hash12&gt;/</c>, with the configuration's
/// canonical JSON saved beside the artifact's files as <see cref="ConfigFileName"/>. The second experiment that asks
/// for the same configuration reuses the first one's artifact.
/// </summary>
/// <remarks>
/// Publishing is atomic: <see cref="GetOrCreate"/> builds into a temporary folder next to the final one and renames
/// it into place only when the build succeeded, so a crash or an exception never leaves a half-written artifact that
/// a later run would take for a finished one. When two processes build the same artifact at once, the first rename
/// wins and the other build is discarded.
/// </remarks>
public sealed class ArtifactCache
{
    /// <summary>The environment variable naming the cache folder; artifacts go to its <c>artifacts/</c> subfolder.</summary>
    public const string EnvironmentVariable = "UNICODE_CACHE_DIR";

    /// <summary>The environment variable naming the artifact folder itself (whose subfolders are the kinds); it wins
    /// over <see cref="EnvironmentVariable"/>. <c>unicode reproduce --cache</c> sets it for the notebooks it runs.</summary>
    public const string RootVariable = "UNICODE_ARTIFACTS";

    /// <summary>The name of the file, in each artifact's folder, that holds the configuration's canonical JSON.</summary>
    public const string ConfigFileName = "config.json";

    // A repository is recognised by its solution file.
    private const string RepositoryMarker = "UniCode.Kit.sln";

    private const string TemporaryPrefix = ".building-";

    /// <summary>Creates a cache rooted at <paramref name="root"/> (created when the first artifact is published).</summary>
    /// <param name="root">The folder whose subfolders are the artifact kinds.</param>
    public ArtifactCache(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The folder whose subfolders are the artifact kinds.</summary>
    public string Root { get; }

    /// <summary>
    /// The cache the kit uses: <c>$UNICODE_ARTIFACTS</c> when set, else <c>$UNICODE_CACHE_DIR/artifacts</c> when that is set, else
    /// <c>.cache/artifacts</c> in the repository that holds the current folder or the running assembly.
    /// </summary>
    /// <exception cref="InvalidOperationException">The variable is unset and no repository is found.</exception>
    public static ArtifactCache Default() => new(DefaultRoot());

    /// <summary>The root <see cref="Default"/> uses (see there).</summary>
    /// <exception cref="InvalidOperationException">The variable is unset and no repository is found.</exception>
    public static string DefaultRoot()
    {
        var root = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(root))
        {
            return Path.GetFullPath(root);
        }

        var named = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return Path.Combine(Path.GetFullPath(named), "artifacts");
        }

        var repository = FindRepository(Environment.CurrentDirectory) ?? FindRepository(AppContext.BaseDirectory);
        return repository is not null
            ? Path.Combine(repository, ".cache", "artifacts")
            : throw new InvalidOperationException(
                $"no artifact cache: {EnvironmentVariable} is not set and neither {Environment.CurrentDirectory} nor {AppContext.BaseDirectory} "
                + $"is inside a UniCode.Kit repository (a folder with {RepositoryMarker}). Set {EnvironmentVariable} to a folder for cached artifacts.");
    }

    /// <summary>Where the artifact of <paramref name="kind"/> made with <paramref name="options"/> lives (whether or not it exists).</summary>
    /// <param name="kind">What it is: a folder name of lowercase letters, digits, '-', '_' or '.', e.g. "tokenizer".</param>
    /// <param name="options">The configuration that makes it.</param>
    public string FolderOf(string kind, object options)
    {
        CheckKind(kind);
        return Path.Combine(Root, kind, ConfigHash.ShortOf(options));
    }

    /// <summary>Finds a published artifact.</summary>
    /// <param name="kind">What it is.</param>
    /// <param name="options">The configuration that makes it.</param>
    /// <param name="artifact">The artifact (with <see cref="CachedArtifact.Reused"/> set) when found.</param>
    /// <returns>Whether the cache holds it.</returns>
    /// <exception cref="InvalidDataException">The folder exists but its <see cref="ConfigFileName"/> is missing or records another configuration.</exception>
    public bool TryGet(string kind, object options, out CachedArtifact artifact)
    {
        var folder = FolderOf(kind, options);
        var json = ConfigHash.CanonicalJson(options);
        if (!Directory.Exists(folder))
        {
            artifact = null!;
            return false;
        }

        CheckConfig(folder, json);
        artifact = new CachedArtifact(kind, ConfigHash.Of(options), folder, Reused: true);
        return true;
    }

    /// <summary>
    /// The artifact of <paramref name="kind"/> made with <paramref name="options"/>: the cached one if published,
    /// else built by <paramref name="build"/> into an empty temporary folder and published atomically.
    /// </summary>
    /// <param name="kind">What it is.</param>
    /// <param name="options">The configuration that makes it.</param>
    /// <param name="build">Writes the artifact's files into the folder it is given (not the final folder).</param>
    /// <returns>The artifact; <see cref="CachedArtifact.Reused"/> says whether <paramref name="build"/> ran.</returns>
    public CachedArtifact GetOrCreate(string kind, object options, Action<string> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (TryGet(kind, options, out var cached))
        {
            return cached;
        }

        var folder = FolderOf(kind, options);
        var json = ConfigHash.CanonicalJson(options);
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        // Same parent folder, so the rename below stays on one file system and is atomic.
        var temporary = Path.Combine(parent, $"{TemporaryPrefix}{Path.GetFileName(folder)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            build(temporary);
            File.WriteAllText(Path.Combine(temporary, ConfigFileName), json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            try
            {
                Directory.Move(temporary, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another process published the same artifact first: use theirs.
                DeleteQuietly(temporary);
                CheckConfig(folder, json);
                return new CachedArtifact(kind, ConfigHash.Of(options), folder, Reused: true);
            }

            return new CachedArtifact(kind, ConfigHash.Of(options), folder, Reused: false);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    private static void CheckKind(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var valid = kind.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.')
            && char.IsAsciiLetterOrDigit(kind[0]);
        if (!valid)
        {
            throw new ArgumentException($"artifact kind '{kind}' must be a folder name of lowercase letters, digits, '-', '_' or '.', starting with a letter or digit", nameof(kind));
        }
    }

    private static void CheckConfig(string folder, string json)
    {
        var path = Path.Combine(folder, ConfigFileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{folder} is in the artifact cache but has no {ConfigFileName}: it was not published by {nameof(ArtifactCache)}; delete it to rebuild");
        }

        var recorded = File.ReadAllText(path);
        if (!string.Equals(recorded, json, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"{path} records another configuration than the one asked for (a 48-bit hash collision, or an edited file); delete {folder} to rebuild. "
                + $"Recorded: {recorded}; asked: {json}");
        }
    }

    private static string? FindRepository(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, RepositoryMarker)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for a later clean-up: a temporary folder is never mistaken for an artifact (its name starts with a dot).
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

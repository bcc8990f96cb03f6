namespace UniCode.Kit.Configuration;

/// <summary>An artifact in an <see cref="ArtifactCache"/>.</summary>
/// <param name="Kind">What it is (the cache's first folder level), e.g. "tokenizer" or "language-model".</param>
/// <param name="Hash">The full <see cref="ConfigHash.Of"/> of the configuration that made it.</param>
/// <param name="Folder">The folder that holds it (read-only by convention: a published artifact is never changed).</param>
/// <param name="Reused">True when it was already in the cache; false when this call built it.</param>
public sealed record CachedArtifact(string Kind, string Hash, string Folder, bool Reused)
{
    /// <summary>The file in <see cref="Folder"/> that holds the configuration's canonical JSON.</summary>
    public string ConfigPath => Path.Combine(Folder, ArtifactCache.ConfigFileName);
}

namespace UniCode.Kit.Experiments;

/// <summary>The kit's experiments by name (what <c>unicode reproduce</c> takes).</summary>
public static class ExperimentCatalog
{
    /// <summary>Every experiment, in the order <c>reproduce all</c> runs them (shared artifacts first).</summary>
    public static IReadOnlyList<IExperiment> All { get; } =
    [
        new Table1Paradigms(), new Table3Tokenizers(), new Table4Codebooks(), new Table5Decompression(), new Table6Resolution(), new Table10Reconstruction(),
        new Table2Scale(),
    ];

    /// <summary>The experiment called <paramref name="name"/>.</summary>
    /// <param name="name">e.g. table10.</param>
    /// <exception cref="ArgumentException">No experiment has that name; the message lists the names.</exception>
    public static IExperiment Get(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown experiment '{name}'; the kit has {string.Join(", ", All.Select(e => e.Name))}", nameof(name));
}

namespace UniCode.Kit.Tests.Architecture;

/// <summary>
/// One arrow of DESIGN's map that must not be drawn: code in the folders <see cref="From"/> uses nothing in the
/// folders <see cref="Forbidden"/>. Folders are the first namespace level under UniCode.Kit (Data, Text, Vision, ...);
/// a rule may name folders that do not exist yet, so it holds from the first file put there.
/// </summary>
/// <param name="Name">What the rule says, for failure messages.</param>
/// <param name="From">The folders the rule constrains; empty for every folder.</param>
/// <param name="Forbidden">The folders they must not use.</param>
/// <param name="Except">Folders exempt from the rule (e.g. Experiments may use itself).</param>
internal sealed record LayerRule(string Name, IReadOnlyList<string> From, IReadOnlyList<string> Forbidden, IReadOnlyList<string> Except)
{
    public const string Root = "UniCode.Kit";

    /// <summary>The folder of a namespace: "UniCode.Kit.Data.Shapes" is Data; "UniCode.Kit" itself is "".</summary>
    public static string FolderOf(string ns) =>
        ns == Root ? string.Empty
        : ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0]
        : "(outside)";

    /// <summary>The dependencies that break the rule.</summary>
    public IReadOnlyList<TypeDependency> Violations(IEnumerable<TypeDependency> dependencies) =>
    [
        .. dependencies.Where(d =>
        {
            var from = FolderOf(d.FromNamespace);
            var to = FolderOf(d.ToNamespace);
            return from != "(outside)" && from != to
                && (From.Count == 0 || From.Contains(from))
                && !Except.Contains(from)
                && Forbidden.Contains(to);
        }).OrderBy(d => d.From, StringComparer.Ordinal).ThenBy(d => d.To, StringComparer.Ordinal),
    ];
}

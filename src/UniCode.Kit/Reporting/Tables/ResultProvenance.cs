namespace UniCode.Kit.Reporting.Tables;

/// <summary>
/// Where a table's own numbers come from: the experiment profile that produced them and a note. Every
/// rendering of a <see cref="ResultTable"/> prints it, so a number is never shown without its origin.
/// </summary>
/// <param name="Profile">The experiment profile, e.g. <c>Smoke</c>, <c>Quick</c>, <c>Paper</c>.</param>
/// <param name="Note">What the numbers are, e.g. <c>numbers from this kit's run</c>.</param>
public sealed record ResultProvenance(string Profile, string Note = ResultProvenance.DefaultNote)
{
    /// <summary>The note used when none is given.</summary>
    public const string DefaultNote = "numbers from this kit's run";

    /// <summary>The profile name.</summary>
    public string Profile { get; init; } = !string.IsNullOrWhiteSpace(Profile)
        ? Profile.Trim()
        : throw new ArgumentException("results need the name of the profile that produced them", nameof(Profile));

    /// <summary>The note.</summary>
    public string Note { get; init; } = Note?.Trim() ?? throw new ArgumentNullException(nameof(Note));

    /// <summary>One line, e.g. <c>Profile: Quick; numbers from this kit's run</c>.</summary>
    public override string ToString() => Note.Length == 0 ? $"Profile: {Profile}" : $"Profile: {Profile}; {Note}";
}

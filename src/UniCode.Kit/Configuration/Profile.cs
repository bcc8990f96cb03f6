namespace UniCode.Kit.Configuration;

/// <summary>
/// How big an experiment runs: <see cref="Smoke"/> (seconds: tests and CI, the numbers mean nothing),
/// <see cref="Quick"/> (minutes per table on two CPU cores, large enough for the paper's comparisons to show) or
/// <see cref="Paper"/> (the largest faithful setting: hours on a CPU, meant for a GPU). Notebooks and experiments
/// read <see cref="Current"/> and size themselves with <see cref="Pick"/>.
/// </summary>
/// <example>
/// <code>
/// var profile = Profile.Current;                                   // from UNICODE_PROFILE, default Quick
/// var steps = profile.Pick(smoke: 8, quick: 256, paper: 4096);
/// </code>
/// </example>
public sealed class Profile
{
    /// <summary>The environment variable that names the current profile.</summary>
    public const string EnvironmentVariable = "UNICODE_PROFILE";

    private Profile(string name, int rank)
    {
        Name = name;
        Rank = rank;
    }

    /// <summary>Seconds: checks the whole path; for tests and CI.</summary>
    public static Profile Smoke { get; } = new("Smoke", 0);

    /// <summary>Minutes per table on two CPU cores: the default.</summary>
    public static Profile Quick { get; } = new("Quick", 1);

    /// <summary>The largest faithful setting: hours on a CPU, meant for a GPU.</summary>
    public static Profile Paper { get; } = new("Paper", 2);

    /// <summary>Every profile, smallest first.</summary>
    public static IReadOnlyList<Profile> All { get; } = [Smoke, Quick, Paper];

    /// <summary>The profile <see cref="EnvironmentVariable"/> names (case-insensitive), or <see cref="Quick"/> when it is unset or empty.</summary>
    /// <exception cref="InvalidOperationException">The variable names no profile (the message names the variable and the allowed values).</exception>
    public static Profile Current => FromEnvironment(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The profile's name: Smoke, Quick or Paper.</summary>
    public string Name { get; }

    /// <summary>0, 1, 2 for Smoke, Quick, Paper: larger is bigger.</summary>
    public int Rank { get; }

    /// <summary>The profile named <paramref name="name"/>, ignoring case and surrounding white space.</summary>
    /// <param name="name">Smoke, Quick or Paper.</param>
    /// <exception cref="ArgumentException">It names no profile.</exception>
    public static Profile Parse(string name) =>
        TryParse(name, out var profile)
            ? profile
            : throw new ArgumentException($"'{name}' is not a profile; the profiles are {AllowedNames} (case-insensitive)", nameof(name));

    /// <summary>The profile named <paramref name="name"/>, ignoring case and surrounding white space.</summary>
    /// <param name="name">Smoke, Quick or Paper.</param>
    /// <param name="profile">The profile, when the name is one.</param>
    /// <returns>Whether <paramref name="name"/> names a profile.</returns>
    public static bool TryParse(string? name, out Profile profile)
    {
        var trimmed = name?.Trim();
        profile = All.FirstOrDefault(p => string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase))!;
        return profile is not null;
    }

    /// <summary>The profile a value of <see cref="EnvironmentVariable"/> selects: <see cref="Quick"/> for null or blank.</summary>
    /// <param name="value">The variable's value.</param>
    /// <exception cref="InvalidOperationException">The value names no profile.</exception>
    public static Profile FromEnvironment(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Quick;
        }

        return TryParse(value, out var profile)
            ? profile
            : throw new InvalidOperationException($"{EnvironmentVariable}='{value}' is not a profile; set it to one of {AllowedNames} (case-insensitive), or unset it for Quick");
    }

    /// <summary>The value for this profile, e.g. <c>profile.Pick(smoke: 8, quick: 256, paper: 4096)</c>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="smoke">The value under <see cref="Smoke"/>.</param>
    /// <param name="quick">The value under <see cref="Quick"/>.</param>
    /// <param name="paper">The value under <see cref="Paper"/>.</param>
    public T Pick<T>(T smoke, T quick, T paper) => Rank switch
    {
        0 => smoke,
        1 => quick,
        _ => paper,
    };

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static string AllowedNames => string.Join(", ", All.Select(p => p.Name));
}

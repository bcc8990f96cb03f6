namespace UniCode.Torch;

/// <summary>
/// The one options style of the kit: a sealed record with <c>init</c>-only properties, each with its
/// default, that checks itself. Consumers call <see cref="Validate"/> once, when they are given the options,
/// so a bad value is reported where it was set, naming the property, rather than deep inside a computation.
/// </summary>
/// <example>
/// <code>
/// public sealed record SgdOptions : IOptions
/// {
///     public double LearningRate { get; init; } = 1e-2;
///     public void Validate() => OptionCheck.Positive(LearningRate, nameof(LearningRate));
/// }
/// </code>
/// </example>
public interface IOptions
{
    /// <summary>Throws <see cref="ArgumentException"/> (or <see cref="ArgumentOutOfRangeException"/>) naming the
    /// first property whose value is out of range; returns normally when every value is valid.</summary>
    void Validate();
}

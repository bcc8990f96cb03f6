using UniCode.Kit.Configuration;
using UniCode.Kit.Data.Shapes;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>How <see cref="PopeSet.Build"/> writes existence probes for a set of Shapes scenes.</summary>
public sealed record PopeSetOptions : IOptions
{
    /// <summary>How the absent objects asked about are chosen (POPE's random, popular and adversarial settings).</summary>
    public PopeSampling Sampling { get; init; } = PopeSampling.Random;

    /// <summary>At most this many present objects asked about per scene, each matched by one absent object (POPE: 3).</summary>
    public int PositivesPerScene { get; init; } = 3;

    /// <summary>Seeds which present objects are asked about, the random negatives and the order of each scene's probes.</summary>
    public ulong Seed { get; init; }

    /// <inheritdoc/>
    public void Validate()
    {
        OptionRules.Defined(Sampling, nameof(Sampling));
        OptionCheck.InRange(PositivesPerScene, 1, ShapeAttributes.CategoryCount, nameof(PositivesPerScene));
    }
}

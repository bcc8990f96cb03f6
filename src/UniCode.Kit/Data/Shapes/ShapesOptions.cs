using UniCode.Kit.Configuration;
using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Data.Shapes;

/// <summary>Options of the Shapes generator and dataset.</summary>
public sealed record ShapesOptions : IOptions
{
    /// <summary>The seed: scene i of a seed is always the same scene.</summary>
    public ulong Seed { get; init; }

    /// <summary>How many scenes the dataset holds (scene indices 0 .. Count-1).</summary>
    public int Count { get; init; } = 10_000;

    /// <summary>The smallest side a scene is drawn at, so that small objects stay visible.</summary>
    public const int MinimumSize = 12;

    /// <summary>The side of the square images (default 32; 12-4096, at least 12 so small objects stay visible).</summary>
    public int Size { get; init; } = 32;

    /// <summary>The fewest objects in a scene (1-9).</summary>
    public int MinObjects { get; init; } = 1;

    /// <summary>The most objects in a scene (MinObjects-9; default 4).</summary>
    public int MaxObjects { get; init; } = 4;

    /// <summary>The plain background colour.</summary>
    public Rgb Background { get; init; } = Rgb.White;

    /// <summary>
    /// How many scenes (indices 0 .. N-1 of the same seed) the POPE statistics count object frequencies and
    /// co-occurrences over. Fixed by the seed, not by <see cref="Count"/>, so a scene's probes do not depend on
    /// the dataset's size.
    /// </summary>
    public int StatisticsScenes { get; init; } = 2_000;

    /// <summary>The POPE negative sampling of the existence questions included in each example; null leaves them out.</summary>
    public PopeSampling? ExistenceSampling { get; init; } = PopeSampling.Random;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(Count, 0, nameof(Count));
        OptionCheck.InRange(Size, MinimumSize, 4096, nameof(Size));
        OptionCheck.InRange(MinObjects, 1, 9, nameof(MinObjects));
        OptionCheck.InRange(MaxObjects, MinObjects, 9, nameof(MaxObjects));
        OptionCheck.AtLeast(StatisticsScenes, 1, nameof(StatisticsScenes));
        if (ExistenceSampling is { } sampling)
        {
            OptionRules.Defined(sampling, nameof(ExistenceSampling));
        }
    }
}

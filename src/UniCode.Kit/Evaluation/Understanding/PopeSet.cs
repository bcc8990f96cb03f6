using UniCode.Kit.Data;
using UniCode.Kit.Data.Shapes;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>
/// Builds POPE question sets (Li et al. 2023) from Shapes scenes: for each scene, up to
/// <see cref="PopeSetOptions.PositivesPerScene"/> of its object categories (colour + shape) with the answer yes, and as
/// many absent categories with the answer no, chosen by <see cref="PopeSetOptions.Sampling"/>: random (uniform over the
/// absent ones), popular (the absent ones that appear in the most scenes) or adversarial (the absent ones that co-occur
/// most with those present). The object statistics are those of the scenes given unless others are passed.
/// </summary>
public static class PopeSet
{
    /// <summary>The probes of <paramref name="scenes"/>, scene by scene, each scene's probes in a seeded random order.</summary>
    /// <param name="scenes">The scenes (at least one).</param>
    /// <param name="options">The sampling, probes per scene and seed (validated).</param>
    /// <param name="statistics">Object frequencies and co-occurrences (default: counted over <paramref name="scenes"/>).</param>
    public static IReadOnlyList<PopeQuestion> Build(IReadOnlyList<ShapeScene> scenes, PopeSetOptions? options = null, PopeStatistics? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        options ??= new PopeSetOptions();
        options.Validate();
        if (scenes.Count == 0)
        {
            throw new ArgumentException("a POPE set needs at least one scene", nameof(scenes));
        }

        statistics ??= PopeStatistics.Count(scenes);
        var questions = new List<PopeQuestion>();
        for (var s = 0; s < scenes.Count; s++)
        {
            var scene = scenes[s] ?? throw new ArgumentException($"scene {s} is null", nameof(scenes));
            // One stream per scene: a scene's probes do not change when other scenes are added or removed.
            var random = SeededRandom.ForStream(options.Seed, (ulong)s);
            var present = scene.Categories.ToArray();
            random.Shuffle(present);
            var positives = present[..Math.Min(options.PositivesPerScene, present.Length)];
            var negatives = statistics.Negatives(scene, options.Sampling, positives.Length, random);
            var probes = positives.Select(c => PopeStatistics.Probe(c, true, options.Sampling))
                .Concat(negatives.Select(c => PopeStatistics.Probe(c, false, options.Sampling))).ToList();
            random.Shuffle(probes);
            questions.AddRange(probes.Select(p => new PopeQuestion(s, p)));
        }

        return questions;
    }
}

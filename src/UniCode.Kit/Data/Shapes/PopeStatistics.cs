namespace UniCode.Kit.Data.Shapes;

/// <summary>How POPE (Li et al., 2023, "Evaluating Object Hallucination in Large Vision-Language Models") picks absent objects.</summary>
public enum PopeSampling
{
    /// <summary>Absent categories drawn uniformly at random.</summary>
    Random = 0,

    /// <summary>The absent categories that appear in the most scenes of the dataset.</summary>
    Popular = 1,

    /// <summary>The absent categories that co-occur most often with the categories present.</summary>
    Adversarial = 2,
}

/// <summary>One existence probe: "Is there a red circle in the image?" with its yes/no answer.</summary>
/// <param name="Category">The category asked about (see <see cref="ShapeAttributes.Category"/>).</param>
/// <param name="Present">Whether the scene contains it (the answer is yes).</param>
/// <param name="Sampling">The sampling that chose the negatives of this set of probes.</param>
/// <param name="QuestionAnswer">The question and answer.</param>
public sealed record PopeProbe(int Category, bool Present, PopeSampling Sampling, QuestionAnswer QuestionAnswer);

/// <summary>
/// Object-category statistics of a set of scenes, as POPE uses them: in how many scenes each category appears,
/// and in how many scenes each pair of categories appears together. <see cref="Probes"/> turns them into
/// balanced yes/no existence questions.
/// </summary>
public sealed class PopeStatistics
{
    private readonly int[] frequency;
    private readonly int[,] cooccurrence;

    private PopeStatistics(int scenes, int[] frequency, int[,] cooccurrence)
    {
        Scenes = scenes;
        this.frequency = frequency;
        this.cooccurrence = cooccurrence;
    }

    /// <summary>How many scenes were counted.</summary>
    public int Scenes { get; }

    /// <summary>Counts the statistics of <paramref name="scenes"/>.</summary>
    /// <param name="scenes">The scenes.</param>
    public static PopeStatistics Count(IEnumerable<ShapeScene> scenes)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        var n = ShapeAttributes.CategoryCount;
        var frequency = new int[n];
        var cooccurrence = new int[n, n];
        var count = 0;
        foreach (var scene in scenes)
        {
            count++;
            var present = scene.Categories;
            foreach (var a in present)
            {
                frequency[a]++;
                foreach (var b in present)
                {
                    if (a != b)
                    {
                        cooccurrence[a, b]++;
                    }
                }
            }
        }

        return new PopeStatistics(count, frequency, cooccurrence);
    }

    /// <summary>In how many scenes <paramref name="category"/> appears.</summary>
    /// <param name="category">The category.</param>
    public int Frequency(int category) => frequency[category];

    /// <summary>In how many scenes categories <paramref name="a"/> and <paramref name="b"/> (distinct) appear together.</summary>
    /// <param name="a">One category.</param>
    /// <param name="b">Another category.</param>
    public int Cooccurrence(int a, int b) => cooccurrence[a, b];

    /// <summary>
    /// The absent categories chosen as negatives for a scene: <paramref name="count"/> of them, by
    /// <paramref name="sampling"/>. Random: uniform without replacement. Popular: highest frequency first.
    /// Adversarial: highest total co-occurrence with the present categories first, then frequency. Ties go to
    /// the lower category index.
    /// </summary>
    /// <param name="scene">The scene.</param>
    /// <param name="sampling">The sampling.</param>
    /// <param name="count">How many negatives.</param>
    /// <param name="random">Draws the random negatives.</param>
    public IReadOnlyList<int> Negatives(ShapeScene scene, PopeSampling sampling, int count, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(random);
        var present = scene.Categories;
        var absent = Enumerable.Range(0, ShapeAttributes.CategoryCount).Where(c => !present.Contains(c)).ToArray();
        count = Math.Min(count, absent.Length);
        switch (sampling)
        {
            case PopeSampling.Random:
                random.Shuffle(absent);
                return absent[..count];
            case PopeSampling.Popular:
                return [.. absent.OrderByDescending(c => frequency[c]).ThenBy(c => c).Take(count)];
            case PopeSampling.Adversarial:
                return [.. absent.OrderByDescending(c => present.Sum(p => cooccurrence[c, p])).ThenByDescending(c => frequency[c]).ThenBy(c => c).Take(count)];
            default:
                throw new ArgumentOutOfRangeException(nameof(sampling), sampling, "unknown POPE sampling");
        }
    }

    /// <summary>
    /// Balanced existence probes for a scene: "yes" for every category present and as many "no"s from
    /// <see cref="Negatives"/>, in a random order drawn from <paramref name="random"/>.
    /// </summary>
    /// <param name="scene">The scene.</param>
    /// <param name="sampling">The negative sampling.</param>
    /// <param name="random">The scene's random stream.</param>
    public IReadOnlyList<PopeProbe> Probes(ShapeScene scene, PopeSampling sampling, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var present = scene.Categories;
        var negatives = Negatives(scene, sampling, present.Count, random);
        var probes = present.Select(c => Probe(c, true, sampling)).Concat(negatives.Select(c => Probe(c, false, sampling))).ToList();
        random.Shuffle(probes);
        return probes;
    }

    /// <summary>The probe "Is there a {category} in the image?" with its answer; training and the POPE sets word it alike.</summary>
    internal static PopeProbe Probe(int category, bool present, PopeSampling sampling) =>
        new(category, present, sampling, new QuestionAnswer(QuestionKind.Existence, $"Is there a {ShapeAttributes.CategoryName(category)} in the image?", ShapesQuestions.YesNo(present)));
}

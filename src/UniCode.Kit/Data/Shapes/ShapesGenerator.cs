namespace UniCode.Kit.Data.Shapes;

/// <summary>
/// Generates colour scenes of simple shapes with exact ground truth. Scene i of a seed is drawn from its
/// own random stream (so it can be regenerated alone): a uniform number of objects in distinct random cells
/// of a 3x3 grid, each large or small (even odds), jittered inside its cell so objects never overlap.
/// Colours and shapes are skewed (red 26%, green 21%, blue 17%, yellow 14%, purple 12%, orange 10%; circle
/// 34%, square 27%, triangle 22%, diamond 17%) and correlated: each object after the first copies the colour
/// of an earlier object with probability 0.35, or its shape with probability 0.20, so some categories are
/// popular and some pairs co-occur, which POPE's popular and adversarial samplings exploit.
/// </summary>
public sealed class ShapesGenerator
{
    private const double SameColourChance = 0.35;
    private const double SameShapeChance = 0.20;

    // Gap kept between a shape's circumcircle and its cell's edge.
    private const double CellMargin = 0.04;

    private static readonly double[] ColourWeights = [0.26, 0.21, 0.17, 0.14, 0.12, 0.10];
    private static readonly double[] ShapeWeights = [0.34, 0.27, 0.22, 0.17];

    private readonly Lazy<PopeStatistics> statistics;

    /// <summary>Creates a generator.</summary>
    /// <param name="options">Seed, size, object counts, background.</param>
    public ShapesGenerator(ShapesOptions? options = null)
    {
        Options = options ?? new ShapesOptions();
        Options.Validate();
        statistics = new Lazy<PopeStatistics>(() => PopeStatistics.Count(Enumerable.Range(0, Options.StatisticsScenes).Select(i => Scene(i))));
    }

    /// <summary>The options.</summary>
    public ShapesOptions Options { get; }

    /// <summary>Object frequencies and co-occurrences over scenes 0 .. StatisticsScenes-1 (computed once, on first use).</summary>
    public PopeStatistics Statistics => statistics.Value;

    /// <summary>Scene <paramref name="index"/> of the seed.</summary>
    /// <param name="index">Any non-negative index.</param>
    public ShapeScene Scene(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = SeededRandom.ForStream(Options.Seed, (ulong)index * 4);
        var count = random.NextInt(Options.MinObjects, Options.MaxObjects);
        var cells = random.Permutation(9)[..count];
        Array.Sort(cells);
        var colours = new ShapeColour[count];
        var shapes = new ShapeKind[count];
        var order = random.Permutation(count); // the order in which objects are sampled, so copying is not tied to reading order
        for (var k = 0; k < count; k++)
        {
            var slot = order[k];
            var u = random.NextDouble();
            if (k > 0 && u < SameColourChance)
            {
                colours[slot] = colours[order[random.NextInt(k)]];
                shapes[slot] = (ShapeKind)random.NextWeighted(ShapeWeights);
            }
            else if (k > 0 && u < SameColourChance + SameShapeChance)
            {
                shapes[slot] = shapes[order[random.NextInt(k)]];
                colours[slot] = (ShapeColour)random.NextWeighted(ColourWeights);
            }
            else
            {
                colours[slot] = (ShapeColour)random.NextWeighted(ColourWeights);
                shapes[slot] = (ShapeKind)random.NextWeighted(ShapeWeights);
            }
        }

        var objects = new SceneObject[count];
        for (var k = 0; k < count; k++)
        {
            var size = random.NextDouble() < 0.5 ? ShapeSize.Small : ShapeSize.Large;
            var radius = ShapeAttributes.RadiusInCells(size);
            var jitter = 0.5 - radius - CellMargin;
            var row = cells[k] / 3;
            var column = cells[k] % 3;
            var x = (column + 0.5 + random.NextDouble(-jitter, jitter)) / 3.0;
            var y = (row + 0.5 + random.NextDouble(-jitter, jitter)) / 3.0;
            objects[k] = new SceneObject(shapes[k], colours[k], size, row, column, x, y, radius / 3.0);
        }

        return new ShapeScene(Options.Seed, index, objects);
    }

    /// <summary>Draws a scene, anti-aliased, at <paramref name="size"/> (default <see cref="ShapesOptions.Size"/>).</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="size">The image side in pixels (at least 12).</param>
    public RawImage Render(ShapeScene scene, int? size = null) => ShapesRenderer.Render(scene, size ?? Options.Size, Options.Background);

    /// <summary>The questions and answers of a scene (every kind except existence; see <see cref="ShapesQuestions"/>).</summary>
    /// <param name="scene">The scene.</param>
    public IReadOnlyList<QuestionAnswer> Questions(ShapeScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return ShapesQuestions.For(scene, SeededRandom.ForStream(Options.Seed, ((ulong)scene.Index * 4) + 1));
    }

    /// <summary>The POPE existence probes of a scene: a yes for each category present, as many no's by <paramref name="sampling"/>.</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="sampling">Random, popular or adversarial negatives.</param>
    public IReadOnlyList<PopeProbe> Pope(ShapeScene scene, PopeSampling sampling)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return Statistics.Probes(scene, sampling, SeededRandom.ForStream(Options.Seed, ((ulong)scene.Index * 4) + 2));
    }
}

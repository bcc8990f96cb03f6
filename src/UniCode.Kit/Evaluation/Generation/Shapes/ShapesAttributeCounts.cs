using System.Text.RegularExpressions;
using UniCode.Kit.Data.Shapes;

namespace UniCode.Kit.Evaluation.Generation.Shapes;

/// <summary>
/// What a Shapes scene holds, as the attribute metric compares it: how many objects of each colour, of each shape,
/// and in all. Taken from a scene graph, read from a caption, or predicted from an image by a
/// <see cref="ShapesAttributeNet"/>.
/// </summary>
/// <param name="Colours">Objects per colour, indexed by <see cref="ShapeColour"/> (6 entries).</param>
/// <param name="Shapes">Objects per shape, indexed by <see cref="ShapeKind"/> (4 entries).</param>
/// <param name="Objects">Objects in all.</param>
public sealed partial record ShapesAttributeCounts(IReadOnlyList<int> Colours, IReadOnlyList<int> Shapes, int Objects)
{
    /// <summary>The counts of a scene graph.</summary>
    /// <param name="scene">The scene.</param>
    public static ShapesAttributeCounts FromScene(ShapeScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return Of(scene.Objects.Select(o => (o.Colour, o.Shape)).ToArray());
    }

    /// <summary>
    /// The counts a caption asks for: every "colour shape" it names (e.g. "a large red circle in the top left and a
    /// small blue square in the centre", the form of <see cref="ShapeScene.Caption"/>; a plural shape word counts once).
    /// </summary>
    /// <param name="caption">The prompt.</param>
    /// <exception cref="ArgumentException">The caption names no coloured shape.</exception>
    public static ShapesAttributeCounts FromCaption(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        var objects = ColouredShape().Matches(caption.ToLowerInvariant())
            .Select(m => (Enum.Parse<ShapeColour>(m.Groups["colour"].Value, ignoreCase: true), Enum.Parse<ShapeKind>(m.Groups["shape"].Value, ignoreCase: true)))
            .ToArray();
        if (objects.Length == 0)
        {
            throw new ArgumentException($"the caption '{caption}' names no coloured shape (e.g. 'a red circle')", nameof(caption));
        }

        return Of(objects);
    }

    /// <summary>"1 red, 1 blue; 1 circle, 1 square; 2 objects".</summary>
    public override string ToString()
    {
        var colours = ShapeAttributes.Colours.Where(c => Colours[(int)c] > 0).Select(c => $"{Colours[(int)c]} {ShapeAttributes.Name(c)}");
        var shapes = ShapeAttributes.Shapes.Where(s => Shapes[(int)s] > 0).Select(s => $"{Shapes[(int)s]} {ShapeAttributes.Name(s)}");
        return $"{string.Join(", ", colours)}; {string.Join(", ", shapes)}; {Objects} object{(Objects == 1 ? "" : "s")}";
    }

    private static ShapesAttributeCounts Of((ShapeColour Colour, ShapeKind Shape)[] objects)
    {
        var colours = new int[ShapeAttributes.Colours.Count];
        var shapes = new int[ShapeAttributes.Shapes.Count];
        foreach (var (colour, shape) in objects)
        {
            colours[(int)colour]++;
            shapes[(int)shape]++;
        }

        return new ShapesAttributeCounts(colours, shapes, objects.Length);
    }

    [GeneratedRegex(@"\b(?<colour>red|green|blue|yellow|purple|orange)\s+(?<shape>circle|square|triangle|diamond)s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex ColouredShape();
}

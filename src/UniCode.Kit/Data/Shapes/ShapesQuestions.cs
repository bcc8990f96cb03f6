using System.Globalization;

namespace UniCode.Kit.Data.Shapes;

/// <summary>
/// Writes the questions a <see cref="ShapeScene"/> answers exactly, each with a one-word answer (a colour,
/// a shape, a number, yes/no, or left/right/above/below). In order:
/// <list type="bullet">
/// <item>count: "How many objects are there?";</item>
/// <item>colour at a place: "What colour is the object in the top left?" for each object;</item>
/// <item>shape of a colour: "What shape is the red object?" for each colour exactly one object has;</item>
/// <item>count of a colour: "How many red objects are there?" for each colour present and one absent colour (answer 0);</item>
/// <item>count of a shape: "How many circles are there?" likewise;</item>
/// <item>relative position, yes/no: for each pair of objects named uniquely by colour and shape, in different
/// columns "Is the X left of the Y?" and in different rows "Is the X above the Y?", the pair's order drawn at
/// random so yes and no are equally likely;</item>
/// <item>relative position, where: "Where is the X relative to the Y?" for such pairs in the same row or the same
/// column (answer left, right, above or below).</item>
/// </list>
/// Objects never share a cell and stay inside their cells, so column and row order are exact. Existence
/// questions come from <see cref="PopeStatistics.Probes"/>.
/// </summary>
public static class ShapesQuestions
{
    /// <summary>The questions about <paramref name="scene"/>; <paramref name="random"/> picks absent colours/shapes and pair orders.</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="random">The random stream (the generator passes one derived from the scene's seed and index).</param>
    public static IReadOnlyList<QuestionAnswer> For(ShapeScene scene, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(random);
        var objects = scene.Objects;
        var result = new List<QuestionAnswer>
        {
            new(QuestionKind.CountAll, "How many objects are there?", Number(objects.Count)),
        };

        foreach (var o in objects)
        {
            result.Add(new(QuestionKind.ColourAtPosition, $"What colour is the object in the {o.CellName}?", ShapeAttributes.Name(o.Colour)));
        }

        foreach (var colour in ShapeAttributes.Colours)
        {
            var matching = objects.Where(o => o.Colour == colour).ToArray();
            if (matching.Length == 1)
            {
                result.Add(new(QuestionKind.ShapeOfColour, $"What shape is the {ShapeAttributes.Name(colour)} object?", ShapeAttributes.Name(matching[0].Shape)));
            }
        }

        foreach (var colour in WithOneAbsent(ShapeAttributes.Colours, objects.Select(o => o.Colour), random))
        {
            result.Add(new(QuestionKind.CountOfColour, $"How many {ShapeAttributes.Name(colour)} objects are there?", Number(objects.Count(o => o.Colour == colour))));
        }

        foreach (var shape in WithOneAbsent(ShapeAttributes.Shapes, objects.Select(o => o.Shape), random))
        {
            result.Add(new(QuestionKind.CountOfShape, $"How many {ShapeAttributes.Plural(shape)} are there?", Number(objects.Count(o => o.Shape == shape))));
        }

        var unique = objects.Where(o => objects.Count(p => p.Category == o.Category) == 1).ToArray();
        var where = new List<QuestionAnswer>();
        for (var i = 0; i < unique.Length; i++)
        {
            for (var j = i + 1; j < unique.Length; j++)
            {
                var (a, b) = random.NextDouble() < 0.5 ? (unique[i], unique[j]) : (unique[j], unique[i]);
                if (a.Column != b.Column)
                {
                    result.Add(new(QuestionKind.RelativePositionYesNo, $"Is the {a.Description} left of the {b.Description}?", YesNo(a.Column < b.Column)));
                }

                if (a.Row != b.Row)
                {
                    result.Add(new(QuestionKind.RelativePositionYesNo, $"Is the {a.Description} above the {b.Description}?", YesNo(a.Row < b.Row)));
                }

                if (a.Row == b.Row || a.Column == b.Column)
                {
                    var answer = a.Row == b.Row ? (a.Column < b.Column ? "left" : "right") : (a.Row < b.Row ? "above" : "below");
                    where.Add(new(QuestionKind.RelativePositionWhere, $"Where is the {a.Description} relative to the {b.Description}?", answer));
                }
            }
        }

        result.AddRange(where);
        return result;
    }

    /// <summary>"yes" or "no".</summary>
    /// <param name="value">The truth.</param>
    public static string YesNo(bool value) => value ? "yes" : "no";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // The values present (in enum order) followed by one value drawn uniformly from the absent ones.
    private static List<T> WithOneAbsent<T>(IReadOnlyList<T> all, IEnumerable<T> present, SeededRandom random)
        where T : struct, Enum
    {
        var presentSet = present.ToHashSet();
        var chosen = all.Where(presentSet.Contains).ToList();
        var absent = all.Where(v => !presentSet.Contains(v)).ToArray();
        if (absent.Length > 0)
        {
            chosen.Add(absent[random.NextInt(absent.Length)]);
        }

        return chosen;
    }
}

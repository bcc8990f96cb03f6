namespace UniCode.Kit.Data.Shapes;

/// <summary>One object of a generated scene.</summary>
/// <param name="Shape">Its shape.</param>
/// <param name="Colour">Its colour.</param>
/// <param name="Size">Its size.</param>
/// <param name="Row">Its grid row, 0 (top) to 2 (bottom).</param>
/// <param name="Column">Its grid column, 0 (left) to 2 (right).</param>
/// <param name="CenterX">Its centre's x as a fraction of the image width (0 left edge, 1 right edge).</param>
/// <param name="CenterY">Its centre's y as a fraction of the image height (0 top edge, 1 bottom edge).</param>
/// <param name="Radius">Its circumradius as a fraction of the image side; the shape lies within it and within its cell.</param>
public sealed record SceneObject(ShapeKind Shape, ShapeColour Colour, ShapeSize Size, int Row, int Column, double CenterX, double CenterY, double Radius)
{
    /// <summary>The object's category (colour x shape), see <see cref="ShapeAttributes.Category"/>.</summary>
    public int Category => ShapeAttributes.Category(Colour, Shape);

    /// <summary>"red circle".</summary>
    public string Description => $"{ShapeAttributes.Name(Colour)} {ShapeAttributes.Name(Shape)}";

    /// <summary>The name of its cell ("top left").</summary>
    public string CellName => ShapeAttributes.CellName(Row, Column);
}

/// <summary>
/// A generated scene's graph: 1-4 objects on a 3x3 grid, at most one per cell, listed in reading order
/// (row, then column). It is a function of (seed, index): <see cref="ShapesGenerator.Scene"/> regenerates it.
/// </summary>
/// <param name="Seed">The generator's seed.</param>
/// <param name="Index">The scene's index.</param>
/// <param name="Objects">The objects, in reading order.</param>
public sealed record ShapeScene(ulong Seed, long Index, IReadOnlyList<SceneObject> Objects)
{
    /// <summary>
    /// The caption: every object with size, colour, shape and cell, in reading order, e.g.
    /// "a large red circle in the top left and a small blue square in the centre".
    /// </summary>
    public string Caption
    {
        get
        {
            var parts = Objects.Select(o => $"a {ShapeAttributes.Name(o.Size)} {o.Description} in the {o.CellName}").ToArray();
            return parts.Length switch
            {
                0 => "an empty scene",
                1 => parts[0],
                _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
            };
        }
    }

    /// <summary>The distinct categories present, ascending.</summary>
    public IReadOnlyList<int> Categories => [.. Objects.Select(o => o.Category).Distinct().Order()];
}

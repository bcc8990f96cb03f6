using UniCode.Torch.Imaging;

namespace UniCode.Kit.Data.Shapes;

/// <summary>
/// Draws a <see cref="ShapeScene"/> at any resolution with anti-aliased, sub-pixel shapes (OpenCV through
/// <see cref="ImageDraw"/>). Drawing happens at the target size, not by resizing a larger picture, so edges
/// are as sharp as the resolution allows.
/// </summary>
public static class ShapesRenderer
{
    /// <summary>Renders the scene as an RGB image.</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="size">The image side in pixels (at least 12).</param>
    /// <param name="background">The background colour.</param>
    public static RawImage Render(ShapeScene scene, int size, Rgb background)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 12);
        using var canvas = RawImage.Filled(size, size, background.R, background.G, background.B).ToTensor();
        foreach (var o in scene.Objects)
        {
            // Scene coordinates treat pixel i as the square [i, i+1); OpenCV puts pixel i's centre at i.
            var cx = (o.CenterX * size) - 0.5;
            var cy = (o.CenterY * size) - 0.5;
            var r = o.Radius * size;
            var colour = ShapeAttributes.Value(o.Colour);
            switch (o.Shape)
            {
                case ShapeKind.Circle:
                    ImageDraw.FillCircle(canvas, cx, cy, 0.9 * r, colour);
                    break;
                default:
                    ImageDraw.FillPolygon(canvas, Outline(o.Shape, cx, cy, r), colour);
                    break;
            }
        }

        return RawImage.FromTensor(canvas);
    }

    /// <summary>The corners of a polygonal shape centred at (cx, cy) within circumradius r, in pixels.</summary>
    /// <param name="shape">Square, triangle or diamond.</param>
    /// <param name="cx">Centre x.</param>
    /// <param name="cy">Centre y.</param>
    /// <param name="r">Circumradius.</param>
    public static IReadOnlyList<(double X, double Y)> Outline(ShapeKind shape, double cx, double cy, double r)
    {
        switch (shape)
        {
            case ShapeKind.Square:
                var h = r / Math.Sqrt(2);
                return [(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)];
            case ShapeKind.Triangle:
                // Equilateral, pointing up, centroid at the centre.
                var s = r * Math.Sqrt(3) / 2;
                return [(cx, cy - r), (cx + s, cy + (r / 2)), (cx - s, cy + (r / 2))];
            case ShapeKind.Diamond:
                return [(cx, cy - r), (cx + (0.7 * r), cy), (cx, cy + r), (cx - (0.7 * r), cy)];
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "only squares, triangles and diamonds are polygons");
        }
    }
}

using UniCode.Torch.Interop;

namespace UniCode.Torch.Imaging;

/// <summary>An RGB colour.</summary>
/// <param name="R">Red, 0-255.</param>
/// <param name="G">Green, 0-255.</param>
/// <param name="B">Blue, 0-255.</param>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>Black.</summary>
    public static Rgb Black { get; } = new(0, 0, 0);

    /// <summary>White.</summary>
    public static Rgb White { get; } = new(255, 255, 255);
}

/// <summary>
/// Anti-aliased drawing on images in place, through OpenCV: filled circles and polygons at sub-pixel
/// positions (for generated scenes) and text (for captions under image tiles). The image must be a
/// contiguous uint8 [H, W, C] CPU tensor with 1, 3 or 4 channels (RGB(A) order; grey uses the red value).
/// </summary>
public static class ImageDraw
{
    /// <summary>Fills a circle.</summary>
    /// <param name="image">The image, changed in place.</param>
    /// <param name="centerX">Centre x in pixels (sub-pixel allowed).</param>
    /// <param name="centerY">Centre y in pixels.</param>
    /// <param name="radius">Radius in pixels.</param>
    /// <param name="color">The colour.</param>
    /// <param name="antialias">Smooth edges.</param>
    public static void FillCircle(Tensor image, double centerX, double centerY, double radius, Rgb color, bool antialias = true)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        NativeError.Check(Native.ut_image_fill_circle(image.Handle, centerX, centerY, radius, color.R, color.G, color.B, Tensor.B(antialias)));
    }

    /// <summary>Fills a polygon given by its corners.</summary>
    /// <param name="image">The image, changed in place.</param>
    /// <param name="points">The corners in order, in pixels (sub-pixel allowed).</param>
    /// <param name="color">The colour.</param>
    /// <param name="antialias">Smooth edges.</param>
    public static void FillPolygon(Tensor image, IReadOnlyList<(double X, double Y)> points, Rgb color, bool antialias = true)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 3)
        {
            throw new ArgumentException("a polygon needs at least 3 points", nameof(points));
        }

        var xy = points.SelectMany(p => new[] { p.X, p.Y }).ToArray();
        NativeError.Check(Native.ut_image_fill_polygon(image.Handle, xy, points.Count, color.R, color.G, color.B, Tensor.B(antialias)));
    }

    /// <summary>Draws one line of ASCII text with its baseline's left end at (x, y).</summary>
    /// <param name="image">The image, changed in place.</param>
    /// <param name="text">The text (characters outside ASCII are drawn as '?').</param>
    /// <param name="x">Left edge in pixels.</param>
    /// <param name="y">Baseline in pixels.</param>
    /// <param name="scale">Font scale (1 is about 22 pixels tall).</param>
    /// <param name="color">The colour.</param>
    /// <param name="thickness">Stroke thickness in pixels.</param>
    public static void DrawText(Tensor image, string text, int x, int y, double scale, Rgb color, int thickness = 1)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        NativeError.Check(Native.ut_image_draw_text(image.Handle, Ascii(text), x, y, scale, thickness, color.R, color.G, color.B));
    }

    /// <summary>The size of <paramref name="text"/> as <see cref="DrawText"/> would draw it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="scale">Font scale.</param>
    /// <param name="thickness">Stroke thickness in pixels.</param>
    public static (int Width, int Height, int Baseline) MeasureText(string text, double scale, int thickness = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        NativeError.Check(Native.ut_image_text_size(Ascii(text), scale, thickness, out var width, out var height, out var baseline));
        return (width, height, baseline);
    }

    // Hershey fonts cover printable ASCII only.
    private static string Ascii(string text) => new([.. text.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
}

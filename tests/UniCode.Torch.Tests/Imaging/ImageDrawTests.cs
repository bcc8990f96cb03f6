using UniCode.Torch.Imaging;

namespace UniCode.Torch.Tests.Imaging;

public sealed class ImageDrawTests
{
    private static Tensor Black(int size = 32, int channels = 3) => Tensor.Zeros([size, size, channels], DType.UInt8);

    private static long[] Pixel(Tensor image, int x, int y) => image[y, x].Long().ToArray<long>();

    [Fact]
    public void FillCircle_colours_the_centre_and_not_the_corners()
    {
        using var scope = new DisposeScope();
        var image = Black();
        ImageDraw.FillCircle(image, 16, 16, 8, new Rgb(255, 0, 0));
        Assert.Equal([255L, 0, 0], Pixel(image, 16, 16));
        Assert.Equal([255L, 0, 0], Pixel(image, 20, 12));
        Assert.Equal([0L, 0, 0], Pixel(image, 0, 0));
        Assert.Equal([0L, 0, 0], Pixel(image, 31, 31));
        Assert.Equal([0L, 0, 0], Pixel(image, 27, 16));

        // Its area is about pi r^2 (OpenCV's anti-aliased fringe adds up to about half a pixel of radius),
        // and only the red channel is touched.
        var covered = image[.., .., 0].Double().Sum().ToDouble() / 255;
        Assert.InRange(covered, Math.PI * 7.5 * 7.5, Math.PI * 9 * 9);
        Assert.Equal(0L, image[.., .., 1..].Sum().ToInt64());
    }

    [Fact]
    public void Antialiased_edges_blend_and_aliased_edges_do_not()
    {
        using var scope = new DisposeScope();
        var smooth = Black();
        ImageDraw.FillCircle(smooth, 15.3, 16.7, 7.5, Rgb.White);
        var hard = Black();
        ImageDraw.FillCircle(hard, 15.3, 16.7, 7.5, Rgb.White, antialias: false);
        var values = smooth.ToArray<byte>();
        Assert.Contains(values, v => v is > 0 and < 255);
        Assert.All(hard.ToArray<byte>(), v => Assert.True(v is 0 or 255));
    }

    [Fact]
    public void FillPolygon_fills_the_inside_of_a_triangle()
    {
        using var scope = new DisposeScope();
        var image = Black();
        ImageDraw.FillPolygon(image, [(4, 4), (28, 4), (4, 28)], new Rgb(0, 200, 0));
        Assert.Equal([0L, 200, 0], Pixel(image, 8, 8));
        Assert.Equal([0L, 200, 0], Pixel(image, 14, 6));
        Assert.Equal([0L, 0, 0], Pixel(image, 26, 26)); // beyond the hypotenuse
        Assert.Equal([0L, 0, 0], Pixel(image, 1, 1));
        Assert.Throws<ArgumentException>(() => ImageDraw.FillPolygon(image, [(0, 0), (1, 1)], Rgb.White));
    }

    [Fact]
    public void DrawText_changes_pixels_where_MeasureText_says()
    {
        using var scope = new DisposeScope();
        var (width, height, baseline) = ImageDraw.MeasureText("Hello", 0.5);
        Assert.True(width > 0 && height > 0 && baseline >= 0);
        Assert.True(ImageDraw.MeasureText("Hello", 1.0).Width > width);
        Assert.True(ImageDraw.MeasureText("Hello, world", 0.5).Width > width);

        var image = Black(64);
        ImageDraw.DrawText(image, "Hello", 2, 30, 0.5, Rgb.White);
        var lit = image[.., .., 0].Gt(0);
        Assert.True(lit.Sum().ToInt64() > 20);
        var rows = lit.Long().Sum(1).Gt(0);
        var columns = lit.Long().Sum(0).Gt(0);
        Assert.False(rows[..(30 - height - 2)].Any().ToBoolean()); // nothing above the text
        Assert.False(columns[(2 + width + 2)..].Any().ToBoolean()); // nothing right of it
    }

    [Fact]
    public void Grey_images_take_the_red_value_and_bad_images_are_rejected()
    {
        using var scope = new DisposeScope();
        var grey = Black(16, 1);
        ImageDraw.FillCircle(grey, 8, 8, 4, new Rgb(90, 10, 10));
        Assert.Equal(90L, grey[8, 8, 0].ToInt64());

        Assert.Throws<TorchException>(() => ImageDraw.FillCircle(Tensor.Zeros(8, 8, 3), 4, 4, 2, Rgb.White)); // float
        Assert.Throws<TorchException>(() => ImageDraw.FillCircle(Black().Transpose(0, 1), 4, 4, 2, Rgb.White)); // not contiguous
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageDraw.FillCircle(Black(), 4, 4, -1, Rgb.White));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageDraw.MeasureText("x", 0));
    }
}

using UniCode.Kit.Data;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Tests.Data;

public sealed class ImageTransformsTests
{
    private static RawImage Ramp(int h, int w, int c) =>
        new(h, w, c, [.. Enumerable.Range(0, h * w * c).Select(i => (byte)(i * 7 % 251))]);

    [Fact]
    public void Pad_centres_the_image_on_the_fill_value()
    {
        var image = Ramp(28, 28, 1);
        var padded = ImageTransforms.Pad(image, 32, 32, fill: 9);
        Assert.Equal((32, 32, 1), (padded.Height, padded.Width, padded.Channels));
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var inside = x is >= 2 and < 30 && y is >= 2 and < 30;
                Assert.Equal(inside ? image[x - 2, y - 2, 0] : (byte)9, padded[x, y, 0]);
            }
        }
    }

    [Fact]
    public void Pad_to_a_smaller_size_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageTransforms.Pad(Ramp(28, 28, 1), 24, 24));
    }

    [Fact]
    public void Area_resize_by_half_averages_two_by_two_blocks()
    {
        var image = Ramp(8, 8, 3);
        var small = ImageTransforms.Resize(image, 4, 4);
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var mean = (image[2 * x, 2 * y, c] + image[(2 * x) + 1, 2 * y, c] + image[2 * x, (2 * y) + 1, c] + image[(2 * x) + 1, (2 * y) + 1, c]) / 4.0;
                    Assert.InRange(small[x, y, c], Math.Floor(mean), Math.Ceiling(mean));
                }
            }
        }
    }

    [Fact]
    public void Compositing_puts_transparent_pixels_on_the_background_and_keeps_opaque_ones()
    {
        byte[] rgba = [10, 20, 30, 255, 10, 20, 30, 0, 200, 100, 0, 128, 0, 0, 0, 0];
        var composited = ImageTransforms.CompositeOver(new RawImage(2, 2, 4, rgba), Rgb.White);
        Assert.Equal(3, composited.Channels);
        Assert.Equal([10, 20, 30, 255, 255, 255], composited.Pixels[..6].ToArray());
        // 128/255 of (200, 100, 0) over white.
        Assert.Equal([Round(200, 128), Round(100, 128), Round(0, 128)], composited.Pixels[6..9].ToArray());
        Assert.Equal([255, 255, 255], composited.Pixels[9..].ToArray());

        static byte Round(int value, int alpha) => (byte)Math.Round(((value * alpha) + (255 * (255 - alpha))) / 255.0);
    }

    [Fact]
    public void Channel_conversion_replicates_grey_and_takes_luma_of_colour()
    {
        var grey = new RawImage(1, 2, 1, [7, 200]);
        Assert.Equal([7, 7, 7, 200, 200, 200], ImageTransforms.ToChannels(grey, 3).Pixels.ToArray());
        var colour = new RawImage(1, 1, 3, [255, 0, 0]);
        Assert.Equal([76], ImageTransforms.ToChannels(colour, 1).Pixels.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageTransforms.ToChannels(grey, 2));
    }

    [Fact]
    public void Center_crop_keeps_the_middle_square()
    {
        var image = Ramp(4, 6, 1);
        var square = ImageTransforms.CenterCropSquare(image);
        Assert.Equal((4, 4), (square.Height, square.Width));
        Assert.Equal(image[1, 0, 0], square[0, 0, 0]);
        Assert.Equal(image[4, 3, 0], square[3, 3, 0]);
    }

    [Fact]
    public void RawImage_round_trips_through_a_tensor()
    {
        var image = Ramp(5, 3, 3);
        using var tensor = image.ToTensor();
        Assert.Equal([5L, 3, 3], tensor.Shape);
        Assert.Equal(image.Pixels.ToArray(), RawImage.FromTensor(tensor).Pixels.ToArray());
    }
}

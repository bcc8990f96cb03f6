using UniCode.Kit.Reporting.Images;
using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Tests.Reporting.Images;

public sealed class ImageGridTests
{
    private static Tensor RandomBytes(long[] shape, ulong seed) =>
        Tensor.RandInt(0, 256, shape, new Generator(seed), DType.UInt8);

    private static Tensor Region(Tensor grid, (int X, int Y, int Width, int Height) b) =>
        grid[b.Y..(b.Y + b.Height), b.X..(b.X + b.Width)];

    private static bool Same(Tensor a, Tensor b) => a.Shape.SequenceEqual(b.Shape) && a.Eq(b).All().ToBoolean();

    [Fact]
    public void Uint8_batch_is_laid_out_in_rows_and_columns_with_padding()
    {
        using var scope = new DisposeScope();
        var batch = RandomBytes([5, 8, 6, 3], 1);
        var grid = ImageGrid.Create(batch, options: new ImageGridOptions { Padding = 2 });
        Assert.Equal((2, 3), (grid.Rows, grid.Columns)); // ceil(sqrt(5)) = 3 columns
        Assert.Equal(2 + (3 * (6 + 2)), grid.Width);
        Assert.Equal(2 + (2 * (8 + 2)), grid.Height);
        Assert.Equal((2 + 8, 2 + 10, 6, 8), grid.TileBounds(4)); // row 1, column 1
        var pixels = grid.ToTensor();
        Assert.Equal([(long)grid.Height, grid.Width, 3], pixels.Shape);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(Same(batch[i], Region(pixels, grid.TileBounds(i))), $"tile {i} differs from its image");
        }

        // The padding and the empty sixth cell are background.
        Assert.Equal(255, pixels[0..2].Min().ToInt64());
        Assert.Equal(255, pixels[12..20, 18..24].Min().ToInt64());
    }

    [Fact]
    public void Float_chw_batch_tiles_equal_the_converted_images()
    {
        using var scope = new DisposeScope();
        var batch = Tensor.Rand([3, 3, 5, 7], new Generator(2));
        var grid = ImageGrid.Create(batch, options: new ImageGridOptions { Columns = 3, Padding = 1 });
        Assert.Equal((1, 3), (grid.Rows, grid.Columns));
        var expected = ImageIO.ToHwc(batch);
        var pixels = grid.ToTensor();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Same(expected[i], Region(pixels, grid.TileBounds(i))));
        }
    }

    [Fact]
    public void Upscaling_repeats_each_pixel_into_a_block()
    {
        using var scope = new DisposeScope();
        var batch = RandomBytes([2, 4, 4, 3], 3);
        var grid = ImageGrid.Create(batch, options: new ImageGridOptions { Scale = 3, Padding = 0 });
        Assert.Equal((12 * 2, 12), (grid.Width, grid.Height));
        var tile = Region(grid.ToTensor(), grid.TileBounds(1));
        Assert.Equal([12L, 12, 3], tile.Shape);
        for (var y = 0; y < 12; y++)
        {
            for (var x = 0; x < 12; x++)
            {
                Assert.True(Same(batch[1, y / 3, x / 3], tile[y, x]), $"pixel ({y}, {x})");
            }
        }
    }

    [Fact]
    public void Grey_images_fill_all_three_channels_and_transparent_pixels_show_the_background()
    {
        using var scope = new DisposeScope();
        var grey = RandomBytes([1, 4, 4, 1], 4);
        var greyTile = Region(ImageGrid.Create(grey).ToTensor(), (2, 2, 4, 4));
        for (var c = 0; c < 3; c++)
        {
            Assert.True(Same(grey[0, .., .., 0], greyTile[.., .., c]));
        }

        var rgba = Tensor.Zeros([1, 2, 2, 4], DType.UInt8); // fully transparent black
        var background = new Rgb(10, 20, 30);
        var rgbaTile = Region(ImageGrid.Create(rgba, options: new ImageGridOptions { Background = background }).ToTensor(), (2, 2, 2, 2));
        Assert.Equal([10L, 20, 30], rgbaTile[0, 0].To(DType.Int64).ToArray<long>());
    }

    [Fact]
    public void A_list_of_different_sizes_centres_each_image_in_its_cell()
    {
        using var scope = new DisposeScope();
        var big = RandomBytes([6, 6, 3], 5);
        var small = RandomBytes([2, 4, 3], 6);
        var grid = ImageGrid.Create([big, small], options: new ImageGridOptions { Padding = 1 });
        Assert.Equal((6, 6), (grid.CellWidth, grid.CellHeight));
        Assert.Equal((1 + 7 + 1, 1 + 2, 4, 2), grid.TileBounds(1));
        var pixels = grid.ToTensor();
        Assert.True(Same(big, Region(pixels, grid.TileBounds(0))));
        Assert.True(Same(small, Region(pixels, grid.TileBounds(1))));
    }

    [Fact]
    public void Captions_draw_below_their_tile_and_leave_tiles_untouched()
    {
        using var scope = new DisposeScope();
        var batch = RandomBytes([2, 32, 32, 3], 7);
        var options = new ImageGridOptions { Scale = 2, Padding = 2 };
        var plain = ImageGrid.Create(batch, options: options);
        var captioned = ImageGrid.Create(batch, ["cat", ""], options);
        Assert.Equal(0, plain.CaptionHeight);
        Assert.True(captioned.CaptionHeight > 0);
        Assert.Equal(plain.Height + captioned.CaptionHeight, captioned.Height);

        var pixels = captioned.ToTensor();
        for (var i = 0; i < 2; i++)
        {
            Assert.True(Same(Region(plain.ToTensor(), plain.TileBounds(i)), Region(pixels, captioned.TileBounds(i))));
        }

        var under0 = Region(pixels, captioned.CaptionBounds(0));
        var under1 = Region(pixels, captioned.CaptionBounds(1));
        Assert.True(under0.Lt(128).Sum().ToDouble() > 10, "the caption 'cat' drew no dark pixels under tile 0");
        Assert.Equal(255, under1.Min().ToInt64()); // an empty caption draws nothing
    }

    [Fact]
    public void Long_captions_are_wrapped_or_truncated_to_the_tile_width()
    {
        using var scope = new DisposeScope();
        var batch = RandomBytes([1, 32, 32, 3], 8);
        const string caption = "a very long caption about a red circle above a blue square";
        var wrapped = ImageGrid.Create(batch, [caption], new ImageGridOptions { Scale = 2, MaxCaptionLines = 3 });
        var truncated = ImageGrid.Create(batch, [caption], new ImageGridOptions { Scale = 2, CaptionOverflow = CaptionOverflow.Truncate });
        Assert.True(wrapped.CaptionHeight > 2 * truncated.CaptionHeight, $"{wrapped.CaptionHeight} vs {truncated.CaptionHeight}: the caption did not wrap onto 3 lines");
        foreach (var grid in new[] { wrapped, truncated })
        {
            // Nothing is drawn right of the cell: the caption fits the tile width.
            var band = Region(grid.ToTensor(), grid.CaptionBounds(0));
            Assert.True(band.Lt(128).Sum().ToDouble() > 10);
            var cellRight = grid.CaptionBounds(0).X + grid.CaptionBounds(0).Width;
            Assert.Equal(255, grid.ToTensor()[.., cellRight..].Min().ToInt64());
        }
    }

    [Fact]
    public void Png_output_and_file_decode_to_the_grid_pixels()
    {
        using var scope = new DisposeScope();
        using var folder = new TempFolder();
        var grid = ImageGrid.Create(RandomBytes([3, 5, 5, 3], 9), ["a", "b", "c"]);
        Assert.True(Same(grid.ToTensor(), ImageIO.Decode(grid.ToPng())));
        grid.WritePng(folder.File("grid.png"));
        Assert.True(Same(grid.ToTensor(), ImageIO.Read(folder.File("grid.png"))));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Bad_inputs_are_refused_with_the_shape_and_the_expected_layout()
    {
        using var scope = new DisposeScope();
        var threeD = Assert.Throws<ArgumentException>(() => ImageGrid.Create(RandomBytes([8, 8, 3], 1)));
        Assert.Contains("[N, H, W, C]", threeD.Message, StringComparison.Ordinal);
        Assert.Contains("[8, 8, 3]", threeD.Message, StringComparison.Ordinal);

        var empty = Assert.Throws<ArgumentException>(() => ImageGrid.Create(Tensor.Zeros([0, 8, 8, 3], DType.UInt8)));
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ImageGrid.Create(Array.Empty<Tensor>()));

        var channelsLast = Assert.Throws<ArgumentException>(() => ImageGrid.Create(Tensor.Rand(2, 8, 8, 3)));
        Assert.Contains("[N, C, H, W]", channelsLast.Message, StringComparison.Ordinal);
        Assert.Contains("float32 [2, 8, 8, 3]", channelsLast.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => ImageGrid.Create(RandomBytes([2, 8, 8, 2], 1)));
        Assert.Throws<ArgumentException>(() => ImageGrid.Create(Tensor.Zeros([2, 8, 8, 3], DType.Int64)));

        var range = Assert.Throws<ArgumentException>(() => ImageGrid.Create(Tensor.Rand(2, 3, 8, 8) * 255));
        Assert.Contains("[0, 1]", range.Message, StringComparison.Ordinal);

        var list = Assert.Throws<ArgumentException>(() => ImageGrid.Create([RandomBytes([4, 4, 3], 1), RandomBytes([1, 4, 4, 3], 1)]));
        Assert.Contains("images[1]", list.Message, StringComparison.Ordinal);

        var captions = Assert.Throws<ArgumentException>(() => ImageGrid.Create(RandomBytes([2, 4, 4, 3], 1), ["only one"]));
        Assert.Contains("1 captions for 2 images", captions.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGrid.Create(RandomBytes([1, 4, 4, 3], 1), options: new ImageGridOptions { Scale = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGrid.Create(RandomBytes([1, 4, 4, 3], 1), options: new ImageGridOptions { Columns = 0 }));
        var huge = Assert.Throws<ArgumentException>(() => ImageGrid.Create(RandomBytes([64, 32, 32, 1], 1), options: new ImageGridOptions { Scale = 64 }));
        Assert.Contains("lower Scale", huge.Message, StringComparison.Ordinal);
    }
}

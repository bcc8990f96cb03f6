using UniCode.Torch.Imaging;

namespace UniCode.Torch.Tests.Imaging;

public sealed class ImageIOTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-torch-image-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Tensor RandomImage(Generator g, int height, int width, int channels) =>
        Tensor.RandInt(0, 256, [height, width, channels], g, DType.UInt8);

    // A smooth RGB picture (JPEG's favourite kind): red rises left to right, green top to bottom.
    private static Tensor Gradient(int height, int width)
    {
        using var scope = new DisposeScope();
        var red = Tensor.Linspace(0, 255, width).View(1, width).Expand(height, width);
        var green = Tensor.Linspace(0, 255, height).View(height, 1).Expand(height, width);
        var blue = Tensor.Full([height, width], 128);
        return Tensor.Stack([red, green, blue], -1).Round().To(DType.UInt8).MoveToOuterScope();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(1)]
    public void A_png_round_trip_is_lossless(int channels)
    {
        using var scope = new DisposeScope();
        using var g = new Generator((ulong)channels);
        var image = RandomImage(g, 13, 17, channels);
        var png = ImageIO.Encode(image, ".png");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var decoded = ImageIO.Decode(png, ImageMode.Unchanged);
        TensorAssert.Is([13, 17, channels], DType.UInt8, decoded);
        Assert.True(image.Equal(decoded));
    }

    [Fact]
    public void Decoding_modes_add_or_drop_channels()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(7);
        var rgba = RandomImage(g, 5, 6, 4);
        var png = ImageIO.Encode(rgba);

        var rgb = ImageIO.Decode(png); // RGB by default: alpha dropped
        Assert.True(rgb.Equal(rgba[.., .., ..3].Contiguous()));
        Assert.True(ImageIO.Decode(png, ImageMode.Rgba).Equal(rgba));

        var opaque = ImageIO.Decode(ImageIO.Encode(rgb), ImageMode.Rgba);
        Assert.True(opaque[.., .., ..3].Equal(rgb));
        Assert.Equal(255L, opaque[.., .., 3].Min().ToInt64());
    }

    [Fact]
    public void Grey_mode_gives_one_channel_of_luma()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(8);
        var rgb = RandomImage(g, 6, 5, 3);
        var grey = ImageIO.Decode(ImageIO.Encode(rgb), ImageMode.Grey);
        TensorAssert.Is([6, 5, 1], DType.UInt8, grey);
        var f = rgb.Double();
        var luma = f[.., .., 0] * 0.299 + f[.., .., 1] * 0.587 + f[.., .., 2] * 0.114;
        Assert.True((grey.Squeeze(2).Double() - luma).Abs().Max().ToDouble() <= 1);
    }

    [Fact]
    public void A_jpeg_decodes_to_the_right_shape_and_close_values()
    {
        using var scope = new DisposeScope();
        var image = Gradient(32, 48);
        var jpeg = ImageIO.Encode(image, ".jpg", quality: 95);
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        var decoded = ImageIO.Decode(jpeg);
        TensorAssert.Is([32, 48, 3], DType.UInt8, decoded);
        var error = (decoded.Float() - image.Float()).Abs();
        Assert.True(error.Mean().ToDouble() < 2, $"mean error {error.Mean().ToDouble()}");
        Assert.True(error.Max().ToDouble() < 16, $"max error {error.Max().ToDouble()}");
        Assert.True(ImageIO.Encode(image, ".jpg", quality: 10).Length < jpeg.Length);
    }

    [Fact]
    public void Write_then_Read_returns_the_image_and_leaves_no_temporary_file()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(9);
        var image = RandomImage(g, 8, 9, 3);
        var path = Path.Combine(folder, "picture.png");
        ImageIO.Write(path, image);
        Assert.True(ImageIO.Read(path).Equal(image));
        Assert.Equal([path], Directory.GetFiles(folder));
        Assert.Throws<ArgumentException>(() => ImageIO.Write(Path.Combine(folder, "no-extension"), image));
    }

    [Fact]
    public void A_corrupt_file_raises_InvalidDataException_naming_the_file()
    {
        var path = Path.Combine(folder, "broken.png");
        var png = ImageIO.Encode(Tensor.Zeros([4, 4, 3], DType.UInt8));
        File.WriteAllBytes(path, [.. png[..8], .. new byte[40]]); // a PNG signature and garbage
        var error = Assert.Throws<InvalidDataException>(() => ImageIO.Read(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);

        File.WriteAllText(path, "not an image at all");
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => ImageIO.Read(path)).Message, StringComparison.Ordinal);
        File.WriteAllBytes(path, []);
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => ImageIO.Read(path)).Message, StringComparison.Ordinal);

        Assert.Contains("entry 7", Assert.Throws<InvalidDataException>(() => ImageIO.Decode("junk"u8, source: "entry 7")).Message, StringComparison.Ordinal);
        var missing = Path.Combine(folder, "missing.png");
        Assert.Equal(missing, Assert.Throws<FileNotFoundException>(() => ImageIO.Read(missing)).FileName);
    }

    [Fact]
    public void Encoding_rejects_what_it_cannot_write()
    {
        using var scope = new DisposeScope();
        Assert.Throws<TorchException>(() => ImageIO.Encode(Tensor.Zeros(4, 4, 3), ".png")); // float32
        Assert.Throws<TorchException>(() => ImageIO.Encode(Tensor.Zeros([4, 4, 5], DType.UInt8), ".png")); // 5 channels
        Assert.Throws<TorchException>(() => ImageIO.Encode(Tensor.Zeros([4, 4, 3], DType.UInt8), ".nosuchformat"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageIO.Encode(Tensor.Zeros([4, 4, 3], DType.UInt8), ".jpg", quality: 0));
    }

    [Fact]
    public void Resize_with_the_area_filter_gives_block_means()
    {
        using var scope = new DisposeScope();
        // 4x4 float image 0..15: each 2x2 block's mean.
        var image = Tensor.Arange(0, 16, dtype: DType.Float32).View(4, 4, 1);
        var small = ImageIO.Resize(image, 2, 2, ResizeFilter.Area);
        TensorAssert.Is([2, 2, 1], DType.Float32, small);
        TensorAssert.Close([2.5, 4.5, 10.5, 12.5], small, 1e-5);

        // uint8 RGB with integer block means: 10, 20, 30, 40 around 4 corners of each block.
        var blocks = Tensor.FromArray(new byte[,]
        {
            { 8, 12, 18, 22 },
            { 12, 8, 22, 18 },
            { 30, 30, 41, 39 },
            { 30, 30, 39, 41 },
        });
        var rgb = Tensor.Stack([blocks, blocks, blocks], -1);
        var shrunk = ImageIO.Resize(rgb, 2, 2);
        TensorAssert.Is([2, 2, 3], DType.UInt8, shrunk);
        TensorAssert.Equal([10, 10, 10, 20, 20, 20, 30, 30, 30, 40, 40, 40], shrunk);

        Assert.Equal([2L, 2], ImageIO.Resize(blocks, 2, 2).Shape); // [H, W] in, [H, W] out
        Assert.Equal([8L, 6, 3], ImageIO.Resize(rgb, 8, 6, ResizeFilter.Bilinear).Shape);
        Assert.True(ImageIO.Resize(rgb, 8, 8, ResizeFilter.Nearest)[..2, ..2].Equal(Tensor.Full([2, 2, 3], 8, DType.UInt8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageIO.Resize(rgb, 0, 2));
    }

    [Fact]
    public void ToChw_and_ToHwc_round_trip_exactly()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(10);
        var image = RandomImage(g, 5, 7, 3);
        var chw = ImageIO.ToChw(image);
        TensorAssert.Is([3, 5, 7], DType.Float32, chw);
        Assert.Equal(image[2, 4, 1].ToInt64() / 255.0, chw[1, 2, 4].ToDouble(), 6);
        Assert.True(chw.Min().ToDouble() >= 0 && chw.Max().ToDouble() <= 1);
        Assert.True(ImageIO.ToHwc(chw).Equal(image));

        var batch = Tensor.Stack([image, image.Flip(0)]);
        var nchw = ImageIO.ToChw(batch);
        Assert.Equal([2L, 3, 5, 7], nchw.Shape);
        Assert.True(ImageIO.ToHwc(nchw).Equal(batch));
        Assert.Equal([1L, 5, 7], ImageIO.ToChw(image[.., .., 0]).Shape);
    }

    [Fact]
    public void ToHwc_clamps_and_rounds_and_ToChw_wants_uint8()
    {
        using var scope = new DisposeScope();
        var chw = Tensor.From([-0.5f, 0.5f / 255, 1.6f / 255, 2f], 1, 1, 4);
        TensorAssert.Equal([0, 0, 2, 255], ImageIO.ToHwc(chw)); // 0.5 rounds to even
        Assert.Throws<ArgumentException>(() => ImageIO.ToChw(Tensor.Zeros(2, 2, 3)));
        Assert.Throws<ArgumentException>(() => ImageIO.ToHwc(Tensor.Zeros(2, 2)));
    }
    [Theory]
    [InlineData(".jpg", "end-of-image marker")]
    [InlineData(".png", "IEND")]
    [InlineData(".webp", "WebP")]
    public void A_truncated_image_file_raises_InvalidDataException_naming_it(string extension, string expected)
    {
        using var scope = new DisposeScope();
        var bytes = ImageIO.Encode(Gradient(64, 64), extension);
        var path = Path.Combine(folder, "half" + extension);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => ImageIO.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_cut_anywhere_inside_its_data_is_rejected_and_a_complete_one_with_trailing_bytes_is_not()
    {
        using var scope = new DisposeScope();
        var jpeg = ImageIO.Encode(Gradient(32, 48), ".jpg", quality: 90);
        foreach (var length in new[] { 2, 20, jpeg.Length / 3, jpeg.Length - 2, jpeg.Length - 1 })
        {
            Assert.Throws<InvalidDataException>(() => ImageIO.Decode(jpeg.AsSpan(0, length), source: "cut.jpg"));
        }

        TensorAssert.Is([32, 48, 3], DType.UInt8, ImageIO.Decode([.. jpeg, 0, 0, 0x12]));
        TensorAssert.Is([32, 48, 3], DType.UInt8, ImageIO.Decode(jpeg));
    }
}

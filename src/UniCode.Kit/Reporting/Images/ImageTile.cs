using System.Globalization;
using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Reporting.Images;

/// <summary>
/// One image of a grid as RGB bytes (row-major [H, W, 3]), converted from the tensor layouts the kit uses:
/// uint8 [H, W, C] and float [C, H, W] in [0, 1], with 1 (grey), 3 (RGB) or 4 (RGBA) channels.
/// </summary>
internal sealed record ImageTile(int Height, int Width, byte[] Rgb)
{
    // Float images may overshoot [0, 1] a little (a decoder without a final sigmoid) and are clamped;
    // beyond this they are probably in [-1, 1] or [0, 255] and converting them would only hide the mistake.
    private const double FloatSlack = 0.25;

    /// <summary>The tiles of a batch: uint8 [N, H, W, C] or float [N, C, H, W] in [0, 1].</summary>
    public static List<ImageTile> FromBatch(Tensor images, Rgb background)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var scope = new DisposeScope();
        var shape = images.Shape;
        var dtype = images.DType;
        if (shape.Length != 4)
        {
            throw new ArgumentException(
                $"an image batch must be uint8 [N, H, W, C] or float [N, C, H, W]; got {Describe(images)}"
                + (shape.Length == 3 ? " (for one image, pass a list holding it)" : string.Empty),
                nameof(images));
        }

        if (shape[0] == 0)
        {
            throw new ArgumentException($"the image batch is empty ({Describe(images)}): a grid needs at least one image", nameof(images));
        }

        Tensor hwc;
        if (dtype == DType.UInt8)
        {
            RequireChannels(shape[3], images, "uint8 batches are [N, H, W, C]");
            RequireNonEmptyImage(shape[1] == 0 || shape[2] == 0, images);
            hwc = images;
        }
        else if (dtype.IsFloatingPoint())
        {
            RequireChannels(shape[1], images, "float batches are [N, C, H, W] (permute a [N, H, W, C] one with Permute(0, 3, 1, 2))");
            RequireNonEmptyImage(shape[2] == 0 || shape[3] == 0, images);
            RequireUnitRange(images, "the image batch");
            hwc = ImageIO.ToHwc(images);
        }
        else
        {
            throw new ArgumentException($"an image batch must be uint8 or floating point; got {Describe(images)}", nameof(images));
        }

        var count = (int)hwc.Size(0);
        var tiles = new List<ImageTile>(count);
        for (var i = 0; i < count; i++)
        {
            tiles.Add(FromHwc(hwc[i], background));
        }

        return tiles;
    }

    /// <summary>The tile of one image: uint8 [H, W, C] or [H, W], or float [H, W, C] or [H, W] in [0, 1].</summary>
    public static ImageTile FromImage(Tensor image, string name, Rgb background)
    {
        ArgumentNullException.ThrowIfNull(image, name);
        using var scope = new DisposeScope();
        var shape = image.Shape;
        if (shape.Length is not (2 or 3))
        {
            throw new ArgumentException($"{name} must be an image [H, W, C] or [H, W]; got {Describe(image)}", name);
        }

        var hwc = shape.Length == 2 ? image.Unsqueeze(2) : image;
        RequireChannels(hwc.Size(2), image, $"{name}: images are [H, W, C]", name);
        RequireNonEmptyImage(hwc.Size(0) == 0 || hwc.Size(1) == 0, image, name);
        if (image.DType.IsFloatingPoint())
        {
            RequireUnitRange(image, name);
            hwc = hwc.Detach().To(DType.Float32).Clamp(0, 1).Mul(255.0).Round().To(DType.UInt8);
        }
        else if (image.DType != DType.UInt8)
        {
            throw new ArgumentException($"{name} must be uint8 or floating point; got {Describe(image)}", name);
        }

        return FromHwc(hwc, background);
    }

    private static ImageTile FromHwc(Tensor hwc, Rgb background)
    {
        var height = checked((int)hwc.Size(0));
        var width = checked((int)hwc.Size(1));
        var channels = (int)hwc.Size(2);
        var source = hwc.Contiguous().ToArray<byte>();
        var rgb = new byte[height * width * 3];
        for (var p = 0; p < height * width; p++)
        {
            var s = p * channels;
            var d = p * 3;
            switch (channels)
            {
                case 1:
                    rgb[d] = rgb[d + 1] = rgb[d + 2] = source[s];
                    break;
                case 3:
                    rgb[d] = source[s];
                    rgb[d + 1] = source[s + 1];
                    rgb[d + 2] = source[s + 2];
                    break;
                default:
                    // Transparent pixels show the background, as the image would look on the page.
                    var alpha = source[s + 3];
                    rgb[d] = Blend(source[s], background.R, alpha);
                    rgb[d + 1] = Blend(source[s + 1], background.G, alpha);
                    rgb[d + 2] = Blend(source[s + 2], background.B, alpha);
                    break;
            }
        }

        return new ImageTile(height, width, rgb);
    }

    private static byte Blend(byte colour, byte background, byte alpha) =>
        (byte)(((colour * alpha) + (background * (255 - alpha)) + 127) / 255);

    private static void RequireChannels(long channels, Tensor image, string layout, string name = "images")
    {
        if (channels is not (1 or 3 or 4))
        {
            throw new ArgumentException($"{layout} with C = 1, 3 or 4 channels; got {Describe(image)}", name);
        }
    }

    private static void RequireNonEmptyImage(bool empty, Tensor image, string name = "images")
    {
        if (empty)
        {
            throw new ArgumentException($"images must be at least 1x1 pixels; got {Describe(image)}", name);
        }
    }

    private static void RequireUnitRange(Tensor image, string name)
    {
        using var scope = new DisposeScope();
        var values = image.Detach().To(DType.Float64);
        var min = values.Min().ToDouble();
        var max = values.Max().ToDouble();
        if (!(min >= -FloatSlack && max <= 1 + FloatSlack))
        {
            throw new ArgumentException(
                $"{name}: float images must hold values in [0, 1]; got min {min.ToString("G4", CultureInfo.InvariantCulture)}, "
                + $"max {max.ToString("G4", CultureInfo.InvariantCulture)} (map [-1, 1] outputs with (x + 1) / 2, [0, 255] ones with x / 255)",
                name);
        }
    }

    private static string Describe(Tensor t) => $"{t.DType.TorchName()} [{string.Join(", ", t.Shape)}]";
}

using UniCode.Kit.Data.Batching;
using UniCode.Torch;

namespace UniCode.Kit.Data;

/// <summary>
/// An 8-bit image in managed memory: rows of pixels, channels interleaved (HWC, RGB order for 3 channels).
/// Datasets hand images out in this form so that no tensor outlives its owner by accident; a batch turns
/// many of them into one tensor (<see cref="ImageBatcher"/>), <see cref="ToTensor"/> turns one.
/// </summary>
public sealed class RawImage
{
    private readonly byte[] pixels;

    /// <summary>Wraps pixel bytes (not copied).</summary>
    /// <param name="height">Rows.</param>
    /// <param name="width">Columns.</param>
    /// <param name="channels">1 (grey), 3 (RGB) or 4 (RGBA).</param>
    /// <param name="pixels">height * width * channels bytes, row-major, channels interleaved.</param>
    public RawImage(int height, int width, int channels, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (channels is not (1 or 3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "an image has 1, 3 or 4 channels");
        }

        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != (long)height * width * channels)
        {
            throw new ArgumentException($"{height}x{width}x{channels} needs {(long)height * width * channels} bytes, got {pixels.Length}", nameof(pixels));
        }

        Height = height;
        Width = width;
        Channels = channels;
        this.pixels = pixels;
    }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Channels: 1, 3 or 4.</summary>
    public int Channels { get; }

    /// <summary>The pixel bytes (HWC). Treat as read-only: datasets may share them between calls.</summary>
    public ReadOnlySpan<byte> Pixels => pixels;

    /// <summary>A blank image filled with one value per channel.</summary>
    /// <param name="height">Rows.</param>
    /// <param name="width">Columns.</param>
    /// <param name="fill">One value per channel (its length sets the channel count).</param>
    public static RawImage Filled(int height, int width, params byte[] fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var data = new byte[(long)height * width * fill.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = fill[i % fill.Length];
        }

        return new RawImage(height, width, fill.Length, data);
    }

    /// <summary>Copies a uint8 [H, W, C] (or [H, W]) CPU tensor.</summary>
    /// <param name="image">The tensor.</param>
    public static RawImage FromTensor(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.DType != DType.UInt8)
        {
            throw new ArgumentException($"expected a uint8 image tensor, got {image.DType.TorchName()}", nameof(image));
        }

        if (image.Dim is not (2 or 3))
        {
            throw new ArgumentException($"expected an [H, W, C] or [H, W] image tensor, got [{string.Join(", ", image.Shape)}]", nameof(image));
        }

        var channels = image.Dim == 3 ? (int)image.Size(2) : 1;
        var height = (int)image.Size(0);
        var width = (int)image.Size(1);
        using var contiguous = image.Contiguous();
        var data = new byte[(long)height * width * channels];
        contiguous.CopyTo<byte>(data);
        return new RawImage(height, width, channels, data);
    }

    /// <summary>The byte of channel <paramref name="channel"/> at column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    /// <param name="x">Column.</param>
    /// <param name="y">Row.</param>
    /// <param name="channel">Channel.</param>
    public byte this[int x, int y, int channel]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height || (uint)channel >= (uint)Channels)
            {
                throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}, {channel}) is outside a {Width}x{Height}x{Channels} image");
            }

            return pixels[(((long)y * Width) + x) * Channels + channel];
        }
    }

    /// <summary>A new uint8 [H, W, C] tensor holding a copy of the pixels (the caller disposes it).</summary>
    public Tensor ToTensor() => Tensor.From<byte>(pixels.AsSpan(), [Height, Width, Channels]);

    /// <summary>A new float32 [C, H, W] tensor in [0, 1] (the caller disposes it).</summary>
    public Tensor ToChw()
    {
        using var hwc = ToTensor();
        return Torch.Imaging.ImageIO.ToChw(hwc);
    }
}

using UniCode.Torch.Interop;
using UniCode.Torch.Serialization;

namespace UniCode.Torch.Imaging;

/// <summary>How <see cref="ImageIO"/> decodes channels.</summary>
public enum ImageMode
{
    /// <summary>As stored: 1 (grey), 3 (RGB) or 4 (RGBA) channels.</summary>
    Unchanged = 0,

    /// <summary>One grey channel.</summary>
    Grey = 1,

    /// <summary>Three channels, red first (alpha dropped).</summary>
    Rgb = 2,

    /// <summary>Four channels, red first (opaque alpha added when absent).</summary>
    Rgba = 3,
}

/// <summary>Resampling filters of <see cref="ImageIO.Resize"/> (OpenCV's).</summary>
public enum ResizeFilter
{
    /// <summary>Nearest neighbour.</summary>
    Nearest = 0,

    /// <summary>Bilinear.</summary>
    Bilinear = 1,

    /// <summary>Bicubic.</summary>
    Bicubic = 2,

    /// <summary>Pixel-area averaging: the right filter for shrinking.</summary>
    Area = 3,
}

/// <summary>
/// Image files through OpenCV (imgcodecs/imgproc) in the native bridge. Images are uint8 tensors shaped
/// [H, W, C] with channels in RGB(A) order; <see cref="ToChw"/> and <see cref="ToHwc"/> convert to and
/// from the [C, H, W] float tensors in [0, 1] that models take.
/// </summary>
public static class ImageIO
{
    /// <summary>Reads and decodes an image file (PNG, JPEG, WebP, BMP, ...).</summary>
    /// <param name="path">The file.</param>
    /// <param name="mode">The channels to produce.</param>
    public static Tensor Read(string path, ImageMode mode = ImageMode.Rgb)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"image file not found: {path}", path);
        }

        return Decode(File.ReadAllBytes(path), mode, path);
    }

    /// <summary>Decodes image bytes.</summary>
    /// <param name="bytes">The encoded image.</param>
    /// <param name="mode">The channels to produce.</param>
    /// <param name="source">A name for the bytes in error messages (e.g. a file or archive entry).</param>
    public static Tensor Decode(ReadOnlySpan<byte> bytes, ImageMode mode = ImageMode.Rgb, string? source = null)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown image mode");
        }

        if (TruncationCheck.Problem(bytes) is { } problem)
        {
            throw new InvalidDataException($"{source ?? "image bytes"}: {problem}");
        }

        var pointer = Native.ut_image_decode(bytes, bytes.Length, (int)mode);
        if (pointer == IntPtr.Zero)
        {
            throw new InvalidDataException($"{source ?? "image bytes"}: {NativeError.LastMessage()}");
        }

        return Tensor.Wrap(pointer);
    }

    /// <summary>Encodes a uint8 [H, W, C] (or [H, W]) image.</summary>
    /// <param name="image">The image, channels in RGB(A) order.</param>
    /// <param name="extension">The format: ".png", ".jpg", ".webp", ...</param>
    /// <param name="quality">JPEG/WebP quality, 1-100.</param>
    public static byte[] Encode(Tensor image, string extension = ".png", int quality = 95)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(extension);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        var ext = extension.StartsWith('.') ? extension.ToLowerInvariant() : "." + extension.ToLowerInvariant();
        NativeError.Check(Native.ut_image_encode(image.Handle, ext, quality, out var buffer, out var length));
        try
        {
            var bytes = new byte[length];
            System.Runtime.InteropServices.Marshal.Copy(buffer, bytes, 0, checked((int)length));
            return bytes;
        }
        finally
        {
            Native.ut_buffer_free(buffer);
        }
    }

    /// <summary>Encodes and writes an image, in the format of the file's extension, atomically.</summary>
    /// <param name="path">The file (.png, .jpg, .webp, ...).</param>
    /// <param name="image">A uint8 [H, W, C] image, RGB(A).</param>
    /// <param name="quality">JPEG/WebP quality, 1-100.</param>
    public static void Write(string path, Tensor image, int quality = 95)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path);
        if (string.IsNullOrEmpty(extension))
        {
            throw new ArgumentException($"'{path}' has no extension to choose an image format by", nameof(path));
        }

        AtomicFile.WriteAllBytes(path, Encode(image, extension, quality));
    }

    /// <summary>Resizes a [H, W, C] (or [H, W]) uint8 or float32 image.</summary>
    /// <param name="image">The image.</param>
    /// <param name="height">The new height.</param>
    /// <param name="width">The new width.</param>
    /// <param name="filter">The filter (area by default: correct for shrinking).</param>
    public static Tensor Resize(Tensor image, int height, int width, ResizeFilter filter = ResizeFilter.Area)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        return Tensor.Wrap(Native.ut_image_resize(image.Handle, height, width, (int)filter));
    }

    /// <summary>uint8 [H, W, C] (or a batch [N, H, W, C]) to float32 [C, H, W] ([N, C, H, W]) in [0, 1].</summary>
    /// <param name="image">The uint8 image(s).</param>
    public static Tensor ToChw(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.DType != DType.UInt8)
        {
            throw new ArgumentException($"ToChw expects a uint8 image, got {image.DType.TorchName()}", nameof(image));
        }

        using var scope = new DisposeScope();
        var result = image.Dim switch
        {
            2 => image.Unsqueeze(0),
            3 => image.Permute(2, 0, 1),
            4 => image.Permute(0, 3, 1, 2),
            _ => throw new ArgumentException($"ToChw expects [H, W, C] or [N, H, W, C], got [{string.Join(", ", image.Shape)}]", nameof(image)),
        };
        return result.To(DType.Float32).Div(255.0).Contiguous().MoveToOuterScope();
    }

    /// <summary>float [C, H, W] (or [N, C, H, W]) in [0, 1] to uint8 [H, W, C] ([N, H, W, C]), clamped and rounded.</summary>
    /// <param name="image">The float image(s).</param>
    public static Tensor ToHwc(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var scope = new DisposeScope();
        var result = image.Dim switch
        {
            3 => image.Permute(1, 2, 0),
            4 => image.Permute(0, 2, 3, 1),
            _ => throw new ArgumentException($"ToHwc expects [C, H, W] or [N, C, H, W], got [{string.Join(", ", image.Shape)}]", nameof(image)),
        };
        return result.Detach().To(DType.Float32).Clamp(0, 1).Mul(255.0).Round().To(DType.UInt8).Contiguous().MoveToOuterScope();
    }
}

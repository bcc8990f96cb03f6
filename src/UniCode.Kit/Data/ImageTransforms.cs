using UniCode.Torch.Imaging;

namespace UniCode.Kit.Data;

/// <summary>
/// Resizing, padding, cropping, alpha compositing and channel conversion of <see cref="RawImage"/>s: the
/// steps every dataset uses to bring its images to the kit's resolution and channel count.
/// </summary>
public static class ImageTransforms
{
    /// <summary>
    /// Resizes to <paramref name="height"/> x <paramref name="width"/> with OpenCV: pixel-area averaging when
    /// shrinking (no aliasing), bilinear when enlarging (area averaging degenerates to blocky copies there).
    /// Returns the input itself when the size already matches.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="height">The new height (positive).</param>
    /// <param name="width">The new width (positive).</param>
    public static RawImage Resize(RawImage image, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (height == image.Height && width == image.Width)
        {
            return image;
        }

        var filter = height <= image.Height && width <= image.Width ? ResizeFilter.Area : ResizeFilter.Bilinear;
        using var source = image.ToTensor();
        using var resized = ImageIO.Resize(source, height, width, filter);
        return RawImage.FromTensor(resized);
    }

    /// <summary>Centres the image on a canvas of the given size filled with <paramref name="fill"/>.</summary>
    /// <param name="image">The image.</param>
    /// <param name="height">Canvas height (at least the image's).</param>
    /// <param name="width">Canvas width (at least the image's).</param>
    /// <param name="fill">The value of every channel of the border.</param>
    public static RawImage Pad(RawImage image, int height, int width, byte fill = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (height < image.Height || width < image.Width)
        {
            throw new ArgumentOutOfRangeException(nameof(height), $"cannot pad a {image.Height}x{image.Width} image to the smaller {height}x{width}");
        }

        if (height == image.Height && width == image.Width)
        {
            return image;
        }

        var c = image.Channels;
        var data = new byte[(long)height * width * c];
        Array.Fill(data, fill);
        var top = (height - image.Height) / 2;
        var left = (width - image.Width) / 2;
        var source = image.Pixels;
        var rowBytes = image.Width * c;
        for (var y = 0; y < image.Height; y++)
        {
            source.Slice(y * rowBytes, rowBytes).CopyTo(data.AsSpan((((top + y) * width) + left) * c, rowBytes));
        }

        return new RawImage(height, width, c, data);
    }

    /// <summary>Cuts the largest centred square out of the image.</summary>
    /// <param name="image">The image.</param>
    public static RawImage CenterCropSquare(RawImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var side = Math.Min(image.Height, image.Width);
        if (image.Height == image.Width)
        {
            return image;
        }

        var top = (image.Height - side) / 2;
        var left = (image.Width - side) / 2;
        var c = image.Channels;
        var data = new byte[(long)side * side * c];
        var source = image.Pixels;
        for (var y = 0; y < side; y++)
        {
            source.Slice((((top + y) * image.Width) + left) * c, side * c).CopyTo(data.AsSpan(y * side * c, side * c));
        }

        return new RawImage(side, side, c, data);
    }

    /// <summary>
    /// Composites an RGBA image over a plain background ("over" operator with straight alpha), giving RGB.
    /// Images without alpha are returned unchanged (grey is kept grey).
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="background">The background colour (white for emoji).</param>
    public static RawImage CompositeOver(RawImage image, Rgb background)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels != 4)
        {
            return image;
        }

        var source = image.Pixels;
        var pixelsCount = image.Height * image.Width;
        var data = new byte[pixelsCount * 3];
        ReadOnlySpan<int> back = [background.R, background.G, background.B];
        for (var p = 0; p < pixelsCount; p++)
        {
            var alpha = source[(p * 4) + 3];
            for (var ch = 0; ch < 3; ch++)
            {
                // Integer rounding of a*fg + (1-a)*bg with a = alpha/255.
                var mixed = (source[(p * 4) + ch] * alpha) + (back[ch] * (255 - alpha));
                data[(p * 3) + ch] = (byte)((mixed + 127) / 255);
            }
        }

        return new RawImage(image.Height, image.Width, 3, data);
    }

    /// <summary>
    /// Converts to 1 (grey) or 3 (RGB) channels: grey is replicated into RGB; RGB becomes grey by the
    /// ITU-R BT.601 luma weights; RGBA is first composited over white.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="channels">1 or 3.</param>
    public static RawImage ToChannels(RawImage image, int channels)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be 1 (grey) or 3 (RGB)");
        }

        var rgbOrGrey = CompositeOver(image, Rgb.White);
        if (rgbOrGrey.Channels == channels)
        {
            return rgbOrGrey;
        }

        var source = rgbOrGrey.Pixels;
        var count = rgbOrGrey.Height * rgbOrGrey.Width;
        var data = new byte[count * channels];
        if (channels == 3)
        {
            for (var p = 0; p < count; p++)
            {
                data[p * 3] = data[(p * 3) + 1] = data[(p * 3) + 2] = source[p];
            }
        }
        else
        {
            for (var p = 0; p < count; p++)
            {
                var luma = (299 * source[p * 3]) + (587 * source[(p * 3) + 1]) + (114 * source[(p * 3) + 2]);
                data[p] = (byte)((luma + 500) / 1000);
            }
        }

        return new RawImage(rgbOrGrey.Height, rgbOrGrey.Width, channels, data);
    }
}

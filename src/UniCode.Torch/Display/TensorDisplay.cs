using System.Globalization;
using System.Net;
using System.Text;
using UniCode.Torch.Imaging;

namespace UniCode.Torch.Display;

/// <summary>
/// How a notebook shows a <see cref="Tensor"/>: its dtype, shape and first values (only those are copied out
/// of libtorch), and, when it is image-shaped, the picture itself.
/// </summary>
public static class TensorDisplay
{
    /// <summary>How many leading values the HTML view lists.</summary>
    public const int ShownValues = 8;

    /// <summary>The largest batch shown as a row of pictures.</summary>
    public const int MaxImagesInRow = 16;

    private const int MaxImageSide = 2048;

    /// <summary>The tensor as an HTML fragment: a summary line, its first values and, if image-shaped, a PNG.</summary>
    /// <param name="tensor">The tensor (a disposed one shows as such).</param>
    public static string ToHtml(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.IsDisposed)
        {
            return "<div class=\"unicode-tensor\"><code>tensor(&lt;disposed&gt;)</code></div>";
        }

        using var scope = new DisposeScope();
        var html = new StringBuilder("<div class=\"unicode-tensor\">");
        html.Append("<div><code>").Append(WebUtility.HtmlEncode(Summary(tensor))).Append("</code></div>");
        html.Append("<div><code>").Append(WebUtility.HtmlEncode(LeadingValues(tensor))).Append("</code></div>");
        if (ToPicture(tensor) is { } png)
        {
            var pixels = tensor.Shape[^1];
            var scale = pixels < 64 ? 4 : pixels < 128 ? 2 : 1;
            html.Append(CultureInfo.InvariantCulture,
                $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" style=\"image-rendering:pixelated;zoom:{scale}\" alt=\"{WebUtility.HtmlEncode(Summary(tensor))}\"/>");
        }

        return html.Append("</div>").ToString();
    }

    /// <summary>One line: dtype, shape, device and whether it requires gradients, e.g. <c>float32 [3, 32, 32] cpu</c>.</summary>
    /// <param name="tensor">The tensor.</param>
    public static string Summary(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var text = $"{tensor.DType.TorchName()} [{string.Join(", ", tensor.Shape)}] {tensor.Device}";
        return tensor.RequiresGrad ? text + " requires_grad" : text;
    }

    /// <summary>
    /// The tensor as a PNG when it is image-shaped: [3,H,W], [1,H,W] or [H,W] with float values in [0, 1] or uint8,
    /// or a batch [N,C,H,W] of at most <see cref="MaxImagesInRow"/> such images, shown side by side; otherwise null.
    /// </summary>
    /// <param name="tensor">The tensor.</param>
    public static byte[]? ToPicture(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var shape = tensor.Shape;
        var dtype = tensor.DType;
        if (dtype != DType.UInt8 && !dtype.IsFloatingPoint())
        {
            return null;
        }

        bool Side(long n) => n is >= 2 and <= MaxImageSide;
        var isImage = shape.Length switch
        {
            2 => Side(shape[0]) && Side(shape[1]),
            3 => shape[0] is 1 or 3 && Side(shape[1]) && Side(shape[2]),
            4 => shape[0] is >= 1 and <= MaxImagesInRow && shape[1] is 1 or 3 && Side(shape[2]) && Side(shape[3]),
            _ => false,
        };
        if (!isImage)
        {
            return null;
        }

        using var scope = new DisposeScope();
        var values = tensor.Detach().Cpu();
        if (dtype != DType.UInt8)
        {
            // A float tensor is a picture only when it holds intensities; anything else would be clipped into a false image.
            var min = values.Min().ToDouble();
            var max = values.Max().ToDouble();
            if (!(min >= 0 && max <= 1))
            {
                return null;
            }

            values = values.Mul(255.0).Round().Clamp(0, 255).To(DType.UInt8);
        }

        var hwc = shape.Length switch
        {
            2 => values,
            3 => values.Permute(1, 2, 0),
            // [N, C, H, W] -> [H, N*W, C]: the batch as one row.
            _ => values.Permute(2, 0, 3, 1).Reshape(shape[2], shape[0] * shape[3], shape[1]),
        };
        if (hwc.Shape is [_, _, 1])
        {
            hwc = hwc.Squeeze(2);
        }

        return ImageIO.Encode(hwc.Contiguous(), ".png");
    }

    private static string LeadingValues(Tensor tensor)
    {
        var count = tensor.NumElements;
        if (count == 0)
        {
            return "(no values)";
        }

        var shown = (int)Math.Min(count, ShownValues);
        var head = tensor.Detach().Cpu().Flatten().Narrow(0, 0, shown);
        var dtype = tensor.DType;
        IEnumerable<string> texts = dtype.IsFloatingPoint()
            ? head.To(DType.Float64).ToArray<double>().Select(v => v.ToString("G5", CultureInfo.InvariantCulture))
            : dtype == DType.Bool
                ? head.To(DType.Int64).ToArray<long>().Select(v => v != 0 ? "True" : "False")
                : head.To(DType.Int64).ToArray<long>().Select(v => v.ToString(CultureInfo.InvariantCulture));
        var list = string.Join(", ", texts);
        return count > shown ? $"[{list}, ...] ({count.ToString("N0", CultureInfo.InvariantCulture)} values)" : $"[{list}]";
    }
}

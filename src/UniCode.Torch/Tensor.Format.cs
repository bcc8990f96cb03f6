using System.Globalization;
using System.Text;

namespace UniCode.Torch;

// A readable ToString in PyTorch's layout, summarised for large tensors.
public partial class Tensor
{
    private const int SummaryThreshold = 1000;
    private const int EdgeItems = 3;

    /// <summary>The values in PyTorch's layout, e.g. <c>tensor([[1., 2.], [3., 4.]], dtype=float64)</c>.</summary>
    public override string ToString()
    {
        if (IsDisposed)
        {
            return "tensor(<disposed>)";
        }

        using var scope = new DisposeScope();
        var shape = Shape;
        var dtype = DType;
        var (shown, elided) = Shown(Detach(), shape);
        var values = shown.Cpu();
        var numbers = dtype.IsFloatingPoint() ? values.To(DType.Float64).ToArray<double>()
            : dtype == DType.Bool ? values.To(DType.Float64).ToArray<double>()
            : values.To(DType.Int64).ToArray<long>().Select(v => (double)v).ToArray();
        var text = Layout(numbers, shown.Shape, dtype, elided);

        var suffix = new StringBuilder();
        if (NumElements == 0)
        {
            suffix.Append(CultureInfo.InvariantCulture, $", size=[{string.Join(", ", shape)}]");
        }

        if (dtype != DType.Float32 && dtype != DType.Int64 && dtype != DType.Bool)
        {
            suffix.Append(", dtype=").Append(dtype.TorchName());
        }

        var device = Device;
        if (device.Type != DeviceType.Cpu)
        {
            suffix.Append(", device='").Append(device).Append('\'');
        }

        if (RequiresGrad)
        {
            suffix.Append(", requires_grad=True");
        }

        return $"tensor({text}{suffix})";
    }

    // The elements a summary shows, cut out natively before anything is copied (printing a 50M-element view
    // reads 6^dims elements, not 50M): along each dimension longer than 2 * EdgeItems, its first and last
    // EdgeItems. elided[d] says where the "..." goes.
    private static (Tensor Shown, bool[] Elided) Shown(Tensor tensor, long[] shape)
    {
        var elided = new bool[shape.Length];
        if (shape.Aggregate(1L, (a, b) => a * b) <= SummaryThreshold)
        {
            return (tensor, elided);
        }

        var shown = tensor;
        for (var d = 0; d < shape.Length; d++)
        {
            if (shape[d] > 2 * EdgeItems)
            {
                elided[d] = true;
                shown = Cat([shown.Narrow(d, 0, EdgeItems), shown.Narrow(d, shape[d] - EdgeItems, EdgeItems)], d);
            }
        }

        return (shown, elided);
    }

    private static string Layout(double[] values, long[] shape, DType dtype, bool[] elided)
    {
        Func<double, string> format = dtype == DType.Bool ? v => v != 0 ? "True" : "False"
            : !dtype.IsFloatingPoint() ? v => ((long)v).ToString(CultureInfo.InvariantCulture)
            : FloatFormat(values);
        var width = values.Length == 0 ? 0 : values.Max(v => format(v).Length);
        var builder = new StringBuilder();
        Append(builder, values, shape, 0, 0, format, width, elided);
        return builder.ToString();
    }

    private static Func<double, string> FloatFormat(double[] values)
    {
        var finite = values.Where(double.IsFinite).Select(Math.Abs).ToArray();
        var nonZero = finite.Where(v => v > 0).ToArray();
        if (finite.All(v => v == Math.Floor(v)) && (finite.Length == 0 || finite.Max() < 1e8))
        {
            return v => double.IsFinite(v) ? v.ToString("0", CultureInfo.InvariantCulture) + "." : FormatSpecial(v);
        }

        var scientific = nonZero.Length > 0 && (nonZero.Max() >= 1e8 || nonZero.Min() < 1e-4 || nonZero.Max() / nonZero.Min() > 1e3);
        var pattern = scientific ? "0.0000e+00" : "0.0000";
        return v => double.IsFinite(v) ? v.ToString(pattern, CultureInfo.InvariantCulture) : FormatSpecial(v);
    }

    private static string FormatSpecial(double v) => double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";

    private static void Append(StringBuilder builder, double[] values, long[] shape, int dim, long offset,
        Func<double, string> format, int width, bool[] elided)
    {
        if (shape.Length == 0)
        {
            builder.Append(format(values[0]));
            return;
        }

        var stride = 1L;
        for (var d = dim + 1; d < shape.Length; d++)
        {
            stride *= shape[d];
        }

        var size = shape[dim];
        var indices = elided[dim]
            ? Enumerable.Range(0, EdgeItems).Select(i => (long)i).Append(-1).Concat(Enumerable.Range(EdgeItems, EdgeItems).Select(i => (long)i))
            : Enumerable.Range(0, (int)size).Select(i => (long)i);
        var indent = new string(' ', "tensor(".Length + dim + 1);
        var separator = dim == shape.Length - 1 ? ", " : "," + new string('\n', shape.Length - dim - 1) + indent;

        builder.Append('[');
        var first = true;
        foreach (var i in indices)
        {
            if (!first)
            {
                builder.Append(separator);
            }

            first = false;
            if (i < 0)
            {
                builder.Append("...");
                continue;
            }

            if (dim == shape.Length - 1)
            {
                builder.Append(format(values[offset + i]).PadLeft(width));
            }
            else
            {
                Append(builder, values, shape, dim + 1, offset + (i * stride), format, width, elided);
            }
        }

        builder.Append(']');
    }
}

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
        var values = Detach().Cpu();
        var numbers = dtype.IsFloatingPoint() ? values.To(DType.Float64).ToArray<double>()
            : dtype == DType.Bool ? values.To(DType.Float64).ToArray<double>()
            : values.To(DType.Int64).ToArray<long>().Select(v => (double)v).ToArray();
        var summarise = numbers.Length > SummaryThreshold;
        var text = Layout(numbers, shape, dtype, summarise);

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

    private static string Layout(double[] values, long[] shape, DType dtype, bool summarise)
    {
        Func<double, string> format = dtype == DType.Bool ? v => v != 0 ? "True" : "False"
            : !dtype.IsFloatingPoint() ? v => ((long)v).ToString(CultureInfo.InvariantCulture)
            : FloatFormat(values);
        var width = values.Length == 0 ? 0 : values.Max(v => format(v).Length);
        var builder = new StringBuilder();
        Append(builder, values, shape, 0, 0, format, width, summarise);
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
        Func<double, string> format, int width, bool summarise)
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
        var indices = summarise && size > 2 * EdgeItems
            ? Enumerable.Range(0, EdgeItems).Select(i => (long)i).Append(-1).Concat(Enumerable.Range(0, EdgeItems).Select(i => size - EdgeItems + i))
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
                Append(builder, values, shape, dim + 1, offset + (i * stride), format, width, summarise);
            }
        }

        builder.Append(']');
    }
}

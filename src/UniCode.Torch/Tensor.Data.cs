using System.Runtime.InteropServices;
using UniCode.Torch.Interop;

namespace UniCode.Torch;

// Exchanging data with managed memory, and the tensor's properties.
public partial class Tensor
{
    /// <summary>A tensor holding a copy of <paramref name="data"/>, shaped <paramref name="shape"/> (default 1-D).</summary>
    /// <param name="data">The values, in row-major order.</param>
    /// <param name="shape">The shape; its product must equal the number of values.</param>
    /// <param name="requiresGrad">Whether autograd records ops on it.</param>
    public static unsafe Tensor From<T>(ReadOnlySpan<T> data, long[]? shape = null, bool requiresGrad = false)
        where T : unmanaged
    {
        var dims = shape ?? [data.Length];
        var dtype = DTypeExtensions.Of<T>();
        fixed (T* pointer = data)
        {
            var pointerOrEmpty = data.IsEmpty ? null : pointer;
            return Wrap(Native.ut_from_data(pointerOrEmpty, (long)data.Length * sizeof(T), (int)dtype, dims, dims.Length, B(requiresGrad)));
        }
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/>, shaped <paramref name="shape"/> (default 1-D).</summary>
    /// <param name="data">The values, in row-major order.</param>
    /// <param name="shape">The shape; its product must equal the number of values.</param>
    public static Tensor From<T>(T[] data, params long[] shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        return From<T>(data.AsSpan(), shape.Length == 0 ? null : shape);
    }

    /// <summary>A tensor from a rectangular array (<c>float[,]</c>, <c>long[,,]</c>, ...), keeping its shape.</summary>
    /// <param name="data">The array.</param>
    public static unsafe Tensor FromArray(Array data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var elementType = data.GetType().GetElementType()!;
        var shape = new long[data.Rank];
        for (var d = 0; d < data.Rank; d++)
        {
            shape[d] = data.GetLength(d);
        }

        var dtype = elementType == typeof(float) ? DType.Float32
            : elementType == typeof(double) ? DType.Float64
            : elementType == typeof(long) ? DType.Int64
            : elementType == typeof(int) ? DType.Int32
            : elementType == typeof(short) ? DType.Int16
            : elementType == typeof(byte) ? DType.UInt8
            : elementType == typeof(sbyte) ? DType.Int8
            : elementType == typeof(bool) ? DType.Bool
            : elementType == typeof(Half) ? DType.Float16
            : throw new NotSupportedException($"no tensor dtype holds {elementType.Name} values");
        var bytes = (long)data.Length * dtype.ElementSize();
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            var pointer = data.Length == 0 ? null : (void*)pin.AddrOfPinnedObject();
            return Wrap(Native.ut_from_data(pointer, bytes, (int)dtype, shape, shape.Length, 0));
        }
        finally
        {
            pin.Free();
        }
    }

    /// <summary>Copies the values into <paramref name="destination"/> (row-major; moves to the CPU if needed).</summary>
    /// <param name="destination">A span of exactly <see cref="NumElements"/> values of this tensor's dtype.</param>
    public unsafe void CopyTo<T>(Span<T> destination)
        where T : unmanaged
    {
        var expected = DTypeExtensions.Of<T>();
        if (expected != DType)
        {
            throw new ArgumentException($"cannot copy a {DType.TorchName()} tensor into {typeof(T).Name} values; convert it with To(DType.{expected}) first");
        }

        fixed (T* pointer = destination)
        {
            NativeError.Check(Native.ut_copy_to(Handle, destination.IsEmpty ? null : pointer, (long)destination.Length * sizeof(T)));
        }
    }

    /// <summary>A tensor of <paramref name="dtype"/> from raw little-endian bytes (any dtype, e.g. bfloat16).</summary>
    internal static unsafe Tensor FromBytes(ReadOnlySpan<byte> bytes, DType dtype, long[] shape)
    {
        fixed (byte* pointer = bytes)
        {
            return Wrap(Native.ut_from_data(bytes.IsEmpty ? null : pointer, bytes.Length, (int)dtype, shape, shape.Length, 0));
        }
    }

    /// <summary>Copies the raw bytes of the values (row-major, CPU) into <paramref name="destination"/>.</summary>
    internal unsafe void CopyBytesTo(Span<byte> destination)
    {
        fixed (byte* pointer = destination)
        {
            NativeError.Check(Native.ut_copy_to(Handle, destination.IsEmpty ? null : pointer, destination.Length));
        }
    }

    /// <summary>The values as a flat array (row-major). The dtype must match <typeparamref name="T"/>.</summary>
    public T[] ToArray<T>()
        where T : unmanaged
    {
        var values = new T[NumElements];
        CopyTo<T>(values);
        return values;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public T Item<T>()
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        NativeError.Check(Native.ut_item(Handle, out var value));
        return value.Kind == 0 ? T.CreateChecked(value.D) : T.CreateChecked(value.I);
    }

    /// <summary>The value of a one-element tensor as a double.</summary>
    public double ToDouble() => Item<double>();

    /// <summary>The value of a one-element tensor as an int64.</summary>
    public long ToInt64() => Item<long>();

    /// <summary>The value of a one-element tensor as a bool.</summary>
    public bool ToBoolean() => Item<long>() != 0;

    /// <summary>The sizes of the dimensions.</summary>
    public long[] Shape
    {
        get
        {
            Span<long> buffer = stackalloc long[64];
            var n = NativeError.Check(Native.ut_shape(Handle, buffer, buffer.Length));
            return buffer[..n].ToArray();
        }
    }

    /// <summary>The strides of the dimensions, in elements.</summary>
    public long[] Strides
    {
        get
        {
            Span<long> buffer = stackalloc long[64];
            var n = NativeError.Check(Native.ut_strides(Handle, buffer, buffer.Length));
            return buffer[..n].ToArray();
        }
    }

    /// <summary>The number of dimensions.</summary>
    public int Dim => NativeError.Check(Native.ut_dim(Handle));

    /// <summary>The size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    /// <param name="dim">The dimension.</param>
    public long Size(int dim)
    {
        var shape = Shape;
        var d = dim < 0 ? dim + shape.Length : dim;
        return d >= 0 && d < shape.Length
            ? shape[d]
            : throw new ArgumentOutOfRangeException(nameof(dim), dim, $"dimension out of range for a tensor of shape [{string.Join(", ", shape)}]");
    }

    /// <summary>The number of elements.</summary>
    public long NumElements => NativeError.Check(Native.ut_numel(Handle), -1);

    /// <summary>The element type.</summary>
    public DType DType => (DType)NativeError.Check(Native.ut_dtype(Handle));

    /// <summary>The device.</summary>
    public Device Device
    {
        get
        {
            var type = NativeError.Check(Native.ut_device_type(Handle));
            var index = (int)NativeError.Check(Native.ut_device_index(Handle), -2);
            return new Device((DeviceType)type, index);
        }
    }

    /// <summary>Whether the tensor's memory is laid out row-major without gaps.</summary>
    public bool IsContiguous => NativeError.Check(Native.ut_is_contiguous(Handle)) == 1;

    /// <summary>A copy (recorded by autograd).</summary>
    public Tensor Clone() => Wrap(Native.ut_clone(Handle));

    /// <summary>The same data, cut from the autograd graph.</summary>
    public Tensor Detach() => Wrap(Native.ut_detach(Handle));

    /// <summary>This tensor laid out row-major (a copy only when it is not already).</summary>
    public Tensor Contiguous() => Wrap(Native.ut_contiguous(Handle));

    /// <summary>Converts to another dtype.</summary>
    /// <param name="dtype">The element type.</param>
    public Tensor To(DType dtype) => Wrap(Native.ut_to_dtype(Handle, (int)dtype));

    /// <summary>Moves to another device.</summary>
    /// <param name="device">The device.</param>
    public Tensor To(Device device) => Wrap(Native.ut_to_device(Handle, (int)device.Type, device.Index));

    /// <summary>Moves to the CPU.</summary>
    public Tensor Cpu() => To(Device.Cpu);

    /// <summary>Converts to float32.</summary>
    public Tensor Float() => To(DType.Float32);

    /// <summary>Converts to float64.</summary>
    public Tensor Double() => To(DType.Float64);

    /// <summary>Converts to int64.</summary>
    public Tensor Long() => To(DType.Int64);

    /// <summary>Converts to bool.</summary>
    public Tensor Bool() => To(DType.Bool);

    /// <summary>Copies <paramref name="source"/> into this tensor (broadcasting; in place).</summary>
    /// <param name="source">The values to copy.</param>
    public Tensor CopyFrom(Tensor source)
    {
        NativeError.Check(Native.ut_copy_(Handle, H(source)));
        return this;
    }

    /// <summary>Sets every element to <paramref name="value"/> (in place).</summary>
    /// <param name="value">The value.</param>
    public Tensor FillInPlace(Scalar value)
    {
        NativeError.Check(Native.ut_fill_(Handle, value.ToNative()));
        return this;
    }

    /// <summary>Sets every element to zero (in place).</summary>
    public Tensor ZeroInPlace()
    {
        NativeError.Check(Native.ut_zero_(Handle));
        return this;
    }

    /// <summary>Makes this tensor use <paramref name="source"/>'s data, keeping its identity (PyTorch's <c>t.data = source</c>).</summary>
    /// <param name="source">The new data (any shape, dtype or device).</param>
    public void SetData(Tensor source) => NativeError.Check(Native.ut_set_data(Handle, H(source)));
}

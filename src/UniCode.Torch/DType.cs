namespace UniCode.Torch;

/// <summary>Element types. The values are libtorch's <c>at::ScalarType</c> codes.</summary>
public enum DType
{
    /// <summary>8-bit unsigned integer (images).</summary>
    UInt8 = 0,

    /// <summary>8-bit signed integer.</summary>
    Int8 = 1,

    /// <summary>16-bit signed integer.</summary>
    Int16 = 2,

    /// <summary>32-bit signed integer.</summary>
    Int32 = 3,

    /// <summary>64-bit signed integer (indices, token ids).</summary>
    Int64 = 4,

    /// <summary>IEEE half precision.</summary>
    Float16 = 5,

    /// <summary>32-bit float, the default.</summary>
    Float32 = 6,

    /// <summary>64-bit float (gradient checks, metrics).</summary>
    Float64 = 7,

    /// <summary>Boolean.</summary>
    Bool = 11,

    /// <summary>bfloat16: float32's exponent with a 7-bit mantissa.</summary>
    BFloat16 = 15,
}

/// <summary>Facts about <see cref="DType"/> values.</summary>
public static class DTypeExtensions
{
    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.UInt8 or DType.Int8 or DType.Bool => 1,
        DType.Int16 or DType.Float16 or DType.BFloat16 => 2,
        DType.Int32 or DType.Float32 => 4,
        DType.Int64 or DType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown dtype"),
    };

    /// <summary>True for the floating-point types.</summary>
    public static bool IsFloatingPoint(this DType dtype) =>
        dtype is DType.Float16 or DType.Float32 or DType.Float64 or DType.BFloat16;

    /// <summary>The name PyTorch prints, e.g. <c>float32</c>.</summary>
    public static string TorchName(this DType dtype) => dtype switch
    {
        DType.UInt8 => "uint8",
        DType.Int8 => "int8",
        DType.Int16 => "int16",
        DType.Int32 => "int32",
        DType.Int64 => "int64",
        DType.Float16 => "float16",
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Bool => "bool",
        DType.BFloat16 => "bfloat16",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown dtype"),
    };

    /// <summary>The dtype that holds CLR values of type <typeparamref name="T"/>.</summary>
    public static DType Of<T>()
        where T : unmanaged => default(T) switch
        {
            float => DType.Float32,
            double => DType.Float64,
            long => DType.Int64,
            int => DType.Int32,
            short => DType.Int16,
            byte => DType.UInt8,
            sbyte => DType.Int8,
            bool => DType.Bool,
            Half => DType.Float16,
            _ => throw new NotSupportedException($"no tensor dtype holds {typeof(T).Name} values"),
        };
}

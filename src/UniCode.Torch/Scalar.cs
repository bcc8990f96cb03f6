using UniCode.Torch.Interop;

namespace UniCode.Torch;

/// <summary>
/// A number passed to an op next to tensors. Integers stay integers, so that an int64 tensor plus 1
/// is still int64, as in PyTorch; a floating-point scalar promotes an integer tensor to float.
/// </summary>
public readonly struct Scalar : IEquatable<Scalar>
{
    private readonly double real;
    private readonly long integer;
    private readonly int kind;

    private Scalar(double real, long integer, int kind)
    {
        this.real = real;
        this.integer = integer;
        this.kind = kind;
    }

    /// <summary>True when the scalar is a floating-point number.</summary>
    public bool IsFloatingPoint => kind == 0;

    /// <summary>The value as a double.</summary>
    public double ToDouble() => kind == 0 ? real : integer;

    /// <summary>The value as an int64 (a floating-point value is truncated).</summary>
    public long ToInt64() => kind == 0 ? (long)real : integer;

    internal NativeScalar ToNative() => new(real, integer, kind);

    /// <summary>A floating-point scalar.</summary>
    public static implicit operator Scalar(double value) => new(value, 0, 0);

    /// <summary>A floating-point scalar.</summary>
    public static implicit operator Scalar(float value) => new(value, 0, 0);

    /// <summary>An integer scalar.</summary>
    public static implicit operator Scalar(long value) => new(0, value, 1);

    /// <summary>An integer scalar.</summary>
    public static implicit operator Scalar(int value) => new(0, value, 1);

    /// <summary>A boolean scalar.</summary>
    public static implicit operator Scalar(bool value) => new(0, value ? 1 : 0, 2);

    /// <summary>A floating-point scalar.</summary>
    public static Scalar FromDouble(double value) => value;

    /// <summary>An integer scalar.</summary>
    public static Scalar FromInt64(long value) => value;

    /// <inheritdoc/>
    public bool Equals(Scalar other) => kind == other.kind && real.Equals(other.real) && integer == other.integer;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Scalar other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(real, integer, kind);

    /// <inheritdoc/>
    public override string ToString() => kind switch
    {
        0 => real.ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => integer != 0 ? "true" : "false",
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(Scalar left, Scalar right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Scalar left, Scalar right) => !left.Equals(right);
}

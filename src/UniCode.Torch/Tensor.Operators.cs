using UniCode.Torch.Interop;

namespace UniCode.Torch;

// C# operators. Equality operators are deliberately not overloaded (use Eq/Ne): == on tensors
// keeps its reference meaning so that tensors work as dictionary keys and in null checks.
public partial class Tensor
{
    private static Tensor NotNull(Tensor tensor, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(tensor))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        return tensor;
    }

    /// <summary>A scalar raised to a tensor of powers, elementwise.</summary>
    /// <param name="value">The base.</param>
    /// <param name="exponent">The exponents.</param>
    public static Tensor Pow(Scalar value, Tensor exponent) => Wrap(Native.ut_rpow_scalar(H(exponent), value.ToNative()));

    /// <summary>Elementwise sum.</summary>
    public static Tensor operator +(Tensor left, Tensor right) => NotNull(left).Add(right);

    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Tensor left, Scalar right) => NotNull(left).Add(right);

    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Scalar left, Tensor right) => NotNull(right).Add(left);

    /// <summary>Elementwise difference.</summary>
    public static Tensor operator -(Tensor left, Tensor right) => NotNull(left).Sub(right);

    /// <summary>Subtracts a scalar.</summary>
    public static Tensor operator -(Tensor left, Scalar right) => NotNull(left).Sub(right);

    /// <summary>A scalar minus a tensor.</summary>
    public static Tensor operator -(Scalar left, Tensor right) => Wrap(Native.ut_rsub_scalar(H(right), left.ToNative()));

    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor value) => NotNull(value).Neg();

    /// <summary>Elementwise product.</summary>
    public static Tensor operator *(Tensor left, Tensor right) => NotNull(left).Mul(right);

    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Tensor left, Scalar right) => NotNull(left).Mul(right);

    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Scalar left, Tensor right) => NotNull(right).Mul(left);

    /// <summary>Elementwise true division.</summary>
    public static Tensor operator /(Tensor left, Tensor right) => NotNull(left).Div(right);

    /// <summary>Divides by a scalar.</summary>
    public static Tensor operator /(Tensor left, Scalar right) => NotNull(left).Div(right);

    /// <summary>A scalar divided by a tensor.</summary>
    public static Tensor operator /(Scalar left, Tensor right) => Wrap(Native.ut_rdiv_scalar(H(right), left.ToNative()));

    /// <summary>Python-style remainder.</summary>
    public static Tensor operator %(Tensor left, Scalar right) => NotNull(left).Remainder(right);

    /// <summary>Elementwise less-than (a bool tensor).</summary>
    public static Tensor operator <(Tensor left, Tensor right) => NotNull(left).Lt(right);

    /// <summary>Elementwise greater-than (a bool tensor).</summary>
    public static Tensor operator >(Tensor left, Tensor right) => NotNull(left).Gt(right);

    /// <summary>Elementwise less-or-equal (a bool tensor).</summary>
    public static Tensor operator <=(Tensor left, Tensor right) => NotNull(left).Le(right);

    /// <summary>Elementwise greater-or-equal (a bool tensor).</summary>
    public static Tensor operator >=(Tensor left, Tensor right) => NotNull(left).Ge(right);

    /// <summary>Compares with a scalar (a bool tensor).</summary>
    public static Tensor operator <(Tensor left, Scalar right) => NotNull(left).Lt(right);

    /// <summary>Compares with a scalar (a bool tensor).</summary>
    public static Tensor operator >(Tensor left, Scalar right) => NotNull(left).Gt(right);

    /// <summary>Compares with a scalar (a bool tensor).</summary>
    public static Tensor operator <=(Tensor left, Scalar right) => NotNull(left).Le(right);

    /// <summary>Compares with a scalar (a bool tensor).</summary>
    public static Tensor operator >=(Tensor left, Scalar right) => NotNull(left).Ge(right);

    /// <summary>Elementwise logical and of bool tensors.</summary>
    public static Tensor operator &(Tensor left, Tensor right) => NotNull(left).LogicalAnd(right);

    /// <summary>Elementwise logical or of bool tensors.</summary>
    public static Tensor operator |(Tensor left, Tensor right) => NotNull(left).LogicalOr(right);

    /// <summary>Elementwise logical not of a bool tensor.</summary>
    public static Tensor operator !(Tensor value) => NotNull(value).LogicalNot();
}

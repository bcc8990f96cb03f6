using UniCode.Torch.Interop;

namespace UniCode.Torch;

// Elementwise math (broadcasting), activations, comparisons and selection.
public partial class Tensor
{
    /// <summary>this + alpha * other.</summary>
    /// <param name="other">The addend (broadcast).</param>
    /// <param name="alpha">Its multiplier.</param>
    public Tensor Add(Tensor other, Scalar? alpha = null) => Wrap(Native.ut_add(Handle, H(other), (alpha ?? 1).ToNative()));

    /// <summary>this + value.</summary>
    /// <param name="value">The addend.</param>
    public Tensor Add(Scalar value) => Wrap(Native.ut_add_scalar(Handle, value.ToNative()));

    /// <summary>this - alpha * other.</summary>
    /// <param name="other">The subtrahend (broadcast).</param>
    /// <param name="alpha">Its multiplier.</param>
    public Tensor Sub(Tensor other, Scalar? alpha = null) => Wrap(Native.ut_sub(Handle, H(other), (alpha ?? 1).ToNative()));

    /// <summary>this - value.</summary>
    /// <param name="value">The subtrahend.</param>
    public Tensor Sub(Scalar value) => Wrap(Native.ut_sub_scalar(Handle, value.ToNative()));

    /// <summary>this * other.</summary>
    /// <param name="other">The factor (broadcast).</param>
    public Tensor Mul(Tensor other) => Wrap(Native.ut_mul(Handle, H(other)));

    /// <summary>this * value.</summary>
    /// <param name="value">The factor.</param>
    public Tensor Mul(Scalar value) => Wrap(Native.ut_mul_scalar(Handle, value.ToNative()));

    /// <summary>this / other (true division: integers give floats).</summary>
    /// <param name="other">The divisor (broadcast).</param>
    public Tensor Div(Tensor other) => Wrap(Native.ut_div(Handle, H(other)));

    /// <summary>this / value (true division).</summary>
    /// <param name="value">The divisor.</param>
    public Tensor Div(Scalar value) => Wrap(Native.ut_div_scalar(Handle, value.ToNative()));

    /// <summary>Floor of this / other.</summary>
    /// <param name="other">The divisor (broadcast).</param>
    public Tensor FloorDivide(Tensor other) => Wrap(Native.ut_floor_divide(Handle, H(other)));

    /// <summary>Python-style remainder (the sign of the divisor).</summary>
    /// <param name="other">The divisor (broadcast).</param>
    public Tensor Remainder(Tensor other) => Wrap(Native.ut_remainder(Handle, H(other)));

    /// <summary>Python-style remainder (the sign of the divisor).</summary>
    /// <param name="value">The divisor.</param>
    public Tensor Remainder(Scalar value) => Wrap(Native.ut_remainder_scalar(Handle, value.ToNative()));

    /// <summary>this ^ exponent, elementwise.</summary>
    /// <param name="exponent">The exponents (broadcast).</param>
    public Tensor Pow(Tensor exponent) => Wrap(Native.ut_pow(Handle, H(exponent)));

    /// <summary>this ^ exponent.</summary>
    /// <param name="exponent">The exponent.</param>
    public Tensor Pow(Scalar exponent) => Wrap(Native.ut_pow_scalar(Handle, exponent.ToNative()));

    /// <summary>The elementwise maximum of two tensors.</summary>
    /// <param name="other">The other tensor (broadcast).</param>
    public Tensor Maximum(Tensor other) => Wrap(Native.ut_maximum(Handle, H(other)));

    /// <summary>The elementwise minimum of two tensors.</summary>
    /// <param name="other">The other tensor (broadcast).</param>
    public Tensor Minimum(Tensor other) => Wrap(Native.ut_minimum(Handle, H(other)));

    /// <summary>-this.</summary>
    public Tensor Neg() => Wrap(Native.ut_neg(Handle));

    /// <summary>e^x.</summary>
    public Tensor Exp() => Wrap(Native.ut_exp(Handle));

    /// <summary>Natural logarithm.</summary>
    public Tensor Log() => Wrap(Native.ut_log(Handle));

    /// <summary>log(1 + x), accurate for small x.</summary>
    public Tensor Log1p() => Wrap(Native.ut_log1p(Handle));

    /// <summary>Square root.</summary>
    public Tensor Sqrt() => Wrap(Native.ut_sqrt(Handle));

    /// <summary>1 / sqrt(x).</summary>
    public Tensor Rsqrt() => Wrap(Native.ut_rsqrt(Handle));

    /// <summary>|x|.</summary>
    public Tensor Abs() => Wrap(Native.ut_abs(Handle));

    /// <summary>-1, 0 or 1.</summary>
    public Tensor Sign() => Wrap(Native.ut_sign(Handle));

    /// <summary>x * x.</summary>
    public Tensor Square() => Wrap(Native.ut_square(Handle));

    /// <summary>1 / x.</summary>
    public Tensor Reciprocal() => Wrap(Native.ut_reciprocal(Handle));

    /// <summary>Sine.</summary>
    public Tensor Sin() => Wrap(Native.ut_sin(Handle));

    /// <summary>Cosine.</summary>
    public Tensor Cos() => Wrap(Native.ut_cos(Handle));

    /// <summary>Rounds down.</summary>
    public Tensor Floor() => Wrap(Native.ut_floor(Handle));

    /// <summary>Rounds up.</summary>
    public Tensor Ceil() => Wrap(Native.ut_ceil(Handle));

    /// <summary>Rounds half to even.</summary>
    public Tensor Round() => Wrap(Native.ut_round(Handle));

    /// <summary>The error function.</summary>
    public Tensor Erf() => Wrap(Native.ut_erf(Handle));

    /// <summary>Hyperbolic tangent.</summary>
    public Tensor Tanh() => Wrap(Native.ut_tanh(Handle));

    /// <summary>1 / (1 + e^-x).</summary>
    public Tensor Sigmoid() => Wrap(Native.ut_sigmoid(Handle));

    /// <summary>max(x, 0).</summary>
    public Tensor Relu() => Wrap(Native.ut_relu(Handle));

    /// <summary>x * Phi(x); <paramref name="tanhApproximation"/> uses the tanh formula of GPT-2.</summary>
    /// <param name="tanhApproximation">Whether to use the tanh approximation.</param>
    public Tensor Gelu(bool tanhApproximation = false) => Wrap(Native.ut_gelu(Handle, B(tanhApproximation)));

    /// <summary>x * sigmoid(x) (also called swish).</summary>
    public Tensor Silu() => Wrap(Native.ut_silu(Handle));

    /// <summary>x for x &gt; 0, slope * x otherwise.</summary>
    /// <param name="slope">The negative slope.</param>
    public Tensor LeakyRelu(double slope = 0.01) => Wrap(Native.ut_leaky_relu(Handle, ((Scalar)slope).ToNative()));

    /// <summary>Limits values to [min, max]; either bound may be omitted.</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    public Tensor Clamp(Scalar? min = null, Scalar? max = null) =>
        Wrap(Native.ut_clamp(Handle, (min ?? 0).ToNative(), B(min.HasValue), (max ?? 0).ToNative(), B(max.HasValue)));

    /// <summary>Softmax along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension that sums to one.</param>
    public Tensor Softmax(long dim) => Wrap(Native.ut_softmax(Handle, dim));

    /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed stably.</summary>
    /// <param name="dim">The dimension.</param>
    public Tensor LogSoftmax(long dim) => Wrap(Native.ut_log_softmax(Handle, dim));

    /// <summary>True where the value is NaN.</summary>
    public Tensor IsNaN() => Wrap(Native.ut_isnan(Handle));

    /// <summary>True where the value is neither infinite nor NaN.</summary>
    public Tensor IsFinite() => Wrap(Native.ut_isfinite(Handle));

    /// <summary>this == other, elementwise (a bool tensor).</summary>
    /// <param name="other">The other tensor (broadcast).</param>
    public Tensor Eq(Tensor other) => Wrap(Native.ut_eq(Handle, H(other)));

    /// <summary>this == value, elementwise.</summary>
    /// <param name="value">The value.</param>
    public Tensor Eq(Scalar value) => Wrap(Native.ut_eq_scalar(Handle, value.ToNative()));

    /// <summary>this != other, elementwise.</summary>
    /// <param name="other">The other tensor (broadcast).</param>
    public Tensor Ne(Tensor other) => Wrap(Native.ut_ne(Handle, H(other)));

    /// <summary>this != value, elementwise.</summary>
    /// <param name="value">The value.</param>
    public Tensor Ne(Scalar value) => Wrap(Native.ut_ne_scalar(Handle, value.ToNative()));

    /// <summary>this &lt; other, elementwise.</summary>
    /// <param name="other">The other tensor (broadcast).</param>
    public Tensor Lt(Tensor other) => Wrap(Native.ut_lt(Handle, H(other)));

    /// <summary>this &lt; value, elementwise.</summary>
    /// <param name="value">The value.</param>
    public Tensor Lt(Scalar value) => Wrap(Native.ut_lt_scalar(Handle, value.ToNative()));

    /// <summary>this &lt;= other, elementwise.</summary>
    /// <param name="other">The other tensor (broadcast).</param>
    public Tensor Le(Tensor other) => Wrap(Native.ut_le(Handle, H(other)));

    /// <summary>this &lt;= value, elementwise.</summary>
    /// <param name="value">The value.</param>
    public Tensor Le(Scalar value) => Wrap(Native.ut_le_scalar(Handle, value.ToNative()));

    /// <summary>this &gt; other, elementwise.</summary>
    /// <param name="other">The other tensor (broadcast).</param>
    public Tensor Gt(Tensor other) => Wrap(Native.ut_gt(Handle, H(other)));

    /// <summary>this &gt; value, elementwise.</summary>
    /// <param name="value">The value.</param>
    public Tensor Gt(Scalar value) => Wrap(Native.ut_gt_scalar(Handle, value.ToNative()));

    /// <summary>this &gt;= other, elementwise.</summary>
    /// <param name="other">The other tensor (broadcast).</param>
    public Tensor Ge(Tensor other) => Wrap(Native.ut_ge(Handle, H(other)));

    /// <summary>this &gt;= value, elementwise.</summary>
    /// <param name="value">The value.</param>
    public Tensor Ge(Scalar value) => Wrap(Native.ut_ge_scalar(Handle, value.ToNative()));

    /// <summary>Elementwise logical and.</summary>
    /// <param name="other">The other tensor (broadcast).</param>
    public Tensor LogicalAnd(Tensor other) => Wrap(Native.ut_logical_and(Handle, H(other)));

    /// <summary>Elementwise logical or.</summary>
    /// <param name="other">The other tensor (broadcast).</param>
    public Tensor LogicalOr(Tensor other) => Wrap(Native.ut_logical_or(Handle, H(other)));

    /// <summary>Elementwise logical not.</summary>
    public Tensor LogicalNot() => Wrap(Native.ut_logical_not(Handle));

    /// <summary>True when both tensors have the same shape and values.</summary>
    /// <param name="other">The other tensor.</param>
    public bool Equal(Tensor other) => NativeError.Check(Native.ut_equal(Handle, H(other))) == 1;

    /// <summary>True when |this - other| &lt;= atol + rtol * |other| everywhere.</summary>
    /// <param name="other">The other tensor.</param>
    /// <param name="rtol">Relative tolerance.</param>
    /// <param name="atol">Absolute tolerance.</param>
    public bool AllClose(Tensor other, double rtol = 1e-5, double atol = 1e-8) =>
        NativeError.Check(Native.ut_allclose(Handle, H(other), rtol, atol)) == 1;

    /// <summary>Picks from <paramref name="whereTrue"/> where <paramref name="condition"/> holds, else from <paramref name="whereFalse"/>.</summary>
    /// <param name="condition">A bool tensor.</param>
    /// <param name="whereTrue">Values where true (broadcast).</param>
    /// <param name="whereFalse">Values where false (broadcast).</param>
    public static Tensor Where(Tensor condition, Tensor whereTrue, Tensor whereFalse) =>
        Wrap(Native.ut_where(H(condition), H(whereTrue), H(whereFalse)));

    /// <summary>This tensor with <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
    /// <param name="mask">A bool tensor (broadcast).</param>
    /// <param name="value">The fill value.</param>
    public Tensor MaskedFill(Tensor mask, Scalar value) => Wrap(Native.ut_masked_fill(Handle, H(mask), value.ToNative()));

    /// <summary>The elements where <paramref name="mask"/> is true, as a 1-D tensor.</summary>
    /// <param name="mask">A bool tensor (broadcast).</param>
    public Tensor MaskedSelect(Tensor mask) => Wrap(Native.ut_masked_select(Handle, H(mask)));
}

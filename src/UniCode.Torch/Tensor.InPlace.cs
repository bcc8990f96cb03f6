using UniCode.Torch.Interop;

namespace UniCode.Torch;

// In-place arithmetic, for optimizers, EMA updates and initialisers. Each returns this tensor.
public partial class Tensor
{
    /// <summary>this += alpha * other.</summary>
    /// <param name="other">The addend (broadcast).</param>
    /// <param name="alpha">Its multiplier.</param>
    public Tensor AddInPlace(Tensor other, Scalar? alpha = null)
    {
        NativeError.Check(Native.ut_add_(Handle, H(other), (alpha ?? 1).ToNative()));
        return this;
    }

    /// <summary>this += value.</summary>
    /// <param name="value">The addend.</param>
    public Tensor AddInPlace(Scalar value)
    {
        NativeError.Check(Native.ut_add_scalar_(Handle, value.ToNative()));
        return this;
    }

    /// <summary>this -= other.</summary>
    /// <param name="other">The subtrahend (broadcast).</param>
    public Tensor SubInPlace(Tensor other)
    {
        NativeError.Check(Native.ut_sub_(Handle, H(other)));
        return this;
    }

    /// <summary>this *= other.</summary>
    /// <param name="other">The factor (broadcast).</param>
    public Tensor MulInPlace(Tensor other)
    {
        NativeError.Check(Native.ut_mul_(Handle, H(other)));
        return this;
    }

    /// <summary>this *= value.</summary>
    /// <param name="value">The factor.</param>
    public Tensor MulInPlace(Scalar value)
    {
        NativeError.Check(Native.ut_mul_scalar_(Handle, value.ToNative()));
        return this;
    }

    /// <summary>this /= other.</summary>
    /// <param name="other">The divisor (broadcast).</param>
    public Tensor DivInPlace(Tensor other)
    {
        NativeError.Check(Native.ut_div_(Handle, H(other)));
        return this;
    }

    /// <summary>this /= value.</summary>
    /// <param name="value">The divisor.</param>
    public Tensor DivInPlace(Scalar value)
    {
        NativeError.Check(Native.ut_div_scalar_(Handle, value.ToNative()));
        return this;
    }

    /// <summary>this += value * t1 * t2.</summary>
    /// <param name="t1">The first factor.</param>
    /// <param name="t2">The second factor.</param>
    /// <param name="value">The multiplier.</param>
    public Tensor AddcmulInPlace(Tensor t1, Tensor t2, Scalar? value = null)
    {
        NativeError.Check(Native.ut_addcmul_(Handle, H(t1), H(t2), (value ?? 1).ToNative()));
        return this;
    }

    /// <summary>this += value * t1 / t2.</summary>
    /// <param name="t1">The numerator.</param>
    /// <param name="t2">The denominator.</param>
    /// <param name="value">The multiplier.</param>
    public Tensor AddcdivInPlace(Tensor t1, Tensor t2, Scalar? value = null)
    {
        NativeError.Check(Native.ut_addcdiv_(Handle, H(t1), H(t2), (value ?? 1).ToNative()));
        return this;
    }

    /// <summary>this += weight * (end - this): an exponential moving average step.</summary>
    /// <param name="end">The target.</param>
    /// <param name="weight">How far to move (0..1).</param>
    public Tensor LerpInPlace(Tensor end, Scalar weight)
    {
        NativeError.Check(Native.ut_lerp_(Handle, H(end), weight.ToNative()));
        return this;
    }

    /// <summary>Limits values to [min, max] in place; either bound may be omitted.</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    public Tensor ClampInPlace(Scalar? min = null, Scalar? max = null)
    {
        NativeError.Check(Native.ut_clamp_(Handle, (min ?? 0).ToNative(), B(min.HasValue), (max ?? 0).ToNative(), B(max.HasValue)));
        return this;
    }
}

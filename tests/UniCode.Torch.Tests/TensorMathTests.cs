namespace UniCode.Torch.Tests;

public sealed class TensorMathTests
{
    [Fact]
    public void Elementwise_functions_give_their_textbook_values()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([0.25, 1.0, 4.0]);
        TensorAssert.Close([Math.Exp(0.25), Math.E, Math.Exp(4)], x.Exp(), 1e-12);
        TensorAssert.Close([Math.Log(0.25), 0, Math.Log(4)], x.Log(), 1e-12);
        TensorAssert.Close([Math.Log(1.25), Math.Log(2), Math.Log(5)], x.Log1p(), 1e-12);
        TensorAssert.Close([0.5, 1, 2], x.Sqrt(), 1e-12);
        TensorAssert.Close([2, 1, 0.5], x.Rsqrt(), 1e-12);
        TensorAssert.Close([0.0625, 1, 16], x.Square(), 1e-12);
        TensorAssert.Close([4, 1, 0.25], x.Reciprocal(), 1e-12);
        TensorAssert.Close([0.125, 1, 8], x.Pow(1.5), 1e-12);
        TensorAssert.Close([0.25, 1, 64], x.Pow(Tensor.From([1.0, 5.0, 3.0])), 1e-12);
        TensorAssert.Close([Math.Sin(0.25), Math.Sin(1), Math.Sin(4)], x.Sin(), 1e-12);
        TensorAssert.Close([Math.Cos(0.25), Math.Cos(1), Math.Cos(4)], x.Cos(), 1e-12);
    }


    [Fact]
    public void Sign_abs_and_rounding_handle_negative_values()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([-2.5f, -0.5f, 0f, 1.5f, 2.5f]);
        TensorAssert.Equal([2.5, 0.5, 0, 1.5, 2.5], x.Abs());
        TensorAssert.Equal([-1, -1, 0, 1, 1], x.Sign());
        TensorAssert.Equal([-3, -1, 0, 1, 2], x.Floor());
        TensorAssert.Equal([-2, 0, 0, 2, 3], x.Ceil());
        TensorAssert.Equal([-2, 0, 0, 2, 2], x.Round()); // half to even
        TensorAssert.Equal([-2.5, -0.5, 0, 1, 1], x.Maximum(Tensor.From([-3f, -1f, 0f, 1f, 1f])).Minimum(Tensor.From([-2f, 5f, 5f, 1f, 1f])));
    }


    [Fact]
    public void Clamp_limits_either_or_both_ends()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([-3f, -1f, 0f, 2f, 5f]);
        TensorAssert.Equal([-1, -1, 0, 2, 3], x.Clamp(-1, 3));
        TensorAssert.Equal([0, 0, 0, 2, 5], x.Clamp(min: 0));
        TensorAssert.Equal([-3, -1, 0, 1, 1], x.Clamp(max: 1));
        x.ClampInPlace(-2, 2);
        TensorAssert.Equal([-2, -1, 0, 2, 2], x);
    }


    [Fact]
    public void Activations_give_their_textbook_values()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([-2.0, 0.0, 1.0]);
        TensorAssert.Close([Math.Tanh(-2), 0, Math.Tanh(1)], x.Tanh(), 1e-12);
        TensorAssert.Close([1 / (1 + Math.Exp(2)), 0.5, 1 / (1 + Math.Exp(-1))], x.Sigmoid(), 1e-12);
        TensorAssert.Close([0, 0, 1], x.Relu(), 0);
        TensorAssert.Close([-0.02, 0, 1], x.LeakyRelu(0.01), 1e-12);
        TensorAssert.Close([-2 / (1 + Math.Exp(2)), 0, 1 / (1 + Math.Exp(-1))], x.Silu(), 1e-12);

        // GELU(x) = x * Phi(x); Phi(1) = 0.841344746..., Phi(-2) = 0.022750131...
        TensorAssert.Close([-2 * 0.0227501319481792, 0, 0.841344746068543], x.Gelu(), 1e-9);
        var tanhGelu = 0.5 * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (1 + (0.044715 * 1))));
        Assert.Equal(tanhGelu, x.Gelu(tanhApproximation: true)[2].ToDouble(), 12);
        TensorAssert.Close([-0.995322265018953, 0, 0.842700792949715], x.Erf(), 1e-12);
    }


    [Fact]
    public void Softmax_rows_sum_to_one_and_log_softmax_is_its_log()
    {
        using var scope = new DisposeScope();
        var logits = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 0, 0, 0 } });
        var denominator = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        var p = logits.Softmax(1);
        TensorAssert.Close([Math.Exp(1) / denominator, Math.Exp(2) / denominator, Math.Exp(3) / denominator, 1 / 3.0, 1 / 3.0, 1 / 3.0], p, 1e-12);
        TensorAssert.Close([1, 1], p.Sum(1), 1e-12);
        TensorAssert.Close(p.Log(), logits.LogSoftmax(1), 1e-12);

        // Stable for large logits, where exp overflows.
        var large = Tensor.From([1000.0, 1000.0]).Softmax(0);
        TensorAssert.Close([0.5, 0.5], large, 1e-12);
        TensorAssert.Close([0.5, 0.5], Tensor.From([1000.0, 1000.0]).LogSoftmax(0).Exp(), 1e-12);
    }


    [Fact]
    public void Where_picks_per_element_and_broadcasts()
    {
        using var scope = new DisposeScope();
        var condition = Tensor.From([true, false, true]);
        var result = Tensor.Where(condition, Tensor.From([1f, 2f, 3f]), Tensor.From([-1f]));
        TensorAssert.Equal([1, -1, 3], result);
    }


    [Fact]
    public void MaskedFill_writes_the_value_where_the_mask_holds()
    {
        using var scope = new DisposeScope();
        var scores = Tensor.Zeros(3, 3);
        var causal = Tensor.Ones([3, 3], DType.Bool).Triu(1);
        var masked = scores.MaskedFill(causal, double.NegativeInfinity);
        var values = masked.ToArray<float>();
        Assert.Equal([0f, float.NegativeInfinity, float.NegativeInfinity, 0f, 0f, float.NegativeInfinity, 0f, 0f, 0f], values);
        TensorAssert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0], scores); // the source is unchanged

        var rowMask = Tensor.From([false, true, false]).Unsqueeze(1);
        TensorAssert.Equal([0, 0, 0, 7, 7, 7, 0, 0, 0], scores.MaskedFill(rowMask, 7));
        TensorAssert.Equal([5, 6], Tensor.From([4f, 5f, 6f]).MaskedSelect(Tensor.From([false, true, true])));
    }


    [Fact]
    public void NaN_and_infinity_are_detected()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1f, float.NaN, float.PositiveInfinity]);
        Assert.Equal([false, true, false], x.IsNaN().ToArray<bool>());
        Assert.Equal([true, false, false], x.IsFinite().ToArray<bool>());
        Assert.True(Tensor.From([1.0]).AllClose(Tensor.From([1.0 + 1e-9])));
        Assert.False(Tensor.From([1.0]).AllClose(Tensor.From([1.01])));
    }
}

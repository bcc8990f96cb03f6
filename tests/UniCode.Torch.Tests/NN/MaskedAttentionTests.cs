using F = UniCode.Torch.NN.Functional;

namespace UniCode.Torch.Tests.NN;

// F.MaskedAttention against the ops it fuses. The dropout case reseeds the global generator, so the class runs alone.
[Collection(ProcessWideState.Name)]
public sealed class MaskedAttentionTests
{
    [Fact]
    public void MaskedAttention_computes_what_the_composed_ops_compute_value_for_value()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(7);
        var (q, k, v) = (Tensor.Randn([2, 3, 4, 5], g), Tensor.Randn([2, 3, 6, 5], g), Tensor.Randn([2, 3, 6, 5], g));
        var hidden = Tensor.Ones([6, 6], DType.Bool).Triu(1).Narrow(0, 2, 4); // the last 4 of 6 positions, causal
        var scale = 1 / Math.Sqrt(5);
        var composed = q.MatMul(k.Transpose(-2, -1)).Mul(scale).MaskedFill(hidden, double.NegativeInfinity).Softmax(-1).MatMul(v);

        Assert.True(F.MaskedAttention(q, k, v, hidden, scale).Equal(composed));
        Assert.True(F.MaskedAttention(q, k, v, hidden, scale, dropout: 0.5, training: false).Equal(composed));
        LibTorch.ManualSeed(3);
        var dropped = F.MaskedAttention(q, k, v, hidden, scale, dropout: 0.5, training: true);
        LibTorch.ManualSeed(3);
        var weights = F.Dropout(q.MatMul(k.Transpose(-2, -1)).Mul(scale).MaskedFill(hidden, double.NegativeInfinity).Softmax(-1), 0.5);
        Assert.True(dropped.Equal(weights.MatMul(v)));
    }

    [Fact]
    public void MaskedAttention_of_a_single_query_over_cached_keys_matches_the_composed_ops()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(8);
        var cache = Tensor.Randn([2, 3, 9, 5], g); // (B, heads, capacity, head_dim), as KvCache stores keys
        var (q, k, v) = (Tensor.Randn([2, 3, 1, 5], g), cache.Narrow(2, 0, 7), Tensor.Randn([2, 3, 7, 5], g));
        var hidden = Tensor.Zeros([1, 7], DType.Bool);
        var composed = q.MatMul(k.Transpose(-2, -1)).Mul(0.3).Softmax(-1).MatMul(v);

        var attended = F.MaskedAttention(q, k, v, hidden, 0.3);
        TensorAssert.Is([2, 3, 1, 5], DType.Float32, attended);
        TensorAssert.Close(composed, attended, 1e-6);
    }

    [Fact]
    public void MaskedAttention_refuses_a_mask_that_is_not_bool_or_does_not_broadcast_and_a_bad_dropout()
    {
        using var scope = new DisposeScope();
        var x = Tensor.Ones([1, 2, 3, 4]);
        Assert.Throws<ArgumentException>(() => F.MaskedAttention(x, x, x, Tensor.Zeros([3, 3]), 0.5));
        Assert.Throws<TorchException>(() => F.MaskedAttention(x, x, x, Tensor.Zeros([2, 2], DType.Bool), 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => F.MaskedAttention(x, x, x, Tensor.Zeros([3, 3], DType.Bool), 0.5, dropout: 1));
    }
}

using UniCode.Kit.Language;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Language;

public sealed class RotaryEmbeddingTests
{
    [Fact]
    public void Rotated_query_key_products_depend_only_on_the_distance_between_positions()
    {
        using var scope = new DisposeScope();
        using var rope = new RotaryEmbedding(headDim: 8, context: 64);
        using var generator = new Generator(2);
        var q = Tensor.Randn([1, 1, 1, 8], generator); // (B, heads, T, head_dim)
        var k = Tensor.Randn([1, 1, 1, 8], generator);
        double Dot(long m, long n) => (rope.Rotate(q, m) * rope.Rotate(k, n)).Sum().ToDouble();

        var atDistance3 = new[] { Dot(3, 0), Dot(10, 7), Dot(40, 37), Dot(63, 60) };
        foreach (var dot in atDistance3)
        {
            Assert.Equal(atDistance3[0], dot, 4);
        }

        Assert.Equal(Dot(0, 5), Dot(20, 25), 4); // negative distances too
        Assert.NotEqual(Math.Round(atDistance3[0], 3), Math.Round(Dot(4, 0), 3)); // and the distance matters
    }

    [Fact]
    public void Rotation_keeps_the_norm_and_leaves_position_zero_unchanged()
    {
        using var scope = new DisposeScope();
        using var rope = new RotaryEmbedding(headDim: 6, context: 16);
        using var generator = new Generator(3);
        var x = Tensor.Randn([2, 3, 5, 6], generator);
        Assert.True(rope.Rotate(x, 0).Narrow(2, 0, 1).AllClose(x.Narrow(2, 0, 1), 1e-6, 1e-6));
        Assert.True(rope.Rotate(x, 7).Norm(dims: [-1]).AllClose(x.Norm(dims: [-1]), 1e-5, 1e-5));
    }

    [Fact]
    public void Positions_past_the_context_are_rejected()
    {
        using var scope = new DisposeScope();
        using var rope = new RotaryEmbedding(headDim: 4, context: 8);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => rope.Rotate(Tensor.Zeros([1, 1, 3, 4]), 6));
        Assert.Equal("start", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RotaryEmbedding(headDim: 5, context: 8));
    }
}

namespace UniCode.Torch.Tests;

public sealed class TensorCreationTests
{
    [Fact]
    public void Zeros_ones_and_full_have_the_requested_shape_dtype_and_values()
    {
        using var scope = new DisposeScope();
        var zeros = Tensor.Zeros(2, 3);
        TensorAssert.Is([2, 3], DType.Float32, zeros);
        TensorAssert.Equal(new double[6], zeros);

        var ones = Tensor.Ones([4], DType.Int64);
        TensorAssert.Is([4], DType.Int64, ones);
        Assert.Equal([1L, 1, 1, 1], ones.ToArray<long>());

        var full = Tensor.Full([2, 2], 2.5, DType.Float64);
        TensorAssert.Is([2, 2], DType.Float64, full);
        Assert.Equal([2.5, 2.5, 2.5, 2.5], full.ToArray<double>());

        var empty = Tensor.Empty([3, 0, 2]);
        TensorAssert.Is([3, 0, 2], DType.Float32, empty);
        Assert.Equal(0, empty.NumElements);
    }


    [Fact]
    public void Requires_grad_is_set_by_the_factories_when_asked()
    {
        using var scope = new DisposeScope();
        Assert.True(Tensor.Zeros([2], requiresGrad: true).RequiresGrad);
        Assert.False(Tensor.Zeros(2).RequiresGrad);
        Assert.True(Tensor.From<double>([1.0, 2.0], null, requiresGrad: true).RequiresGrad);
    }


    [Fact]
    public void Arange_infers_int64_for_integers_and_float32_for_fractions()
    {
        using var scope = new DisposeScope();
        var ints = Tensor.Arange(5);
        TensorAssert.Is([5], DType.Int64, ints);
        Assert.Equal([0L, 1, 2, 3, 4], ints.ToArray<long>());

        var stepped = Tensor.Arange(2, 11, 3);
        Assert.Equal([2L, 5, 8], stepped.ToArray<long>());

        var floats = Tensor.Arange(0, 1, 0.25);
        TensorAssert.Is([4], DType.Float32, floats);
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f], floats.ToArray<float>());

        var explicitType = Tensor.Arange(0, 3, dtype: DType.Float64);
        TensorAssert.Is([3], DType.Float64, explicitType);
    }


    [Fact]
    public void Linspace_includes_both_ends_and_eye_is_the_identity()
    {
        using var scope = new DisposeScope();
        TensorAssert.Close([0.0, 0.25, 0.5, 0.75, 1.0], Tensor.Linspace(0, 1, 5));

        var eye = Tensor.Eye(2, 3, DType.Float64);
        TensorAssert.Is([2, 3], DType.Float64, eye);
        Assert.Equal([1.0, 0, 0, 0, 1, 0], eye.ToArray<double>());
    }


    [Fact]
    public void Random_draws_with_the_same_seeded_generator_are_identical()
    {
        using var scope = new DisposeScope();
        using var g1 = new Generator(1234);
        using var g2 = new Generator(1234);
        using var other = new Generator(4321);

        Assert.True(Tensor.Randn([3, 4], g1).Equal(Tensor.Randn([3, 4], g2)));
        Assert.True(Tensor.Rand([5], g1).Equal(Tensor.Rand([5], g2)));
        Assert.True(Tensor.RandInt(0, 10, [20], g1).Equal(Tensor.RandInt(0, 10, [20], g2)));
        Assert.True(Tensor.RandPerm(9, g1).Equal(Tensor.RandPerm(9, g2)));
        var weights = Tensor.From([1f, 2f, 3f, 4f]);
        Assert.True(weights.Multinomial(3, false, g1).Equal(weights.Multinomial(3, false, g2)));
        Assert.True(Tensor.Full([8], 0.5).Bernoulli(g1).Equal(Tensor.Full([8], 0.5).Bernoulli(g2)));

        Assert.False(Tensor.Randn([3, 4], g1).Equal(Tensor.Randn([3, 4], other)));
    }


    [Fact]
    public void Random_draws_fall_in_their_ranges()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(7);
        var uniform = Tensor.Rand([1000], g);
        Assert.True(uniform.Min().ToDouble() >= 0 && uniform.Max().ToDouble() < 1);
        Assert.InRange(uniform.Mean().ToDouble(), 0.45, 0.55);

        var normal = Tensor.Randn([10000], g, DType.Float64);
        Assert.InRange(normal.Mean().ToDouble(), -0.05, 0.05);
        Assert.InRange(normal.Std().ToDouble(), 0.95, 1.05);

        var ints = Tensor.RandInt(3, 6, [500], g);
        TensorAssert.Is([500], DType.Int64, ints);
        Assert.Equal(3L, ints.Min().ToInt64());
        Assert.Equal(5L, ints.Max().ToInt64());

        var permutation = Tensor.RandPerm(10, g);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), permutation.Sort().Values.ToArray<long>());

        // Zero weight is never drawn; without replacement every draw is distinct.
        var draws = Tensor.From([0f, 1f, 0f, 1f]).Multinomial(2, false, g).ToArray<long>();
        Assert.Equal([1L, 3], draws.Order());
        var many = Tensor.From([0f, 0f, 5f]).Multinomial(50, true, g).ToArray<long>();
        Assert.All(many, d => Assert.Equal(2L, d));
    }


    [Fact]
    public void Initialisers_fill_in_place_from_a_generator()
    {
        using var scope = new DisposeScope();
        using var g1 = new Generator(3);
        using var g2 = new Generator(3);
        var a = Tensor.Empty([100]).UniformInPlace(-2, -1, g1);
        var b = Tensor.Empty([100]).UniformInPlace(-2, -1, g2);
        Assert.True(a.Equal(b));
        Assert.True(a.Min().ToDouble() >= -2 && a.Max().ToDouble() <= -1);

        var n = Tensor.Empty([2000], DType.Float64).NormalInPlace(10, 0.5, g1);
        Assert.InRange(n.Mean().ToDouble(), 9.95, 10.05);
        Assert.InRange(n.Std().ToDouble(), 0.45, 0.55);
    }
}

namespace UniCode.Torch.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void Generator_state_restores_resume_the_stream()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(99);
        _ = Tensor.Randn([10], g);
        var state = g.GetState();
        var next = Tensor.Randn([6], g);
        var after = Tensor.Rand([3], g);

        g.SetState(state);
        Assert.True(Tensor.Randn([6], g).Equal(next));
        Assert.True(Tensor.Rand([3], g).Equal(after));

        Assert.Equal(99UL, g.Seed);
        g.Seed = 5;
        using var fresh = new Generator(5);
        Assert.True(Tensor.Randn([4], g).Equal(Tensor.Randn([4], fresh)));
    }

    [Fact]
    public void A_generator_s_stream_is_not_disturbed_by_draws_from_others()
    {
        using var scope = new DisposeScope();
        using var a = new Generator(31);
        using var b = new Generator(31);
        using var other = new Generator(32);
        var first = Tensor.Randn([5], a);
        _ = Tensor.Randn([100]); // the global generator
        _ = Tensor.Rand([100], other);
        var second = Tensor.Randn([5], a);

        Assert.True(first.Equal(Tensor.Randn([5], b)));
        Assert.True(second.Equal(Tensor.Randn([5], b)));
        Assert.False(first.Equal(second));
    }
}

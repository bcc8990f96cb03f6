using UniCode.Kit.Data;

namespace UniCode.Kit.Tests.Data;

public sealed class SeededRandomTests
{
    [Fact]
    public void Same_seed_gives_the_same_sequence_and_different_seeds_differ()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        var c = new SeededRandom(43);
        var sa = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        var sb = Enumerable.Range(0, 100).Select(_ => b.NextUInt64()).ToArray();
        var sc = Enumerable.Range(0, 100).Select(_ => c.NextUInt64()).ToArray();
        Assert.Equal(sa, sb);
        Assert.NotEqual(sa, sc);
    }

    [Fact]
    public void Streams_of_one_seed_differ()
    {
        var first = SeededRandom.ForStream(7, 0).Permutation(50);
        var second = SeededRandom.ForStream(7, 1).Permutation(50);
        Assert.NotEqual(first, second);
        Assert.Equal(first, SeededRandom.ForStream(7, 0).Permutation(50));
    }

    [Fact]
    public void NextInt_is_uniform_over_its_range()
    {
        var random = new SeededRandom(1);
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++)
        {
            counts[random.NextInt(6)]++;
        }

        // Each bucket expects 10,000 with standard deviation ~91; 5 sigma bounds.
        Assert.All(counts, c => Assert.InRange(c, 9_550, 10_450));
    }

    [Fact]
    public void Permutation_holds_every_index_once()
    {
        var permutation = new SeededRandom(3).Permutation(1000);
        Assert.Equal(Enumerable.Range(0, 1000), permutation.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), permutation);
    }

    [Fact]
    public void NextWeighted_follows_the_weights_and_never_picks_zero_weight()
    {
        var random = new SeededRandom(5);
        var counts = new int[3];
        for (var i = 0; i < 40_000; i++)
        {
            counts[random.NextWeighted([1.0, 0.0, 3.0])]++;
        }

        Assert.Equal(0, counts[1]);
        Assert.InRange(counts[2] / (double)counts[0], 2.8, 3.2);
        Assert.Throws<ArgumentException>(() => random.NextWeighted([0.0, 0.0]));
        Assert.Throws<ArgumentException>(() => random.NextWeighted([1.0, -1.0]));
    }

    [Fact]
    public void NextDouble_stays_in_its_interval()
    {
        var random = new SeededRandom(9);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.NextDouble(), 0.0, 0.9999999999999999);
            Assert.InRange(random.NextDouble(-2, 3), -2.0, 3.0);
        }
    }
}

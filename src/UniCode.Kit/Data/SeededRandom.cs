namespace UniCode.Kit.Data;

/// <summary>
/// A small deterministic random-number generator (xoshiro256** seeded through SplitMix64). The kit's data
/// code uses it instead of <see cref="Random"/> so that a seed gives the same scenes, subsets and shuffles
/// on every .NET version and platform, and so that independent streams (one per scene, one per epoch) can
/// be derived from one seed without drawing from a shared sequence.
/// </summary>
public sealed class SeededRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Creates a generator from a seed.</summary>
    /// <param name="seed">Any value; equal seeds give equal sequences.</param>
    public SeededRandom(ulong seed)
    {
        var x = seed;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>A generator for stream <paramref name="stream"/> of <paramref name="seed"/> (e.g. one per epoch or item).</summary>
    /// <param name="seed">The base seed.</param>
    /// <param name="stream">The stream number; different streams are statistically independent.</param>
    public static SeededRandom ForStream(ulong seed, ulong stream) => new(Mix(seed, stream));

    /// <summary>Combines a seed and a stream number into one well-mixed seed.</summary>
    /// <param name="seed">The base seed.</param>
    /// <param name="stream">The stream number.</param>
    public static ulong Mix(ulong seed, ulong stream)
    {
        var x = seed;
        var a = SplitMix(ref x);
        var y = a ^ (stream * 0xD1B54A32D192ED03UL);
        return SplitMix(ref y);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound.</param>
    public double NextDouble(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    /// <param name="bound">The exclusive upper bound (positive).</param>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var range = (ulong)bound;
        // Rejects the top sliver of 2^64 that would make small values more likely.
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        ulong value;
        do
        {
            value = NextUInt64();
        }
        while (value >= limit);
        return (int)(value % range);
    }

    /// <summary>A uniform integer in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    /// <param name="low">The smallest value.</param>
    /// <param name="high">The largest value (inclusive).</param>
    public int NextInt(int low, int high)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(high, low);
        return low + NextInt(high - low + 1);
    }

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    /// <param name="weights">Non-negative weights with a positive sum.</param>
    public int NextWeighted(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var total = 0.0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new ArgumentException("weights must be finite and non-negative", nameof(weights));
            }

            total += w;
        }

        if (total <= 0)
        {
            throw new ArgumentException("weights must have a positive sum", nameof(weights));
        }

        var u = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        // Rounding can leave u a hair above zero: fall back to the last index with weight.
        for (var i = weights.Count - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
    /// <param name="items">The items.</param>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A random permutation of 0 .. <paramref name="count"/>-1.</summary>
    /// <param name="count">How many indices.</param>
    public int[] Permutation(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = i;
        }

        Shuffle(result);
        return result;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

namespace UniCode.Torch;

/// <summary>
/// The checks <see cref="IOptions.Validate"/> implementations share: each throws
/// <see cref="ArgumentOutOfRangeException"/> naming the option and its value. NaN and infinities are never
/// in range, whatever their sign bit.
/// </summary>
public static class OptionCheck
{
    /// <summary>Requires a finite value.</summary>
    /// <param name="value">The option's value.</param>
    /// <param name="name">The option's name (the property).</param>
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number, not {value}");
        }
    }

    /// <summary>Requires a finite value greater than zero.</summary>
    /// <param name="value">The option's value.</param>
    /// <param name="name">The option's name.</param>
    public static void Positive(double value, string name)
    {
        Finite(value, name);
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than 0, not {value}");
        }
    }

    /// <summary>Requires a finite value of at least zero.</summary>
    /// <param name="value">The option's value.</param>
    /// <param name="name">The option's name.</param>
    public static void NonNegative(double value, string name)
    {
        Finite(value, name);
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 0, not {value}");
        }
    }

    /// <summary>Requires a finite value in [<paramref name="min"/>, <paramref name="max"/>] (or [min, max) when
    /// <paramref name="maxExclusive"/>).</summary>
    /// <param name="value">The option's value.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value (or the bound it must stay under).</param>
    /// <param name="name">The option's name.</param>
    /// <param name="maxExclusive">Whether <paramref name="max"/> itself is out of range.</param>
    public static void InRange(double value, double min, double max, string name, bool maxExclusive = false)
    {
        Finite(value, name);
        if (value < min || value > max || (maxExclusive && value == max))
        {
            var upper = maxExclusive ? ")" : "]";
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}{upper}, not {value}");
        }
    }

    /// <summary>Requires an integer of at least <paramref name="min"/>.</summary>
    /// <param name="value">The option's value.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="name">The option's name.</param>
    public static void AtLeast(long value, long min, string name)
    {
        if (value < min)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {min}, not {value}");
        }
    }

    /// <summary>Requires an integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="value">The option's value.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <param name="name">The option's name.</param>
    public static void InRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}], not {value}");
        }
    }
}

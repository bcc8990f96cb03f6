using UniCode.Torch;

namespace UniCode.Kit.Configuration;

/// <summary>
/// The checks the kit's options need beyond <see cref="OptionCheck"/> (which covers numbers): enums, texts and
/// channel counts. Each throws an <see cref="ArgumentException"/> whose parameter name is the property's.
/// </summary>
internal static class OptionRules
{
    /// <summary>Requires a named member of <typeparamref name="TEnum"/> (a cast integer is not one).</summary>
    public static void Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}, not {value}");
        }
    }

    /// <summary>Requires a text that is neither null, empty nor only white space.</summary>
    public static void NotBlank(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty", name);
        }
    }

    /// <summary>Requires null or a text that is not blank (an optional path or name).</summary>
    public static void NullOrNotBlank(string? value, string name)
    {
        if (value is not null)
        {
            NotBlank(value, name);
        }
    }

    /// <summary>Requires 1 (grey) or 3 (RGB) channels.</summary>
    public static void Channels(int value, string name)
    {
        if (value is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be 1 (grey) or 3 (RGB), not {value}");
        }
    }
}

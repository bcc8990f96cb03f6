using UniCode.Torch;

namespace UniCode.Kit.Tests.Configuration;

/// <summary>Asserts that <see cref="IOptions.Validate"/> rejects a bad value naming its property.</summary>
internal static class OptionsAssert
{
    public static void RejectsNaming(IOptions options, string property)
    {
        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);
        Assert.Equal(property, error.ParamName);
        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }
}

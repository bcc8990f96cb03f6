using System.Reflection;
using UniCode.Kit.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Configuration;

/// <summary>Every options record of the kit, found by reflection, so a new one cannot miss the convention.</summary>
public sealed class KitOptionsTests
{
    private static readonly Type[] OptionTypes =
    [
        .. typeof(Profile).Assembly.GetExportedTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.IsClass)
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    public static TheoryData<string> OptionTypeNames() => [.. OptionTypes.Select(t => t.FullName!)];

    [Fact]
    public void The_Kit_Has_Its_Options_Records() =>
        Assert.Superset(
            new HashSet<string>(["BatchOptions", "ShapesOptions", "BpeTrainerOptions", "ChatTemplateOptions", "ImageGridOptions", "ScreenshotOptions", "ExternalProcessOptions"]),
            OptionTypes.Select(t => t.Name).ToHashSet());

    [Theory]
    [MemberData(nameof(OptionTypeNames))]
    public void Each_Is_A_Sealed_Init_Only_Record_Whose_Defaults_Validate_And_Hash(string name)
    {
        var type = OptionTypes.Single(t => t.FullName == name);
        Assert.True(type.IsSealed, $"{name} is not sealed");
        Assert.True(typeof(IOptions).IsAssignableFrom(type), $"{name} does not implement IOptions");
        Assert.NotNull(type.GetMethod("<Clone>$")); // a record
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var init = property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));
            Assert.True(init, $"{name}.{property.Name} has a plain setter; options are init-only");
        }

        var defaults = (IOptions)Activator.CreateInstance(type)!;
        defaults.Validate();
        Assert.Contains($"\"$type\":\"{name}\"", ConfigHash.CanonicalJson(defaults), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_Options_Of_Different_Types_Hash_Differently() =>
        Assert.Equal(OptionTypes.Length, OptionTypes.Select(t => ConfigHash.Of(Activator.CreateInstance(t)!)).Distinct().Count());
}

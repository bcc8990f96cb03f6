using UniCode.Torch;

namespace UniCode.Kit.Tests.Configuration;

/// <summary>
/// The tests every options record owes: its defaults are valid, and <see cref="IOptions.Validate"/> rejects each
/// out-of-range value with an <see cref="ArgumentException"/> whose parameter name and message name the property.
/// A derived class lists the records in static <c>Defaults()</c> and the bad values in static <c>Invalid()</c>.
/// </summary>
public abstract class OptionsContract
{
    // xunit resolves MemberData on the class that runs the test (the derived one); the analyzer only sees this one.
#pragma warning disable xUnit1015
    [Theory]
    [MemberData("Defaults")]
    public void Defaults_Are_Valid(IOptions options) => options.Validate();

    [Theory]
    [MemberData("Invalid")]
    public void Validate_Rejects_Each_Out_Of_Range_Value_Naming_It(IOptions options, string property) =>
        OptionsAssert.RejectsNaming(options, property);
#pragma warning restore xUnit1015
}

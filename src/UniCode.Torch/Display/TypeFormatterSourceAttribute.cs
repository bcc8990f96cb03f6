namespace UniCode.Torch.Display;

/// <summary>
/// Names the class that makes a type's notebook formatters. .NET Interactive (the Polyglot Notebooks kernel)
/// finds this attribute by its type name and reads its properties by name, so the kit keeps no compile-time
/// dependency on the kernel and works with any kernel version.
/// </summary>
/// <param name="formatterSourceType">
/// A class with a public parameterless constructor and a public <c>CreateTypeFormatters()</c> returning objects
/// with a <c>MimeType</c> property and <c>bool Format(object instance, TextWriter writer)</c>.
/// </param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The class whose <c>CreateTypeFormatters()</c> the kernel calls.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType ?? throw new ArgumentNullException(nameof(formatterSourceType));

    /// <summary>
    /// The mime types the kernel shows the value in, best first: HTML for the notebook, plain text for consoles
    /// and viewers without HTML (null leaves the kernel's default).
    /// </summary>
    public string[]? PreferredMimeTypes { get; set; } = [DisplayFormatter.Html, DisplayFormatter.PlainText];
}

namespace UniCode.Torch.Display;

/// <summary>
/// One notebook formatter in .NET Interactive's convention (matched by member names, not by interface):
/// it renders the instances of <see cref="Type"/> as <see cref="MimeType"/>.
/// </summary>
/// <param name="type">The type it formats (subclasses included).</param>
/// <param name="mimeType">For example <c>text/html</c> or <c>text/plain</c>.</param>
/// <param name="render">Renders one instance of <paramref name="type"/>.</param>
public sealed class DisplayFormatter(Type type, string mimeType, Func<object, string> render)
{
    /// <summary>The HTML mime type.</summary>
    public const string Html = "text/html";

    /// <summary>The plain-text mime type.</summary>
    public const string PlainText = "text/plain";

    /// <summary>The type whose instances this formatter renders (the kernel reads it by name).</summary>
    public Type Type { get; } = type ?? throw new ArgumentNullException(nameof(type));

    /// <summary>The mime type this formatter writes.</summary>
    public string MimeType { get; } = string.IsNullOrWhiteSpace(mimeType) ? throw new ArgumentException("a mime type is required", nameof(mimeType)) : mimeType;

    /// <summary>Writes <paramref name="instance"/>; returns false (writing nothing) when it is not a <see cref="Type"/>.</summary>
    /// <param name="instance">The value being displayed.</param>
    /// <param name="writer">Where the kernel collects the output.</param>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !Type.IsInstanceOfType(instance))
        {
            return false;
        }

        writer.Write(render(instance));
        return true;
    }

    /// <summary>The html and plain-text formatters of one type, as a formatter source returns them.</summary>
    /// <param name="type">The type.</param>
    /// <param name="html">Its HTML rendering.</param>
    /// <param name="plainText">Its plain-text rendering (for consoles and the kernel's text view).</param>
    public static IEnumerable<DisplayFormatter> For(Type type, Func<object, string> html, Func<object, string> plainText)
    {
        yield return new DisplayFormatter(type, Html, html);
        yield return new DisplayFormatter(type, PlainText, plainText);
    }
}

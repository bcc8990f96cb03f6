using System.Reflection;
using UniCode.Notebooks.Model;
using UniCode.Notebooks.Scripting;

namespace UniCode.Notebooks.Rendering;

/// <summary>
/// Turns a value a cell displays (through <c>display(value)</c> or as its trailing expression) into a
/// mime bundle. The convention, checked in this order, first match wins:
/// <list type="number">
/// <item><c>null</c>: <c>text/plain</c> <c>&lt;null&gt;</c>.</item>
/// <item><see cref="string"/>: <c>text/plain</c>.</item>
/// <item><see cref="HtmlContent"/> (what <c>HTML(...)</c> returns): <c>text/html</c>.</item>
/// <item>a public instance method <c>string ToHtml()</c>: <c>text/html</c>, plus <c>text/plain</c> from <c>ToString()</c>.</item>
/// <item>a public instance method <c>byte[] ToPng()</c>: <c>image/png</c> (base64).</item>
/// <item>a public instance method <c>string ToMarkdown()</c>: <c>text/markdown</c>, plus <c>text/plain</c> from <c>ToString()</c>.</item>
/// <item>anything else: <c>text/plain</c> from <c>ToString()</c>.</item>
/// </list>
/// Types opt in by declaring the methods (no interface to reference), so a kit type renders richly
/// both here and, through the same methods, in hand-written notebook code.
/// </summary>
public static class DisplayRenderer
{
    /// <summary>Renders <paramref name="value"/> by the convention above. Exceptions thrown by the value's methods propagate.</summary>
    public static MimeBundle Render(object? value)
    {
        var bundle = new MimeBundle();
        switch (value)
        {
            case null:
                bundle.SetText("text/plain", "<null>");
                return bundle;
            case string text:
                bundle.SetText("text/plain", text);
                return bundle;
            case HtmlContent html:
                bundle.SetText("text/html", html.Html);
                return bundle;
        }

        if (Invoke<string>(value, "ToHtml") is { } markup)
        {
            bundle.SetText("text/html", markup);
            bundle.SetText("text/plain", PlainText(value));
        }
        else if (Invoke<byte[]>(value, "ToPng") is { } png)
        {
            bundle.SetText("image/png", Convert.ToBase64String(png));
        }
        else if (Invoke<string>(value, "ToMarkdown") is { } markdown)
        {
            bundle.SetText("text/markdown", markdown);
            bundle.SetText("text/plain", PlainText(value));
        }
        else
        {
            bundle.SetText("text/plain", PlainText(value));
        }

        return bundle;
    }

    private static string PlainText(object value) => value.ToString() ?? "";

    private static T? Invoke<T>(object value, string methodName)
        where T : class
    {
        var method = value.GetType().GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (method is null || method.ReturnType != typeof(T))
        {
            return null;
        }

        try
        {
            return (T?)method.Invoke(value, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // Report the value's own failure, not the reflection wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}

using System.Collections;
using System.Text.Json.Nodes;

namespace UniCode.Notebooks.Model;

/// <summary>
/// A mime-type keyed set of representations of one value (nbformat <c>data</c> of
/// <c>display_data</c>/<c>execute_result</c>). Values read from a file keep their JSON form, so a
/// notebook that is read and written back is unchanged; text set through <see cref="SetText"/> is
/// split into lines on write, as Jupyter and VS Code do.
/// </summary>
public sealed class MimeBundle : IEnumerable<KeyValuePair<string, JsonNode?>>
{
    private readonly JsonObject _data;

    /// <summary>Creates an empty bundle.</summary>
    public MimeBundle()
        : this(new JsonObject())
    {
    }

    internal MimeBundle(JsonObject data) => _data = data;

    /// <summary>Number of representations.</summary>
    public int Count => _data.Count;

    /// <summary>The mime types present, in insertion order.</summary>
    public IEnumerable<string> MimeTypes => _data.Select(pair => pair.Key);

    /// <summary>Whether the bundle has a representation for <paramref name="mimeType"/>.</summary>
    public bool Contains(string mimeType) => _data.ContainsKey(mimeType);

    /// <summary>Sets (or replaces) the text representation for <paramref name="mimeType"/>.</summary>
    /// <param name="mimeType">For example <c>text/plain</c>, <c>text/html</c> or <c>image/png</c> (base64 text).</param>
    /// <param name="text">The representation.</param>
    public void SetText(string mimeType, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        ArgumentNullException.ThrowIfNull(text);
        _data[mimeType] = JsonValue.Create(text);
    }

    /// <summary>Sets (or replaces) a JSON representation, for <c>application/json</c> style mime types.</summary>
    public void SetJson(string mimeType, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        _data[mimeType] = value?.DeepClone();
    }

    /// <summary>
    /// The representation for <paramref name="mimeType"/> as text: a string as is, a list of lines
    /// joined, any other JSON value as JSON text; <c>null</c> when absent.
    /// </summary>
    public string? GetText(string mimeType)
    {
        if (!_data.TryGetPropertyValue(mimeType, out var node))
        {
            return null;
        }

        return MultilineText.TryJoin(node, out var text) ? text : node?.ToJsonString() ?? "null";
    }

    /// <summary>The stored JSON form of <paramref name="mimeType"/>, or <c>null</c> when absent.</summary>
    public JsonNode? GetJson(string mimeType) =>
        _data.TryGetPropertyValue(mimeType, out var node) ? node?.DeepClone() : null;

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator() => _data.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

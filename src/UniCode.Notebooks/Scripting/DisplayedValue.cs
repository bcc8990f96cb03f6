using UniCode.Notebooks.Model;
using UniCode.Notebooks.Rendering;

namespace UniCode.Notebooks.Scripting;

/// <summary>
/// A handle on an output made by <c>display(...)</c>; <see cref="Update"/> replaces what that output
/// shows, e.g. for a progress line that changes during a long cell. Named like .NET Interactive's
/// handle so notebook code reads the same in both.
/// </summary>
public sealed class DisplayedValue
{
    private readonly DisplayDataOutput _output;

    internal DisplayedValue(DisplayDataOutput output) => _output = output;

    /// <summary>Replaces the displayed value with <paramref name="value"/>, rendered by <see cref="DisplayRenderer"/>.</summary>
    public void Update(object? value) => _output.Data = DisplayRenderer.Render(value);
}

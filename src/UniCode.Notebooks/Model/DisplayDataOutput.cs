using System.Text.Json.Nodes;

namespace UniCode.Notebooks.Model;

/// <summary>A value the cell displayed (nbformat <c>display_data</c>), e.g. through <c>display(...)</c>.</summary>
public sealed class DisplayDataOutput : CellOutput
{
    private MimeBundle _data;

    /// <summary>Creates a display output.</summary>
    /// <param name="data">The representations of the displayed value.</param>
    /// <param name="metadata">Output metadata; empty when <c>null</c>.</param>
    public DisplayDataOutput(MimeBundle data, JsonObject? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        Metadata = metadata ?? [];
    }

    /// <inheritdoc/>
    public override string OutputType => "display_data";

    /// <summary>
    /// The representations. Replaced as a whole (never mutated in place) when a display is updated,
    /// so a reader never sees a half-updated bundle.
    /// </summary>
    public MimeBundle Data
    {
        get => Volatile.Read(ref _data);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Volatile.Write(ref _data, value);
        }
    }

    /// <summary>Output metadata (free form).</summary>
    public JsonObject Metadata { get; }
}

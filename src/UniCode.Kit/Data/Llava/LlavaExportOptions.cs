using UniCode.Kit.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Data.Llava;

/// <summary>Options of <see cref="LlavaExporter.Export"/>.</summary>
public sealed record LlavaExportOptions : IOptions
{
    /// <summary>Export the first this-many examples (null: all; at most the dataset's size).</summary>
    public int? Count { get; init; }

    /// <summary>What the conversations hold.</summary>
    public LlavaExportStyle Style { get; init; } = LlavaExportStyle.Auto;

    /// <summary>The human turn that asks for the caption.</summary>
    public string CaptionPrompt { get; init; } = "Describe the image briefly.";

    /// <summary>The base name of the JSON file and the images (default: the dataset's name made file-safe).</summary>
    public string? Name { get; init; }

    /// <inheritdoc/>
    public void Validate()
    {
        if (Count is { } count)
        {
            OptionCheck.AtLeast(count, 0, nameof(Count));
        }

        OptionRules.Defined(Style, nameof(Style));
        OptionRules.NotBlank(CaptionPrompt, nameof(CaptionPrompt));
        OptionRules.NullOrNotBlank(Name, nameof(Name));
    }
}

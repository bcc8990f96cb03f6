using UniCode.Torch;

namespace UniCode.Kit.Data.Llava;

/// <summary>Options of <see cref="LlavaConverter.Convert"/>.</summary>
public sealed record LlavaConvertOptions : IOptions
{
    /// <summary>Read at most this many records (null: all; else at least 0), e.g. to make a small subset of mix665K.</summary>
    public int? Limit { get; init; }

    /// <summary>Leave out image records whose image file is not under the image folder (else fail on the first).</summary>
    public bool DropMissingImages { get; init; } = true;

    /// <summary>Keep text-only records (mix665K has ShareGPT dialogues without images).</summary>
    public bool KeepTextOnly { get; init; } = true;

    /// <inheritdoc/>
    public void Validate()
    {
        if (Limit is { } limit)
        {
            OptionCheck.AtLeast(limit, 0, nameof(Limit));
        }
    }
}

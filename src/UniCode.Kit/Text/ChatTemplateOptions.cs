using UniCode.Torch;

namespace UniCode.Kit.Text;

/// <summary>How <see cref="ChatTemplate"/> lays out a dialogue.</summary>
public sealed record ChatTemplateOptions : IOptions
{
    /// <summary>
    /// The number of image slots each &lt;image&gt; marker becomes: the visual tokenizer's token count
    /// (80 for the kit's default HQ-VAE: a 4x4 top and an 8x8 bottom code map). At least 1.
    /// </summary>
    public int ImageTokenCount { get; init; } = 80;

    /// <summary>
    /// The number of slots of an image in a human turn (an input image), when it differs from
    /// <see cref="ImageTokenCount"/>: an input given as soft embeddings has one slot per cell of the coarsest code map
    /// (the 16 cells of Ẑ for the kit's HQ-VAE: the in-context decompression task, paper §3.3, and the Projector
    /// paradigm), while an image the model writes has one slot per code. Null: the same as ImageTokenCount.
    /// </summary>
    public int? InputImageTokenCount { get; init; }

    /// <summary>The slots of an input image (in a human turn) or of an answer image.</summary>
    /// <param name="inAnswer">True for an image in an assistant answer.</param>
    public int SlotsFor(bool inAnswer) => inAnswer ? ImageTokenCount : InputImageTokenCount ?? ImageTokenCount;

    /// <summary>
    /// Whether special-token names inside turn texts (e.g. a user typing "&lt;|assistant|&gt;") become special
    /// tokens. Off by default: the template inserts every control token itself, by id, so turn texts need no
    /// special tokens and a user cannot fake a turn boundary. The LLaVA &lt;image&gt; marker is always expanded.
    /// </summary>
    public bool AllowSpecialTokensInText { get; init; }

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(ImageTokenCount, 1, nameof(ImageTokenCount));
        if (InputImageTokenCount is { } input)
        {
            OptionCheck.AtLeast(input, 1, nameof(InputImageTokenCount));
        }
    }
}

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
    /// Whether special-token names inside turn texts (e.g. a user typing "&lt;|assistant|&gt;") become special
    /// tokens. Off by default: the template inserts every control token itself, by id, so turn texts need no
    /// special tokens and a user cannot fake a turn boundary. The LLaVA &lt;image&gt; marker is always expanded.
    /// </summary>
    public bool AllowSpecialTokensInText { get; init; }

    /// <inheritdoc/>
    public void Validate() => OptionCheck.AtLeast(ImageTokenCount, 1, nameof(ImageTokenCount));
}

namespace UniCode.Kit.Text;

/// <summary>
/// The control tokens every kit tokenizer reserves, and the LLaVA image marker that maps to the image slot.
/// They take the ids right after the 256 byte tokens, in the order of <see cref="Reserved"/>, so their ids
/// do not depend on the vocabulary size or on the corpus.
/// </summary>
public static class SpecialTokens
{
    /// <summary>Begins every sequence.</summary>
    public const string Bos = "<|bos|>";

    /// <summary>Ends a sequence, and closes each assistant answer in a dialogue.</summary>
    public const string Eos = "<|eos|>";

    /// <summary>Fills batches up to a common length; never supervised.</summary>
    public const string Pad = "<|pad|>";

    /// <summary>Opens the span of image slots.</summary>
    public const string ImageBegin = "<|image_begin|>";

    /// <summary>Closes the span of image slots.</summary>
    public const string ImageEnd = "<|image_end|>";

    /// <summary>One image slot: a placeholder the multimodal model replaces with a visual code or embedding.</summary>
    public const string Image = "<|image|>";

    /// <summary>Starts a user (LLaVA "human") turn.</summary>
    public const string User = "<|user|>";

    /// <summary>Starts an assistant (LLaVA "gpt") turn.</summary>
    public const string Assistant = "<|assistant|>";

    /// <summary>The marker LLaVA's dialogue JSON puts where the image goes; the chat template expands it into image slots.</summary>
    public const string LlavaImageMarker = "<image>";

    /// <summary>The reserved special tokens in id order: the first has id 256, the next 257, and so on.</summary>
    public static IReadOnlyList<string> Reserved { get; } =
        [Bos, Eos, Pad, ImageBegin, ImageEnd, Image, User, Assistant];
}

namespace UniCode.Kit.Text;

/// <summary>
/// Where an image's slots sit in a token sequence: <c>&lt;|image_begin|&gt;</c> at <see cref="BeginIndex"/>, then
/// <see cref="Count"/> <c>&lt;|image|&gt;</c> slots from <see cref="Start"/>, then <c>&lt;|image_end|&gt;</c> at
/// <see cref="EndIndex"/>. The multimodal model fills the slots with visual code ids or soft embeddings.
/// </summary>
/// <param name="Start">The index of the first slot.</param>
/// <param name="Count">The number of slots (the visual tokenizer's token count).</param>
/// <param name="InAnswer">
/// True when the image is part of an assistant answer (an image the model generates): its slots, begin and end
/// tokens are supervised. False for an input image (in a human turn): nothing in the span is supervised.
/// </param>
public readonly record struct ImageSpan(int Start, int Count, bool InAnswer)
{
    /// <summary>The index of the <c>&lt;|image_begin|&gt;</c> token.</summary>
    public int BeginIndex => Start - 1;

    /// <summary>The index of the <c>&lt;|image_end|&gt;</c> token.</summary>
    public int EndIndex => Start + Count;
}

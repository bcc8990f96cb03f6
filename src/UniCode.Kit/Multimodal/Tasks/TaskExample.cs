using UniCode.Kit.Data;
using UniCode.Kit.Text;

namespace UniCode.Kit.Multimodal.Tasks;

/// <summary>
/// One training or evaluation example of an MLLM task: the dialogue (its &lt;image&gt; markers in order), what each
/// marker stands for, and the image they all refer to.
/// </summary>
/// <param name="Kind">The task.</param>
/// <param name="Dialogue">The dialogue; every answer is supervised.</param>
/// <param name="Parts">One entry per &lt;image&gt; marker, in order of appearance.</param>
/// <param name="Image">The example's image (an input, or the answer the model should write).</param>
/// <param name="Label">The image's class (-1 where the dataset has none).</param>
/// <param name="Prompt">What conditions a generated image (the caption or class name), or the question asked.</param>
public sealed record TaskExample(TaskKind Kind, Dialogue Dialogue, IReadOnlyList<ImagePart> Parts, RawImage Image, long Label, string Prompt)
{
    /// <summary>Whether the model writes the image (a generation or decompression task).</summary>
    public bool GeneratesImage => Kind is TaskKind.TextToImage or TaskKind.ClassToImage or TaskKind.Unconditional
        or TaskKind.Decompression or TaskKind.SegmentedDecompression;

    /// <summary>The reference answer of an understanding task (the last assistant turn).</summary>
    public string Answer => Dialogue.Turns[^1].Value;
}

namespace UniCode.Kit.Multimodal.Tasks;

/// <summary>
/// The instructions of the kit's tasks, one fixed wording each so that an evaluation prompt is exactly a training
/// prompt. &lt;image&gt; is the LLaVA marker the chat template expands into an image span.
/// </summary>
public static class TaskPrompts
{
    /// <summary>The LLaVA image marker.</summary>
    public const string Image = Text.SpecialTokens.LlavaImageMarker;

    /// <summary>A question about an image (Fashion-MNIST's class question; Shapes brings its own questions).</summary>
    public const string WhatIsThis = "What is this?";

    /// <summary>Captioning.</summary>
    public const string Describe = "Describe the image.";

    /// <summary>In-context decompression (paper §3.3).</summary>
    public const string Decompress = "Decompress the image.";

    /// <summary>Unconditional generation.</summary>
    public const string DrawAnything = "Draw an image.";

    /// <summary>The human turn of a question about an image.</summary>
    /// <param name="question">The question.</param>
    public static string AboutImage(string question) => $"{Image}\n{question}";

    /// <summary>Text to image.</summary>
    /// <param name="caption">What to draw.</param>
    public static string DrawCaption(string caption) => $"Draw: {caption}";

    /// <summary>Class to image.</summary>
    /// <param name="className">The class.</param>
    public static string DrawClass(string className) => $"Draw a {className}.";
}

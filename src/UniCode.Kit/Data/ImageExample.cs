namespace UniCode.Kit.Data;

/// <summary>One item of an image dataset: the image, its class, a caption and questions about it.</summary>
/// <param name="Image">The image, already at the dataset's size and channel count.</param>
/// <param name="Label">The class index, or -1 when the dataset has no classes.</param>
/// <param name="Caption">A description of the image (a class name, an emoji caption, a scene caption); may be empty.</param>
/// <param name="QuestionAnswers">Questions with their answers, in order (empty when the dataset has none).</param>
public sealed record ImageExample(RawImage Image, long Label, string Caption, IReadOnlyList<QuestionAnswer> QuestionAnswers);

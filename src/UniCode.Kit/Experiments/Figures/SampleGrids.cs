using UniCode.Kit.Data;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Reporting.Images;
using UniCode.Torch;

namespace UniCode.Kit.Experiments.Figures;

/// <summary>
/// The pictures of what an MLLM did, laid out the same way in the tables' figures and in the notebooks: held-out scenes
/// with a question, the model's answer and the reference; drawn images under their prompts. Tiles are about 128 pixels
/// at every image size, so 16x16 Smoke scenes and 48x48 ones read alike.
/// </summary>
public static class SampleGrids
{
    /// <summary>How many samples a figure shows by default (two rows of four).</summary>
    public const int Shown = 8;

    /// <summary>Answered questions, each image captioned "question -> answer (reference)": the first question of each of
    /// the first <paramref name="count"/> scenes (a scene has several questions in a row), then further questions when
    /// there are fewer scenes.</summary>
    /// <param name="samples">Answered questions (e.g. <see cref="VqaEvaluation.Samples"/>).</param>
    /// <param name="count">How many to show.</param>
    public static ImageGrid Answers(IEnumerable<VqaSample> samples, int count = Shown)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var all = samples.ToList();
        var shown = new List<VqaSample>();
        foreach (var sample in all)
        {
            if (shown.Count < count && !shown.Any(s => SameImage(s.Image, sample.Image)))
            {
                shown.Add(sample);
            }
        }

        shown.AddRange(all.Except(shown).Take(count - shown.Count));
        if (shown.Count == 0)
        {
            throw new ArgumentException("there are no answered questions to show", nameof(samples));
        }

        return ImageGrid.Create([.. shown.Select(s => s.Image.ToTensor())],
            [.. shown.Select(s => $"{s.Question.Question} -> {s.Prediction} ({s.Question.Answer})")],
            new ImageGridOptions { Columns = Math.Min(4, shown.Count), Scale = ScaleFor(shown[0].Image.Height), MaxCaptionLines = 5 });
    }

    /// <summary>The first <paramref name="count"/> drawn images, each under its prompt.</summary>
    /// <param name="images">Drawn images, float [N, C, H, W] in [0, 1].</param>
    /// <param name="prompts">One prompt per image (a caption, "asked: dress", "unconditional").</param>
    /// <param name="count">How many to show.</param>
    public static ImageGrid Drawn(Tensor images, IReadOnlyList<string> prompts, int count = Shown)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(prompts);
        if (images.Dim != 4 || images.Shape[0] != prompts.Count)
        {
            throw new ArgumentException($"drawn images must be [N, C, H, W] with one prompt each; got {images} and {prompts.Count} prompts", nameof(images));
        }

        var shown = (int)Math.Min(count, images.Shape[0]);
        using var first = images.Narrow(0, 0, shown);
        return ImageGrid.Create(first, [.. prompts.Take(shown)],
            new ImageGridOptions { Columns = Math.Min(4, shown), Scale = ScaleFor((int)images.Shape[2]), MaxCaptionLines = 4 });
    }

    private static bool SameImage(RawImage a, RawImage b) =>
        ReferenceEquals(a, b) || (a.Height == b.Height && a.Width == b.Width && a.Channels == b.Channels && a.Pixels.SequenceEqual(b.Pixels));

    // 128-pixel tiles: a caption of a few words fits in four lines under them.
    private static int ScaleFor(int size) => Math.Max(1, 128 / size);
}

using UniCode.Kit.Evaluation.Generation;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Alignment;

/// <summary>
/// The CLIP-score analogue of text-conditioned samples, with <see cref="TinyClip"/> in CLIP's place: for each generated
/// image and its prompt, 100 · max(cos(image, prompt), 0), averaged. The factor 100 and the clip at 0 follow
/// torchmetrics' CLIPScore (Hessel et al. 2021 write w · max(cos, 0) with w = 2.5); a negative cosine means "unrelated"
/// and counts as 0 rather than pulling the mean below the unrelated level. The unclipped mean cosine is reported beside it.
/// </summary>
public static class ClipScore
{
    /// <summary>The score of <paramref name="images"/> against their <paramref name="prompts"/>.</summary>
    /// <param name="clip">A trained TinyClip of the prompts' dataset.</param>
    /// <param name="images">[N, C, S, S] generated images in [0, 1] with the model's channels and size.</param>
    /// <param name="prompts">The prompt each image was generated from.</param>
    /// <param name="batchSize">Pairs per forward pass.</param>
    public static ClipScoreResult Compute(TinyClip clip, Tensor images, IReadOnlyList<string> prompts, int batchSize = 256)
    {
        var cosines = Cosines(clip, images, prompts, batchSize);
        var scores = cosines.Select(c => 100 * Math.Max(c, 0)).ToArray();
        var mean = scores.Average();
        var std = Math.Sqrt(scores.Average(s => (s - mean) * (s - mean)));
        return new ClipScoreResult(mean, std, cosines.Average(), cosines.Length);
    }

    /// <summary>cos(image i, prompt i) for every pair, in [−1, 1].</summary>
    /// <param name="clip">A trained TinyClip.</param>
    /// <param name="images">[N, C, S, S] images in [0, 1].</param>
    /// <param name="prompts">One prompt per image.</param>
    /// <param name="batchSize">Pairs per forward pass.</param>
    public static double[] Cosines(TinyClip clip, Tensor images, IReadOnlyList<string> prompts, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ImageSetCheck.Require(images, clip.Options.ImageChannels, clip.Options.ImageSize, nameof(images), 1, $"the TinyClip of {clip.Options.Dataset}");
        ImageSetCheck.SameCount(images, prompts, nameof(images), nameof(prompts));

        using var noGrad = Autograd.NoGrad();
        var cosines = new List<double>(prompts.Count);
        for (var start = 0; start < prompts.Count; start += batchSize)
        {
            using var scope = new DisposeScope();
            var count = Math.Min(batchSize, prompts.Count - start);
            var imageEmbeddings = clip.EncodeImages(images.Narrow(0, start, count));
            var textEmbeddings = clip.EncodeTexts(clip.Tokenize([.. prompts.Skip(start).Take(count)]));
            cosines.AddRange((imageEmbeddings * textEmbeddings).Sum(1).Double().ToArray<double>()); // (count,)
        }

        return [.. cosines];
    }
}

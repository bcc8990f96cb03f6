using UniCode.Kit.Data.Shapes;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Generation.Shapes;

/// <summary>
/// Whether text-conditioned Shapes samples show what their prompts ask for, judged per attribute:
/// <list type="bullet">
/// <item>colour: for every colour a prompt names, whether the image holds at least one object of it;</item>
/// <item>shape: likewise for every shape word;</item>
/// <item>count: whether the image holds exactly as many objects as the prompt names;</item>
/// <item>overall: the share of images right on all three (every named colour and shape present, the count exact).</item>
/// </list>
/// Colour and shape are averaged over the prompts' (image, colour) and (image, shape) pairs, count and overall over images.
/// Colours and shapes are judged apart, so "a red circle and a blue square" is satisfied by a blue circle and a red square:
/// binding is what <see cref="Alignment.ClipScore"/> and the per-colour counts of <see cref="ShapesAttributeCounts"/> see.
/// </summary>
public static class ShapesAttributeAccuracy
{
    /// <summary>The accuracy of <paramref name="images"/> against <paramref name="prompts"/>, read by <paramref name="net"/>.</summary>
    /// <param name="net">A trained attribute net.</param>
    /// <param name="images">[N, 3, S, S] generated images in [0, 1] with the net's size.</param>
    /// <param name="prompts">The caption each image was generated from (in <see cref="ShapeScene.Caption"/>'s form).</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public static ShapesAttributeResult Compute(ShapesAttributeNet net, Tensor images, IReadOnlyList<string> prompts, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(net);
        ImageSetCheck.Require(images, net, nameof(images));
        ImageSetCheck.SameCount(images, prompts, nameof(images), nameof(prompts));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var asked = prompts.Select((p, i) => ShapesAttributeCounts.FromCaption(p ?? throw new ArgumentException($"prompt {i} is null", nameof(prompts)))).ToArray();
        var seen = new List<ShapesAttributeCounts>(asked.Length);
        for (long start = 0; start < asked.Length; start += batchSize)
        {
            using var scope = new DisposeScope();
            seen.AddRange(net.Predict(images.Narrow(0, start, Math.Min(batchSize, asked.Length - start))));
        }

        return Score(seen, asked);
    }

    /// <summary>The accuracy of what was seen in each image against what its prompt asked.</summary>
    /// <param name="seen">The counts in each image (predicted by a net, or a scene's own for a sanity check).</param>
    /// <param name="asked">The counts each prompt asks for.</param>
    public static ShapesAttributeResult Score(IReadOnlyList<ShapesAttributeCounts> seen, IReadOnlyList<ShapesAttributeCounts> asked)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(asked);
        if (asked.Count == 0)
        {
            throw new ArgumentException("attribute accuracy needs at least one prompt", nameof(asked));
        }

        if (seen.Count != asked.Count)
        {
            throw new ArgumentException($"{seen.Count} images but {asked.Count} prompts", nameof(seen));
        }

        int colourHits = 0, colourAsked = 0, shapeHits = 0, shapeAsked = 0, countHits = 0, allHits = 0;
        for (var i = 0; i < asked.Count; i++)
        {
            var (colours, colourTotal) = Present(seen[i].Colours, asked[i].Colours);
            var (shapes, shapeTotal) = Present(seen[i].Shapes, asked[i].Shapes);
            var count = seen[i].Objects == asked[i].Objects;
            (colourHits, colourAsked, shapeHits, shapeAsked) = (colourHits + colours, colourAsked + colourTotal, shapeHits + shapes, shapeAsked + shapeTotal);
            countHits += count ? 1 : 0;
            allHits += colours == colourTotal && shapes == shapeTotal && count ? 1 : 0;
        }

        return new ShapesAttributeResult(
            (double)colourHits / colourAsked, (double)shapeHits / shapeAsked, (double)countHits / asked.Count, (double)allHits / asked.Count, asked.Count);
    }

    // How many of the asked (non-zero) entries are present in the seen counts, and how many were asked.
    private static (int Hits, int Asked) Present(IReadOnlyList<int> seen, IReadOnlyList<int> asked)
    {
        var (hits, total) = (0, 0);
        for (var k = 0; k < asked.Count; k++)
        {
            if (asked[k] > 0)
            {
                total++;
                hits += seen[k] > 0 ? 1 : 0;
            }
        }

        return (hits, total);
    }
}

using UniCode.Kit.Evaluation.Features;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Generation;

/// <summary>
/// Class accuracy of class-conditioned samples: the share of generated images that the feature net classifies as the
/// class they were asked for (its argmax against the requested label).
/// </summary>
public static class ClassAccuracy
{
    /// <summary>The accuracy of <paramref name="images"/> generated for <paramref name="classes"/>.</summary>
    /// <param name="net">A feature net trained on the dataset's labels.</param>
    /// <param name="images">[N, C, S, S] generated images in [0, 1].</param>
    /// <param name="classes">The class asked for each image (0 .. the net's Classes − 1).</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public static ClassAccuracyResult Compute(FeatureCnn net, Tensor images, IReadOnlyList<long> classes, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(net);
        ImageSetCheck.Require(images, net, nameof(images));
        ImageSetCheck.SameCount(images, classes, nameof(images), nameof(classes));
        using var probabilities = ClassProbabilities.Of(net, images, batchSize);
        return FromScores(probabilities, classes);
    }

    /// <summary>The accuracy of per-class scores (logits or probabilities) against the asked classes.</summary>
    /// <param name="scores">[N, Classes]; the argmax of each row is the prediction.</param>
    /// <param name="classes">The class asked for each row.</param>
    public static ClassAccuracyResult FromScores(Tensor scores, IReadOnlyList<long> classes)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(classes);
        var shape = scores.Shape;
        if (shape.Length != 2 || shape[0] == 0)
        {
            throw new ArgumentException($"scores must be a non-empty [N, Classes] tensor, not [{string.Join(", ", shape)}]", nameof(scores));
        }

        if (classes.Count != shape[0])
        {
            throw new ArgumentException($"scores has {shape[0]} rows but classes has {classes.Count} entries", nameof(classes));
        }

        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i] < 0 || classes[i] >= shape[1])
            {
                throw new ArgumentOutOfRangeException(nameof(classes), classes[i], $"class {i} is outside the {shape[1]} classes");
            }
        }

        using var argmax = scores.ArgMax(1);
        var predicted = argmax.ToArray<long>();
        var perClass = classes
            .Select((asked, i) => (Asked: asked, Right: predicted[i] == asked))
            .GroupBy(p => p.Asked)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Average(p => p.Right ? 1.0 : 0.0));
        var correct = classes.Where((asked, i) => predicted[i] == asked).Count();
        return new ClassAccuracyResult(correct, classes.Count, perClass);
    }
}

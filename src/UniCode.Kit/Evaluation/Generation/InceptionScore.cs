using UniCode.Kit.Evaluation.Features;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Generation;

/// <summary>
/// The Inception Score analogue (Salimans et al. 2016) with the kit's feature net as the classifier:
/// IS = exp(E_x KL(p(y|x) ‖ p(y))), where p(y) is the mean of p(y|x) over the images scored. It is 1 when every image
/// gets the same prediction and C (the number of classes) when predictions are confident and spread evenly over the
/// classes: high for sharp, diverse samples.
/// </summary>
public static class InceptionScore
{
    /// <summary>The score of <paramref name="images"/> under <paramref name="net"/>'s class probabilities.</summary>
    /// <param name="net">A trained feature net.</param>
    /// <param name="images">[N, C, S, S] images in [0, 1] with the net's channels and size, N ≥ Splits.</param>
    /// <param name="options">Splits and batch size (default: 10 splits).</param>
    public static InceptionScoreResult Compute(FeatureCnn net, Tensor images, InceptionScoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        options ??= new InceptionScoreOptions();
        options.Validate();
        ImageSetCheck.Require(images, net, nameof(images), minCount: options.Splits);
        using var probabilities = ClassProbabilities.Of(net, images, options.BatchSize);
        return FromProbabilities(probabilities, options.Splits);
    }

    /// <summary>The score of given class probabilities.</summary>
    /// <param name="probabilities">[N, C] p(y|x): non-negative rows summing to 1.</param>
    /// <param name="splits">Consecutive equal parts scored alone (part k holds rows ⌊kN/splits⌋ to ⌊(k+1)N/splits⌋ − 1).</param>
    public static InceptionScoreResult FromProbabilities(Tensor probabilities, int splits = 1)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(splits, 1);
        var shape = probabilities.Shape;
        if (shape.Length != 2 || shape[1] < 1)
        {
            throw new ArgumentException($"probabilities must be [N, C], not [{string.Join(", ", shape)}]", nameof(probabilities));
        }

        var (n, c) = ((int)shape[0], (int)shape[1]);
        if (n < splits)
        {
            throw new ArgumentException($"probabilities has {n} rows; {splits} splits need at least {splits}", nameof(probabilities));
        }

        using var flat = probabilities.Double().Contiguous();
        var p = flat.ToArray<double>();
        for (var i = 0; i < n; i++)
        {
            var row = p.AsSpan(i * c, c);
            var sum = 0.0;
            foreach (var v in row)
            {
                if (!(v >= 0) || double.IsInfinity(v))
                {
                    throw new ArgumentException($"probabilities row {i} holds {v}; probabilities are finite and non-negative", nameof(probabilities));
                }

                sum += v;
            }

            if (Math.Abs(sum - 1) > 1e-4)
            {
                throw new ArgumentException($"probabilities row {i} sums to {sum}, not 1 (pass softmax(logits), not logits)", nameof(probabilities));
            }
        }

        var scores = new double[splits];
        for (var k = 0; k < splits; k++)
        {
            var (start, end) = ((int)((long)k * n / splits), (int)((long)(k + 1) * n / splits));
            scores[k] = Score(p, c, start, end);
        }

        var mean = scores.Average();
        // The population standard deviation over the splits, as the original code (numpy.std) reports it.
        var std = Math.Sqrt(scores.Average(s => (s - mean) * (s - mean)));
        return new InceptionScoreResult(mean, std, splits, n);
    }

    // exp of the mean KL(p(y|x) ‖ p(y)) over rows start .. end − 1, with 0·log 0 = 0.
    private static double Score(double[] p, int c, int start, int end)
    {
        var marginal = new double[c];
        for (var i = start; i < end; i++)
        {
            for (var y = 0; y < c; y++)
            {
                marginal[y] += p[(i * c) + y] / (end - start);
            }
        }

        var kl = 0.0;
        for (var i = start; i < end; i++)
        {
            for (var y = 0; y < c; y++)
            {
                var value = p[(i * c) + y];
                if (value > 0)
                {
                    kl += value * (Math.Log(value) - Math.Log(marginal[y]));
                }
            }
        }

        return Math.Exp(kl / (end - start));
    }
}

using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Evaluation.Features;
using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Evaluation.Generation.Shapes;

/// <summary>
/// The judge of Shapes attribute accuracy: the judge nets' <see cref="ConvTrunk"/>, global max and mean pooling, a
/// hidden layer and one classification head per question "how many objects of colour c / of shape
/// s / in all?", each over the counts 0 .. MaxCount. Max pooling keeps a single small object visible after pooling.
/// (The kit's Shapes feature net cannot judge this: Shapes has no class labels for it to learn.)
/// </summary>
public sealed class ShapesAttributeNet : Module<Tensor, Tensor>, IFeatureNet
{
    private readonly ConvTrunk trunk;
    private readonly Linear hidden;
    private readonly Linear heads;

    /// <summary>Creates an untrained net.</summary>
    /// <param name="options">Its shape (validated).</param>
    /// <param name="generator">Seeds the weights.</param>
    public ShapesAttributeNet(ShapesAttributeNetOptions options, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var w = options.Width;
        trunk = new ConvTrunk(3, w, generator);
        hidden = new Linear(8 * w, 4 * w, generator: generator);
        heads = new Linear(4 * w, ShapesAttributeNetOptions.Heads * (options.MaxCount + 1), generator: generator);
        RegisterComponents();
    }

    /// <summary>The net's shape and training.</summary>
    public ShapesAttributeNetOptions Options { get; }

    /// <inheritdoc/>
    string IFeatureNet.Dataset => Options.Dataset;

    /// <inheritdoc/>
    int IFeatureNet.ImageChannels => 3;

    /// <inheritdoc/>
    int IFeatureNet.ImageSize => Options.ImageSize;

    /// <inheritdoc/>
    int IFeatureNet.FeatureDim => 4 * Options.Width;

    /// <summary>The hidden layer's activations, what FID compares on Shapes: [B, 4w].</summary>
    /// <param name="images">[B, 3, S, S] in [0, 1].</param>
    public Tensor Features(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var h = trunk.Forward(images); // (B, 4w, S/4, S/4)
        var pooled = Tensor.Cat([h.Amax([2, 3]), h.Mean([2, 3])], 1); // (B, 8w)
        return hidden.Forward(pooled).Relu();
    }

    /// <summary>Count logits: [B, heads, MaxCount + 1], heads ordered colours (by <see cref="ShapeColour"/>), shapes (by
    /// <see cref="ShapeKind"/>), then all objects.</summary>
    /// <param name="input">[B, 3, S, S] in [0, 1].</param>
    public override Tensor Forward(Tensor input)
    {
        var logits = heads.Forward(Features(input)); // (B, heads · (MaxCount + 1))
        return logits.Reshape([input.Shape[0], ShapesAttributeNetOptions.Heads, Options.MaxCount + 1]);
    }

    /// <summary>The training targets of some counts: [B, heads] int64 (see <see cref="Forward"/> for the order).</summary>
    /// <param name="counts">One entry per image; every count at most MaxCount.</param>
    public Tensor Targets(IReadOnlyList<ShapesAttributeCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var targets = new long[counts.Count, ShapesAttributeNetOptions.Heads];
        for (var i = 0; i < counts.Count; i++)
        {
            int[] row = [.. counts[i].Colours, .. counts[i].Shapes, counts[i].Objects];
            for (var k = 0; k < row.Length; k++)
            {
                if (row[k] > Options.MaxCount)
                {
                    throw new ArgumentException($"entry {i} counts {row[k]} objects ({counts[i]}); the net counts up to {Options.MaxCount}", nameof(counts));
                }

                targets[i, k] = row[k];
            }
        }

        return Tensor.FromArray(targets);
    }

    /// <summary>The counts the net reads from each image (the argmax of every head).</summary>
    /// <param name="images">[B, 3, S, S] in [0, 1].</param>
    public IReadOnlyList<ShapesAttributeCounts> Predict(Tensor images)
    {
        using var noGrad = Autograd.NoGrad();
        using var scope = new DisposeScope();
        var argmax = Forward(images).ArgMax(2).ToArray<long>(); // (B · heads)
        var (colours, shapes) = (ShapeAttributes.Colours.Count, ShapeAttributes.Shapes.Count);
        var result = new ShapesAttributeCounts[images.Shape[0]];
        for (var i = 0; i < result.Length; i++)
        {
            var row = argmax.AsSpan(i * ShapesAttributeNetOptions.Heads, ShapesAttributeNetOptions.Heads);
            result[i] = new ShapesAttributeCounts([.. row[..colours].ToArray().Select(v => (int)v)], [.. row.Slice(colours, shapes).ToArray().Select(v => (int)v)], (int)row[^1]);
        }

        return result;
    }
}

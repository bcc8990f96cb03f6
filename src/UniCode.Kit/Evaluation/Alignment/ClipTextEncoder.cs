using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Evaluation.Alignment;

/// <summary>
/// TinyClip's text tower over BPE ids: token plus position embeddings; a hidden layer that reads each token together
/// with the one before it (a width-2 convolution over time, so "red circle" is told from "circle ... red"); the mean of
/// the hidden states over the caption's real tokens; a linear projection head into the joint space.
/// </summary>
public sealed class ClipTextEncoder : Module<Tensor, Tensor>
{
    private readonly Embedding tokens;
    private readonly Embedding positions;
    private readonly Linear bigram;
    private readonly Linear projection;
    private readonly long padId;

    /// <summary>Creates the tower.</summary>
    /// <param name="options">Vocabulary, caption length, widths (validated by the caller).</param>
    /// <param name="padId">The id that fills captions shorter than MaxTokens (left out of the mean).</param>
    /// <param name="generator">Seeds the weights.</param>
    public ClipTextEncoder(TinyClipOptions options, long padId, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.padId = padId;
        tokens = new Embedding(options.VocabularySize, options.TextWidth, generator: generator);
        positions = new Embedding(options.MaxTokens, options.TextWidth, generator: generator);
        bigram = new Linear(2 * options.TextWidth, options.TextWidth, generator: generator);
        projection = new Linear(options.TextWidth, options.EmbeddingDim, generator: generator);
        RegisterComponents();
    }

    /// <summary>Caption embeddings: [B, EmbeddingDim].</summary>
    /// <param name="input">[B, T] token ids (int64), T ≤ MaxTokens, padded with the pad id.</param>
    public override Tensor Forward(Tensor input)
    {
        var (b, t) = (input.Shape[0], input.Shape[1]);
        var x = tokens.Forward(input) + positions.Forward(Tensor.Arange(t)).Unsqueeze(0); // (B, T, e)
        var previous = Tensor.Cat([Tensor.Zeros([b, 1, x.Shape[2]]), x.Narrow(1, 0, t - 1)], 1); // (B, T, e): x shifted one step right
        var h = bigram.Forward(Tensor.Cat([x, previous], 2)).Gelu(); // (B, T, e)
        var mask = input.Ne(padId).Float().Unsqueeze(2); // (B, T, 1)
        var pooled = (h * mask).Sum(1) / mask.Sum(1).Clamp(min: 1); // (B, e)
        return projection.Forward(pooled);
    }
}

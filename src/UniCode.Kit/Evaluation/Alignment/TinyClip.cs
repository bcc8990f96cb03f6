using UniCode.Kit.Text;
using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Evaluation.Alignment;

/// <summary>
/// The kit's CLIP analogue (Radford et al. 2021): an image tower and a text tower map an image and a caption into one
/// space, both L2-normalised; the logit of a pair is s · cos(image, caption) with a learned scale s = 1/τ (capped at
/// 100, as CLIP). Trained with the symmetric InfoNCE loss (<see cref="ContrastiveLoss"/>) on a dataset's captions, it
/// scores how well a generated image matches its prompt (<see cref="ClipScore"/>). The model owns the BPE tokenizer
/// trained on those captions.
/// </summary>
public sealed class TinyClip : Module<Tensor, Tensor, Tensor>
{
    private static readonly double MaxLogScale = Math.Log(100);

    private readonly ClipImageEncoder image;
    private readonly ClipTextEncoder text;
    private readonly Parameter logScale;

    /// <summary>Creates an untrained model.</summary>
    /// <param name="options">Its shape (validated).</param>
    /// <param name="tokenizer">The BPE tokenizer of its captions (its vocabulary at most VocabularySize).</param>
    /// <param name="generator">Seeds the weights.</param>
    public TinyClip(TinyClipOptions options, BpeTokenizer tokenizer, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokenizer);
        options.Validate();
        if (tokenizer.VocabularySize > options.VocabularySize)
        {
            throw new ArgumentException($"the tokenizer has {tokenizer.VocabularySize} tokens; the model's embedding holds {options.VocabularySize}", nameof(tokenizer));
        }

        Options = options;
        Tokenizer = tokenizer;
        image = new ClipImageEncoder(options, generator);
        text = new ClipTextEncoder(options, tokenizer.PadId, generator);
        logScale = new Parameter(Tensor.FromScalar(Math.Log(1 / options.InitialTemperature)));
        RegisterComponents();
    }

    /// <summary>The model's shape and training.</summary>
    public TinyClipOptions Options { get; }

    /// <summary>The tokenizer of its captions.</summary>
    public BpeTokenizer Tokenizer { get; }

    /// <summary>The current logit scale s = 1/τ.</summary>
    public double Scale
    {
        get
        {
            using var scale = logScale.Detach().Clamp(max: MaxLogScale).Exp();
            return scale.Item<float>();
        }
    }

    /// <summary>Captions as padded token ids: [B, MaxTokens] int64 (cut at MaxTokens, padded with the pad id).</summary>
    /// <param name="captions">The captions.</param>
    public Tensor Tokenize(IReadOnlyList<string> captions)
    {
        ArgumentNullException.ThrowIfNull(captions);
        var ids = new long[captions.Count, Options.MaxTokens];
        for (var i = 0; i < captions.Count; i++)
        {
            var encoded = Tokenizer.Encode(captions[i] ?? throw new ArgumentException($"caption {i} is null", nameof(captions)));
            for (var j = 0; j < Options.MaxTokens; j++)
            {
                ids[i, j] = j < encoded.Length ? encoded[j] : Tokenizer.PadId;
            }
        }

        return Tensor.FromArray(ids);
    }

    /// <summary>Unit-length image embeddings: [B, EmbeddingDim].</summary>
    /// <param name="images">[B, C, S, S] in [0, 1].</param>
    public Tensor EncodeImages(Tensor images) => Normalize(image.Forward(images));

    /// <summary>Unit-length caption embeddings: [B, EmbeddingDim].</summary>
    /// <param name="tokens">[B, T] ids from <see cref="Tokenize"/>.</param>
    public Tensor EncodeTexts(Tensor tokens) => Normalize(text.Forward(tokens));

    /// <summary>The pair logits s · cos: [B_images, B_texts]; entry (i, j) scores image i with caption j.</summary>
    /// <param name="input1">[B, C, S, S] images in [0, 1].</param>
    /// <param name="input2">[B', T] caption ids.</param>
    public override Tensor Forward(Tensor input1, Tensor input2) =>
        EncodeImages(input1).Mm(EncodeTexts(input2).T) * logScale.Clamp(max: MaxLogScale).Exp();

    private static Tensor Normalize(Tensor x) => x / x.Norm(dims: [1], keepDim: true).Clamp(min: 1e-8);
}

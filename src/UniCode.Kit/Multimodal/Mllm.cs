using UniCode.Kit.Data;
using UniCode.Kit.Language;
using UniCode.Kit.Multimodal.Sequences;
using UniCode.Kit.Text;
using UniCode.Kit.Vision;
using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Multimodal;

/// <summary>
/// The multimodal LM (paper §3.3 and Fig. 1): a language model that reads and writes images through a visual
/// tokenizer. Its fields are its trained layers, the language model and (where images enter as features of another
/// space) a linear projector; the tokenizer is frozen and not part of its state (Stage II freezes it, and its
/// artifact is cached on its own).
/// <list type="bullet">
/// <item><see cref="MllmParadigm.Unified"/>: code k is token k, the codebook is s·C_L, and a soft input Ẑ enters as Ẑ / s,
/// in the LM's own embedding space (no projector).</item>
/// <item><see cref="MllmParadigm.SeparateVocab"/>: the vocabulary grows by K rows; Ẑ enters through the projector.</item>
/// <item><see cref="MllmParadigm.Projector"/>: input images are the encoder's continuous features through the projector.</item>
/// </list>
/// </summary>
public sealed class Mllm : Module<MultimodalBatch, Tensor?, Tensor>
{
    private readonly Transformer language;
    private readonly Linear? projector;

    [NotAComponent] // frozen and cached as its own artifact: referred to, not owned
    private readonly VisualTokenizer tokenizer;

    /// <summary>Joins a language model and a visual tokenizer. Under SeparateVocab the model's vocabulary grows by K
    /// rows here, so pass a model of the text vocabulary V (its state may be loaded afterwards).</summary>
    /// <param name="language">The LM (this module owns it from now on).</param>
    /// <param name="tokenizer">The frozen visual tokenizer (the caller keeps and disposes it).</param>
    /// <param name="text">The LM's text tokenizer.</param>
    /// <param name="paradigm">How images enter the LM.</param>
    /// <param name="codebookScale">s: the tokenizer's codebook is s·C_L (Unified; see <see cref="Vision.Codebooks.LanguageCodebook.Scale"/>).</param>
    /// <param name="seed">Seeds the new rows and the projector.</param>
    public Mllm(Transformer language, VisualTokenizer tokenizer, BpeTokenizer text, MllmParadigm paradigm, double codebookScale = 1, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(text);
        OptionCheck.Positive(codebookScale, nameof(codebookScale));
        if (language.VocabSize != text.VocabularySize)
        {
            throw new ArgumentException($"the language model has {language.VocabSize} ids but its text tokenizer {text.VocabularySize}", nameof(language));
        }

        var codebook = tokenizer.Codebook;
        Vocabulary = new ImageVocabulary(paradigm, text.VocabularySize, (int)codebook.Shape[0]);
        if (paradigm == MllmParadigm.Unified && codebook.Shape[1] != language.Options.Dim)
        {
            throw new ArgumentException(
                $"a unified codebook is the LM's embedding table: its codes are {codebook.Shape[1]}-dimensional but the LM's embeddings {language.Options.Dim}", nameof(tokenizer));
        }

        this.language = language;
        if (paradigm == MllmParadigm.SeparateVocab)
        {
            language.GrowVocabulary(Vocabulary.CodebookSize);
        }

        if (paradigm != MllmParadigm.Unified)
        {
            using var generator = new Generator(seed);
            projector = new Linear(codebook.Shape[1], language.Options.Dim, generator: generator);
        }

        this.tokenizer = tokenizer;
        Text = text;
        CodebookScale = codebookScale;
        RegisterComponents();
    }

    /// <summary>The language model.</summary>
    public Transformer Language => language;

    /// <summary>The frozen visual tokenizer.</summary>
    public VisualTokenizer Tokenizer => tokenizer;

    /// <summary>The LM's text tokenizer.</summary>
    public BpeTokenizer Text { get; }

    /// <summary>Where the codes are in the vocabulary (and so the paradigm).</summary>
    public ImageVocabulary Vocabulary { get; }

    /// <summary>The MLLM paradigm.</summary>
    public MllmParadigm Paradigm => Vocabulary.Paradigm;

    /// <summary>s of the unified codebook s·C_L.</summary>
    public double CodebookScale { get; }

    /// <summary>A layout of task examples for this model's vocabulary and context.</summary>
    public SequenceLayout NewLayout() => new(Text, Vocabulary, language.Options.Context);

    /// <summary>
    /// Encodes images with the frozen tokenizer: each image's flattened code map, and the soft source of its coarse
    /// cells, [B, ĥŵ, n]: Ẑ (Aggregate), or the encoder's continuous features under the Projector paradigm.
    /// </summary>
    /// <param name="images">Images of the tokenizer's channel count, all of one size.</param>
    public EncodedImages Encode(IReadOnlyList<RawImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            throw new ArgumentException("no images to encode", nameof(images));
        }

        using var scope = new DisposeScope();
        var pixels = Tensor.Stack([.. images.Select(i => i.ToChw())]); // (B, C, H, W)
        using var codes = Tokenizer.Encode(pixels);
        var flat = codes.Flatten().ToArray<long>(); // (B, tokens), row-major
        var tokens = (int)codes.TokensPerImage;
        var cells = (int)(codes.Height * codes.Width);
        var encoded = Enumerable.Range(0, images.Count).Select(b => new EncodedImage(flat[(b * tokens)..((b + 1) * tokens)], cells)).ToArray();
        var soft = Paradigm == MllmParadigm.Projector ? Tokenizer.ContinuousFeatures(pixels) : Tokenizer.Aggregate(codes); // (B, ĥŵ, n)
        return new EncodedImages(encoded, soft.MoveToOuterScope());
    }

    /// <summary>The decoded images of flattened code maps.</summary>
    /// <param name="codes">[B, tokens per image] code ids (not token ids), in the documented order.</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    /// <returns>[B, C, H, W] in [0, 1].</returns>
    public Tensor Decode(Tensor codes, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var reduction = Tokenizer.CoarsestReduction;
        using var map = CodeMap.Unflatten(codes, height / reduction, width / reduction, Tokenizer.LayerLayout);
        return Tokenizer.Decode(map);
    }

    /// <summary>The soft embeddings of a soft source in the LM's space: Ẑ / s under Unified, else projected.</summary>
    /// <param name="source">[B, ĥŵ, n] from <see cref="Encode"/>.</param>
    /// <returns>[B, ĥŵ, d].</returns>
    public Tensor SoftEmbeddings(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return projector is null ? source / CodebookScale : projector.Forward(source);
    }

    /// <summary>The next-token logits of a batch whose soft slots take rows of its soft sources.</summary>
    /// <param name="input1">The laid-out batch.</param>
    /// <param name="input2">[B, ĥŵ, n] soft sources of the batch's images, or null when no slot is soft.</param>
    /// <returns>(B, T, V).</returns>
    public override Tensor Forward(MultimodalBatch input1, Tensor? input2)
    {
        ArgumentNullException.ThrowIfNull(input1);
        var embeddings = language.Embed(input1.Ids); // (B, T, d)
        if (input1.HasSoftInputs)
        {
            var source = input2 ?? throw new ArgumentNullException(nameof(input2), "the batch has soft slots but no soft source was given");
            long b = input1.Ids.Size(0), t = input1.Ids.Size(1), d = language.Options.Dim;
            var rows = SoftEmbeddings(source).Reshape(-1, d).IndexSelect(0, input1.SoftCells); // (N, d)
            var index = input1.SoftPositions.Unsqueeze(-1).Expand(input1.SoftPositions.Size(0), d); // (N, d)
            embeddings = embeddings.Reshape(b * t, d).Scatter(0, index, rows).Reshape(b, t, d); // (B, T, d)
        }

        return language.ForwardEmbeddings(embeddings);
    }

    /// <summary>Eq. 6: the next-token cross-entropy on the supervised positions (the answers) of a batch.</summary>
    /// <param name="batch">The laid-out batch.</param>
    /// <param name="softSource">Its soft sources, or null.</param>
    public Tensor Loss(MultimodalBatch batch, Tensor? softSource)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Transformer.Loss(Forward(batch, softSource), batch.Labels);
    }
}

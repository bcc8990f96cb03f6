using UniCode.Kit.Data;
using UniCode.Kit.Language;
using UniCode.Kit.Multimodal.Sequences;
using UniCode.Kit.Multimodal.Tasks;
using UniCode.Kit.Text;
using UniCode.Torch;

namespace UniCode.Kit.Multimodal;

/// <summary>
/// What a trained MLLM is used for: answering a question about an image, and drawing an image from a caption, a class
/// name or nothing. Every prompt is exactly a training prompt (<see cref="TaskPrompts"/>), and each call is batched:
/// prompts of one length decode together.
/// </summary>
public sealed class MllmInference
{
    private readonly SequenceLayout layout;

    /// <summary>Binds a model and how it samples.</summary>
    /// <param name="model">The MLLM.</param>
    /// <param name="answers">How answers are decoded (default: greedy, at most 24 tokens).</param>
    /// <param name="images">How image codes are sampled (default: temperature 1, top-k 100, seed 0).</param>
    public MllmInference(Mllm model, SamplingOptions? answers = null, SamplingOptions? images = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        layout = model.NewLayout();
        AnswerSampling = (answers ?? new SamplingOptions { Temperature = 0, MaxNewTokens = 24 }) with { EosId = model.Text.EosId };
        ImageSampling = images ?? new SamplingOptions { Temperature = 1, TopK = 100 };
        AnswerSampling.Validate();
        ImageSampling.Validate();
    }

    /// <summary>The model.</summary>
    public Mllm Model { get; }

    /// <summary>How answers are decoded (its EOS is the text tokenizer's).</summary>
    public SamplingOptions AnswerSampling { get; }

    /// <summary>How image codes are sampled (<see cref="SamplingOptions.MaxNewTokens"/> is set per image).</summary>
    public SamplingOptions ImageSampling { get; }

    /// <summary>The answer to a question about an image.</summary>
    /// <param name="image">The image.</param>
    /// <param name="question">The question.</param>
    public string Ask(RawImage image, string question) => Ask([image], [question])[0];

    /// <summary>The answers to questions about images, one question per image.</summary>
    /// <param name="images">The images (the tokenizer's channels and one size).</param>
    /// <param name="questions">One question per image.</param>
    public IReadOnlyList<string> Ask(IReadOnlyList<RawImage> images, IReadOnlyList<string> questions)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(questions);
        if (images.Count != questions.Count)
        {
            throw new ArgumentException($"{images.Count} images but {questions.Count} questions", nameof(questions));
        }

        if (images.Count == 0)
        {
            return [];
        }

        using var encoded = Model.Encode(images);
        var prompts = images.Select((image, i) => layout.Prompt(Question(image, questions[i], i), encoded.Images[i])).ToArray();
        var answers = new string[images.Count];
        foreach (var group in Enumerable.Range(0, prompts.Length).GroupBy(i => prompts[i].Length))
        {
            var rows = group.ToArray();
            using var scope = new DisposeScope();
            var sampling = AnswerSampling with { MaxNewTokens = Math.Min(AnswerSampling.MaxNewTokens, Model.Language.Options.Context - group.Key + 1) };
            var soft = SoftTokensOf(prompts, rows, encoded.SoftSource);
            var generated = new Sampler(Model.Language, sampling).Generate(Ids(prompts, rows), soft: soft).ToArray<long>();
            var width = generated.Length / rows.Length;
            for (var r = 0; r < rows.Length; r++)
            {
                answers[rows[r]] = TextOf(generated.AsSpan(r * width, width));
            }
        }

        return answers;
    }

    /// <summary>An image drawn from a caption ("Draw: caption").</summary>
    /// <param name="caption">What to draw.</param>
    /// <param name="size">The image's side (the tokenizer's training size by default).</param>
    /// <returns>[1, C, H, W] in [0, 1].</returns>
    public Tensor Generate(string caption, int size = 32) => Generate([caption], size);

    /// <summary>Images drawn from captions.</summary>
    /// <param name="captions">What to draw, one image each.</param>
    /// <param name="size">The image side.</param>
    /// <returns>[B, C, H, W] in [0, 1].</returns>
    public Tensor Generate(IReadOnlyList<string> captions, int size = 32)
    {
        ArgumentNullException.ThrowIfNull(captions);
        return Draw([.. captions.Select(TaskPrompts.DrawCaption)], size);
    }

    /// <summary>An image of a class ("Draw a class.").</summary>
    /// <param name="className">The class name, as the tasks spell it (lower case).</param>
    /// <param name="size">The image side.</param>
    /// <returns>[1, C, H, W] in [0, 1].</returns>
    public Tensor GenerateClass(string className, int size = 32) => GenerateClass([className], size);

    /// <summary>Images of classes.</summary>
    /// <param name="classNames">Class names, one image each.</param>
    /// <param name="size">The image side.</param>
    /// <returns>[B, C, H, W] in [0, 1].</returns>
    public Tensor GenerateClass(IReadOnlyList<string> classNames, int size = 32)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        return Draw([.. classNames.Select(n => TaskPrompts.DrawClass(n.ToLowerInvariant()))], size);
    }

    /// <summary>Unconditional images ("Draw an image.").</summary>
    /// <param name="count">How many.</param>
    /// <param name="size">The image side.</param>
    /// <returns>[B, C, H, W] in [0, 1].</returns>
    public Tensor GenerateUnconditional(int count, int size = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Draw([.. Enumerable.Repeat(TaskPrompts.DrawAnything, count)], size);
    }

    /// <summary>Images answering generation instructions: each prompt then &lt;|image_begin|&gt;, and exactly the
    /// tokens of one image sampled among the code ids (the constrained decoder), decoded by the tokenizer.</summary>
    /// <param name="instructions">Human turns, one image each.</param>
    /// <param name="size">The image side.</param>
    /// <returns>[B, C, H, W] in [0, 1].</returns>
    public Tensor Draw(IReadOnlyList<string> instructions, int size = 32)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        if (instructions.Count == 0)
        {
            throw new ArgumentException("no instructions", nameof(instructions));
        }

        if (!Model.Vocabulary.HasCodeTokens)
        {
            throw new NotSupportedException("the Projector paradigm is for understanding only: it cannot draw an image");
        }

        if (size % Model.Tokenizer.CoarsestReduction != 0)
        {
            throw new ArgumentException($"the image side {size} must be a multiple of the tokenizer's reduction {Model.Tokenizer.CoarsestReduction}", nameof(size));
        }

        var tokens = Model.Tokenizer.TokensPerImage(size, size);
        var text = Model.Text;
        var prompts = instructions.Select((instruction, i) => layout.Prompt(Drawing(instruction, i), null)).ToArray();
        var codes = new long[instructions.Count * tokens];
        var constraint = new ImageSpanConstraint(text.ImageBeginId, text.ImageEndId, tokens, CodeIds(text));
        using var scope = new DisposeScope();
        using var generator = new Generator(ImageSampling.Seed);
        foreach (var group in Enumerable.Range(0, prompts.Length).GroupBy(i => prompts[i].Length))
        {
            var rows = group.ToArray();
            var prompt = Tensor.Cat([Ids(prompts, rows), Tensor.Full([rows.Length, 1], text.ImageBeginId, DType.Int64)], 1); // (B, T + 1)
            var sampling = ImageSampling with { MaxNewTokens = tokens, EosId = null };
            var generated = new Sampler(Model.Language, sampling).Generate(prompt, constraint: constraint, generator: generator).ToArray<long>();
            for (var r = 0; r < rows.Length; r++)
            {
                for (var j = 0; j < tokens; j++)
                {
                    codes[(rows[r] * tokens) + j] = Model.Vocabulary.CodeOf(generated[(r * tokens) + j]);
                }
            }
        }

        return Model.Decode(Tensor.From(codes, instructions.Count, tokens), size, size).MoveToOuterScope();
    }

    // Under Unified every token id is a code, but inside a span the two delimiters cannot be: the decoder would read
    // them as the span's end (8 of the 1024 ids are special tokens; only these two are excluded).
    private IEnumerable<int> CodeIds(BpeTokenizer text) =>
        Enumerable.Range(Model.Vocabulary.FirstCodeId, Model.Vocabulary.CodebookSize).Where(id => id != text.ImageBeginId && id != text.ImageEndId);

    private static TaskExample Question(RawImage image, string question, int index)
    {
        var id = $"ask#{index}";
        var dialogue = new Dialogue(id, id, [DialogueTurn.FromHuman(TaskPrompts.AboutImage(question)), DialogueTurn.FromGpt(string.Empty)]);
        return new TaskExample(TaskKind.Vqa, dialogue, [ImagePart.InputCodes], image, -1, question);
    }

    private static TaskExample Drawing(string instruction, int index)
    {
        var id = $"draw#{index}";
        var dialogue = new Dialogue(id, id, [DialogueTurn.FromHuman(instruction), DialogueTurn.FromGpt(TaskPrompts.Image)]);
        return new TaskExample(TaskKind.TextToImage, dialogue, [ImagePart.AnswerCodes], RawImage.Filled(1, 1, 0), -1, instruction);
    }

    private static Tensor Ids(MultimodalSequence[] prompts, int[] rows)
    {
        var length = prompts[rows[0]].Length;
        var ids = new long[rows.Length * length];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var t = 0; t < length; t++)
            {
                ids[(r * length) + t] = prompts[rows[r]].InputIds[t];
            }
        }

        return Tensor.From(ids, rows.Length, length);
    }

    // The Projector's input images are soft slots: their projected features, placed at the slots' positions.
    private SoftTokens? SoftTokensOf(MultimodalSequence[] prompts, int[] rows, Tensor source)
    {
        var slots = prompts[rows[0]].SoftSlots.Length;
        if (slots == 0)
        {
            return null;
        }

        var positions = new long[rows.Length * slots];
        var cells = new long[rows.Length * slots];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var j = 0; j < slots; j++)
            {
                var slot = prompts[rows[r]].SoftSlots[j];
                positions[(r * slots) + j] = slot.Position;
                cells[(r * slots) + j] = (rows[r] * source.Size(1)) + slot.Cell;
            }
        }

        using var noGrad = Autograd.NoGrad();
        var d = Model.Language.Options.Dim;
        var embeddings = Model.SoftEmbeddings(source).Reshape(-1, d).IndexSelect(0, Tensor.From(cells, cells.Length)).Reshape(rows.Length, slots, d); // (B, N, d)
        return new SoftTokens(embeddings, Tensor.From(positions, rows.Length, slots));
    }

    private string TextOf(ReadOnlySpan<long> generated)
    {
        var ids = new List<int>();
        foreach (var id in generated)
        {
            if (id == Model.Text.EosId)
            {
                break;
            }

            ids.Add((int)id);
        }

        return Model.Text.Decode(ids.ToArray()).Trim();
    }
}

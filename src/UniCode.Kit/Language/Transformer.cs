using UniCode.Kit.Text;
using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Language;

/// <summary>
/// The decoder-only language model, in the manner of nanoGPT's <c>GPT</c>: token embedding E [V, d] (plus learned
/// positions in the GPT-2 style), <see cref="TransformerOptions.Layers"/> pre-norm blocks, a final norm and the output
/// head (Eᵀ when tied). Its input is a sequence of token ids, of soft embeddings (the visual Z^ of the paper) or of both,
/// and its output the next-token logits at every position.
/// </summary>
/// <remarks>
/// Under the Unified paradigm the rows of <see cref="TokenEmbedding"/> are the codebook C_L that the visual tokenizer
/// shares; under SeparateVocab <see cref="GrowVocabulary"/> appends the K visual codes as new rows.
/// </remarks>
public sealed class Transformer : Module<Tensor, Tensor>
{
    private readonly Parameter tokenEmbedding;
    private readonly Parameter? positionEmbedding;
    private readonly RotaryEmbedding? rotary;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly Module<Tensor, Tensor> finalNorm;
    private readonly Parameter? head;

    [NotAComponent] // seeds the rows GrowVocabulary adds, after the initial weights
    private readonly Generator generator;

    /// <summary>Builds the model with freshly initialised weights (seeded by <see cref="TransformerOptions.Seed"/>).
    /// With <see cref="TransformerOptions.Lora"/> set only the LoRA matrices train.</summary>
    /// <param name="options">The model's shape (validated).</param>
    public Transformer(TransformerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        generator = new Generator(options.Seed);
        using (var scope = new DisposeScope())
        {
            tokenEmbedding = new Parameter(Init.Normal(Tensor.Empty([options.VocabSize, options.Dim]), 0, options.InitStd, generator));
            if (options.Style == TransformerStyle.Gpt2)
            {
                positionEmbedding = new Parameter(Init.Normal(Tensor.Empty([options.Context, options.Dim]), 0, options.InitStd, generator));
            }

            if (!options.TiedHead)
            {
                head = new Parameter(Init.Normal(Tensor.Empty([options.VocabSize, options.Dim]), 0, options.InitStd, generator));
            }
        }

        rotary = options.Style == TransformerStyle.Llama ? new RotaryEmbedding(options.HeadDim, options.Context, options.RopeBase) : null;
        blocks = new ModuleList<TransformerBlock>(Enumerable.Range(0, options.Layers).Select(i => new TransformerBlock(options, i, rotary, generator)));
        finalNorm = TransformerBlock.Norm(options);
        RegisterComponents();
        if (options.Lora is not null)
        {
            foreach (var (name, parameter) in NamedParameters())
            {
                parameter.RequiresGradInPlace(IsLora(name));
            }
        }
    }

    /// <summary>The model's shape; <see cref="TransformerOptions.VocabSize"/> follows <see cref="GrowVocabulary"/>.</summary>
    public TransformerOptions Options { get; private set; }

    /// <summary>V, the number of token ids.</summary>
    public int VocabSize => Options.VocabSize;

    /// <summary>E, the token embedding table [V, d] (row i embeds id i). It is the module's own parameter: read or
    /// update it in place, do not dispose it.</summary>
    public Parameter TokenEmbedding => tokenEmbedding;

    /// <summary>The output head [V, d]: <see cref="TokenEmbedding"/> itself when tied.</summary>
    public Parameter Head => head ?? tokenEmbedding;

    /// <summary>E[ids], the embeddings of token ids (no positions: those are added inside <see cref="ForwardEmbeddings"/>).</summary>
    /// <param name="ids">(B, T) int64 ids in [0, V).</param>
    /// <returns>(B, T, d).</returns>
    public Tensor Embed(Tensor ids)
    {
        CheckIds(ids, nameof(ids));
        return F.Embedding(ids, tokenEmbedding); // (B, T, d)
    }

    /// <summary>
    /// One sequence of token ids and soft embeddings: E[ids] with row <c>positions[b, n]</c> of sequence b replaced by
    /// <c>soft[b, n]</c> (e.g. an image's Z^ in its span of <c>&lt;|image|&gt;</c> slots). The gradient reaches
    /// <paramref name="soft"/>.
    /// </summary>
    /// <param name="ids">(B, T) int64 ids; those at the soft positions are placeholders.</param>
    /// <param name="soft">(B, N, d) soft embeddings.</param>
    /// <param name="positions">(B, N) int64 positions in [0, T) they take, distinct within a row.</param>
    /// <returns>(B, T, d).</returns>
    public Tensor Embed(Tensor ids, Tensor soft, Tensor positions)
    {
        ArgumentNullException.ThrowIfNull(soft);
        ArgumentNullException.ThrowIfNull(positions);
        var tokens = Embed(ids);
        long b = ids.Size(0), t = ids.Size(1);
        if (soft.Dim != 3 || soft.Size(0) != b || soft.Size(2) != Options.Dim)
        {
            throw new ArgumentException($"soft embeddings must be (B={b}, N, d={Options.Dim}), not [{string.Join(", ", soft.Shape)}]", nameof(soft));
        }

        if (positions.Dim != 2 || positions.Size(0) != b || positions.Size(1) != soft.Size(1) || positions.DType != DType.Int64)
        {
            throw new ArgumentException($"positions must be int64 (B={b}, N={soft.Size(1)}), not {positions.DType} [{string.Join(", ", positions.Shape)}]", nameof(positions));
        }

        if (positions.NumElements > 0 && (positions.Min().ToInt64() < 0 || positions.Max().ToInt64() >= t))
        {
            throw new ArgumentOutOfRangeException(nameof(positions), $"positions must lie in [0, {t}), the sequence's length");
        }

        var index = positions.Unsqueeze(-1).Expand(b, positions.Size(1), Options.Dim); // (B, N, d)
        return tokens.Scatter(1, index, soft); // (B, T, d)
    }

    /// <summary>The next-token logits of a sequence of token ids.</summary>
    /// <param name="input">(B, T) int64 ids, T at most the context.</param>
    /// <returns>(B, T, V): row t scores the token at t + 1.</returns>
    public override Tensor Forward(Tensor input) => ForwardEmbeddings(Embed(input));

    /// <summary>The next-token logits of new token ids, continuing the sequence whose keys and values
    /// <paramref name="cache"/> holds (and appending theirs to it).</summary>
    /// <param name="ids">(B, T) int64 ids.</param>
    /// <param name="cache">The earlier tokens, or null when <paramref name="ids"/> is the whole sequence.</param>
    /// <returns>(B, T, V).</returns>
    public Tensor Forward(Tensor ids, KvCache? cache) => ForwardEmbeddings(Embed(ids), cache);

    /// <summary>The next-token logits of a sequence given as input embeddings (from <see cref="Embed(Tensor)"/>,
    /// <see cref="Embed(Tensor, Tensor, Tensor)"/> or any (B, T, d) soft tokens).</summary>
    /// <param name="embeddings">(B, T, d), before positions are added.</param>
    /// <param name="cache">The earlier tokens' keys and values (appended to), or null.</param>
    /// <returns>(B, T, V).</returns>
    public Tensor ForwardEmbeddings(Tensor embeddings, KvCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Dim != 3 || embeddings.Size(2) != Options.Dim)
        {
            throw new ArgumentException($"embeddings must be (B, T, d={Options.Dim}), not [{string.Join(", ", embeddings.Shape)}]", nameof(embeddings));
        }

        long b = embeddings.Size(0), t = embeddings.Size(1), start = cache?.Length ?? 0;
        if (start + t > Options.Context)
        {
            var cached = cache is null ? string.Empty : $" after the {start} cached";
            throw new ArgumentException($"the input has {t} tokens{cached}, more than the model's Context of {Options.Context}", nameof(embeddings));
        }

        if (cache is not null)
        {
            if (cache.Batch != b)
            {
                throw new ArgumentException($"the cache was made for {cache.Batch} rows, the input has {b}", nameof(cache));
            }

            cache.CheckRoom(t, nameof(embeddings));
        }

        var x = embeddings;
        if (positionEmbedding is not null)
        {
            x = x + positionEmbedding.Narrow(0, start, t); // (B, T, d) + (T, d)
        }

        x = F.Dropout(x, Options.Dropout, Training);
        foreach (var block in blocks)
        {
            x = block.Forward(x, cache); // (B, T, d)
        }

        cache?.Advance(t);
        return F.Linear(finalNorm.Forward(x), Head); // (B, T, V)
    }

    /// <summary>
    /// The mean next-token cross-entropy: logits at position t - 1 against <c>labels[t]</c>, skipping labels equal to
    /// <see cref="ChatExample.IgnoreIndex"/> (-100). Labels are aligned with the inputs, as <see cref="ChatExample"/>
    /// lays them out (for plain text, the input ids themselves); this method does the shift.
    /// </summary>
    /// <param name="logits">(B, T, V) from <see cref="Forward(Tensor)"/>.</param>
    /// <param name="labels">(B, T) int64.</param>
    /// <returns>A scalar.</returns>
    public static Tensor Loss(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Dim != 3 || labels.Dim != 2 || logits.Size(0) != labels.Size(0) || logits.Size(1) != labels.Size(1))
        {
            throw new ArgumentException($"labels [{string.Join(", ", labels.Shape)}] must be (B, T) of logits [{string.Join(", ", logits.Shape)}] (B, T, V)", nameof(labels));
        }

        long b = logits.Size(0), t = logits.Size(1), v = logits.Size(2);
        if (t < 2)
        {
            throw new ArgumentException("a next-token loss needs sequences of at least 2 tokens", nameof(labels));
        }

        var predictions = logits.Narrow(1, 0, t - 1).Reshape(b * (t - 1), v); // (B·(T-1), V)
        var targets = labels.Narrow(1, 1, t - 1).Reshape(b * (t - 1)); // (B·(T-1))
        return F.CrossEntropy(predictions, targets, ignoreIndex: ChatExample.IgnoreIndex);
    }

    /// <summary>An empty cache for decoding <paramref name="batch"/> rows together.</summary>
    /// <param name="batch">B.</param>
    /// <param name="capacity">The most tokens, prompt included (default: the context).</param>
    public KvCache NewCache(int batch, int? capacity = null) => new(Options, batch, capacity ?? Options.Context);

    /// <summary>
    /// Appends <paramref name="count"/> token ids (e.g. the K visual codes of the SeparateVocab paradigm) as new rows
    /// of the embedding table (and of an untied head), drawn N(0, InitStd²) or copied from <paramref name="rows"/>.
    /// The parameters keep their identity but change shape: create optimizers afterwards.
    /// </summary>
    /// <param name="count">K, at least 1.</param>
    /// <param name="rows">(K, d) initial embeddings, or null for random ones.</param>
    /// <returns>The id of the first new token (the old V).</returns>
    public int GrowVocabulary(int count, Tensor? rows = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (rows is not null && (rows.Dim != 2 || rows.Size(0) != count || rows.Size(1) != Options.Dim))
        {
            throw new ArgumentException($"rows must be (K={count}, d={Options.Dim}), not [{string.Join(", ", rows.Shape)}]", nameof(rows));
        }

        var first = Options.VocabSize;
        using (var scope = new DisposeScope())
        using (Autograd.NoGrad())
        {
            ZeroGrad();
            var added = rows?.To(tokenEmbedding.DType) ?? Init.Normal(Tensor.Empty([count, Options.Dim]), 0, Options.InitStd, generator);
            tokenEmbedding.SetData(Tensor.Cat([tokenEmbedding, added])); // (V + K, d)
            head?.SetData(Tensor.Cat([head, Init.Normal(Tensor.Empty([count, Options.Dim]), 0, Options.InitStd, generator)]));
        }

        Options = Options with { VocabSize = first + count };
        return first;
    }

    /// <summary>Folds every LoRA update into its projection's weights (<see cref="LoraLinear.Merge"/>): the model
    /// computes the same logits without the low-rank branch's cost. Does nothing without LoRA.</summary>
    public void MergeLora()
    {
        foreach (var (_, module) in NamedModules())
        {
            (module as LoraLinear)?.Merge();
        }
    }

    /// <summary>A copy of this model with LoRA on its projections: the same weights (frozen) plus fresh A and zero B,
    /// so it computes the same logits until the LoRA matrices train.</summary>
    /// <param name="lora">Rank, α and which projections.</param>
    public Transformer WithLora(LoraOptions lora)
    {
        ArgumentNullException.ThrowIfNull(lora);
        var adapted = new Transformer(Options with { Lora = lora });
        using var scope = new DisposeScope();
        adapted.LoadStateDict(StateDict(), strict: false);
        return adapted;
    }

    /// <summary>Whether a parameter's dotted name is one of LoRA's A or B matrices.</summary>
    /// <param name="name">A name from <see cref="Module.NamedParameters"/>.</param>
    public static bool IsLora(string name) =>
        name is not null && (name.EndsWith(".loraA", StringComparison.Ordinal) || name.EndsWith(".loraB", StringComparison.Ordinal));

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            generator.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override string ExtraRepresentation() =>
        $"style={Options.Style}, vocab={Options.VocabSize}, d={Options.Dim}, layers={Options.Layers}, heads={Options.Heads}, " +
        $"context={Options.Context}, mlp={Options.MlpHidden}, tied_head={Options.TiedHead}, lora={Options.Lora?.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off"}, parameters={ParameterCount()}";

    private void CheckIds(Tensor ids, string name)
    {
        ArgumentNullException.ThrowIfNull(ids, name);
        if (ids.Dim != 2 || ids.DType != DType.Int64)
        {
            throw new ArgumentException($"{name} must be (B, T) int64 token ids, not {ids.DType} [{string.Join(", ", ids.Shape)}]", name);
        }

        if (ids.NumElements > 0 && (ids.Min().ToInt64() < 0 || ids.Max().ToInt64() >= Options.VocabSize))
        {
            throw new ArgumentOutOfRangeException(name, $"{name} must lie in [0, {Options.VocabSize}), the vocabulary; they span [{ids.Min().ToInt64()}, {ids.Max().ToInt64()}]");
        }
    }
}

using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>
/// Batched, seeded autoregressive generation from a <see cref="Transformer"/>: greedy, temperature, top-k and top-p
/// sampling, classifier-free guidance and constrained decoding (<see cref="IDecodingConstraint"/>). With guidance the
/// conditional and unconditional prompts run as one batch of 2B rows, and each sampled token is appended to both.
/// </summary>
/// <remarks>
/// Every row of a batch has the same prompt length (the unconditional prompt is the conditional one with its
/// condition replaced by filler tokens, as the null class of class-conditional generation). Each step runs in its
/// own <see cref="DisposeScope"/>; only the sampled ids (managed arrays) and the cache outlive it.
/// </remarks>
public sealed class Sampler
{
    /// <summary>Creates a sampler.</summary>
    /// <param name="model">The language model (put in evaluation mode during generation, then restored).</param>
    /// <param name="options">How to pick tokens (validated).</param>
    public Sampler(Transformer model, SamplingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Options = options ?? new SamplingOptions();
        Options.Validate();
    }

    /// <summary>The language model.</summary>
    public Transformer Model { get; }

    /// <summary>How tokens are picked.</summary>
    public SamplingOptions Options { get; }

    /// <summary>Continues each prompt by up to <see cref="SamplingOptions.MaxNewTokens"/> tokens.</summary>
    /// <param name="prompt">(B, T) int64, the conditional prompts.</param>
    /// <param name="unconditionalPrompt">(B, T) int64 prompts without the condition, for classifier-free guidance at
    /// <see cref="SamplingOptions.GuidanceScale"/>; null for none.</param>
    /// <param name="constraint">Which ids may be emitted, or null for any.</param>
    /// <param name="generator">The random source; null draws from a new one seeded by <see cref="SamplingOptions.Seed"/>.</param>
    /// <param name="soft">Soft embeddings replacing some tokens of the conditional prompts (e.g. an input image's
    /// Z^); the unconditional prompts are read as ids.</param>
    /// <returns>(B, N) int64, the new tokens only; N is less than the maximum when every row ended with the EOS id.</returns>
    public Tensor Generate(Tensor prompt, Tensor? unconditionalPrompt = null, IDecodingConstraint? constraint = null, Generator? generator = null, SoftTokens? soft = null)
    {
        CheckPrompt(prompt, nameof(prompt));
        var (b, t) = ((int)prompt.Size(0), (int)prompt.Size(1));
        if (unconditionalPrompt is not null)
        {
            CheckPrompt(unconditionalPrompt, nameof(unconditionalPrompt));
            if (unconditionalPrompt.Size(0) != b || unconditionalPrompt.Size(1) != t)
            {
                throw new ArgumentException(
                    $"the unconditional prompt must have the conditional prompt's shape [{b}, {t}], not [{string.Join(", ", unconditionalPrompt.Shape)}]",
                    nameof(unconditionalPrompt));
            }
        }

        var context = Model.Options.Context;
        if (t + Options.MaxNewTokens - 1 > context)
        {
            throw new ArgumentException(
                $"a prompt of {t} tokens plus MaxNewTokens {Options.MaxNewTokens} needs {t + Options.MaxNewTokens - 1} positions; the model's Context is {context}",
                nameof(prompt));
        }

        var guided = unconditionalPrompt is not null;
        var rows = guided ? 2 * b : b;
        var sequences = TokenMask.Rows(prompt).Select(r => r.ToList()).ToList();
        if (guided)
        {
            sequences.AddRange(TokenMask.Rows(unconditionalPrompt!).Select(r => r.ToList()));
        }

        var wasTraining = Model.Training;
        var ownGenerator = generator is null ? new Generator(Options.Seed) : null;
        var random = generator ?? ownGenerator!;
        var generated = new List<long[]>();
        try
        {
            using var call = new DisposeScope();
            using var noGrad = Autograd.NoGrad();
            Model.Eval();
            using var cache = Options.UseCache ? Model.NewCache(rows, t + Options.MaxNewTokens - 1) : null;
            var tracker = constraint?.Start(prompt, Model.VocabSize);
            var finished = new bool[b];
            for (var step = 0; step < Options.MaxNewTokens && !finished.All(f => f); step++)
            {
                using var scope = new DisposeScope();
                var logits = NextLogits(sequences, b, cache, step == 0, soft); // (B, V)
                if (tracker is not null)
                {
                    logits = tracker.Restrict(logits);
                }

                var next = Sample(logits, random).ToArray<long>();
                for (var i = 0; i < b; i++)
                {
                    if (finished[i])
                    {
                        next[i] = Options.EosId!.Value;
                    }

                    finished[i] = Options.EosId is { } eos && next[i] == eos;
                    sequences[i].Add(next[i]);
                    if (guided)
                    {
                        sequences[b + i].Add(next[i]);
                    }
                }

                tracker?.Advance(next);
                generated.Add(next);
            }
        }
        finally
        {
            Model.Train(wasTraining);
            ownGenerator?.Dispose();
        }

        var n = generated.Count;
        var flat = new long[b * n];
        for (var step = 0; step < n; step++)
        {
            for (var i = 0; i < b; i++)
            {
                flat[(i * n) + step] = generated[step][i];
            }
        }

        return Tensor.From(flat, b, n);
    }

    /// <summary>Picks one token per row from next-token logits: the argmax when greedy, else a draw from
    /// softmax(logits / temperature) restricted by top-k and top-p.</summary>
    /// <param name="logits">(B, V).</param>
    /// <param name="generator">The random source (unused when greedy).</param>
    /// <returns>(B) int64.</returns>
    public Tensor Sample(Tensor logits, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (Options.Greedy)
        {
            return logits.ArgMax(-1);
        }

        var scaled = logits / Options.Temperature;
        if (Options.TopK > 0 && Options.TopK < scaled.Size(-1))
        {
            scaled = LogitFilter.TopK(scaled, Options.TopK);
        }

        if (Options.TopP < 1)
        {
            scaled = LogitFilter.TopP(scaled, Options.TopP);
        }

        return scaled.Softmax(-1).Multinomial(1, generator: generator).Squeeze(-1); // (B)
    }

    // The next-token logits of each row, guided when the sequences hold unconditional rows after the b conditional ones.
    private Tensor NextLogits(List<List<long>> sequences, int b, KvCache? cache, bool first, SoftTokens? soft)
    {
        // With the cache only the tokens it has not seen are fed: the prompt first, then one token a step.
        var whole = cache is null || first;
        var feed = whole ? sequences : [.. sequences.Select(s => s.GetRange(s.Count - 1, 1))];
        var width = feed[0].Count;
        var input = Tensor.From([.. feed.SelectMany(s => s)], feed.Count, width); // (rows, T')
        var logits = soft is not null && whole
            ? Model.ForwardEmbeddings(EmbedWithSoftTokens(input, b, soft), cache)
            : Model.Forward(input, cache);
        logits = logits.Select(1, width - 1); // (rows, V): the last position
        if (feed.Count == b)
        {
            return logits;
        }

        var conditional = logits.Narrow(0, 0, b);
        var unconditional = logits.Narrow(0, b, b);
        return unconditional + ((conditional - unconditional) * Options.GuidanceScale); // (B, V)
    }

    // The conditional rows (the first b) with their soft tokens in place; the unconditional rows as ids.
    private Tensor EmbedWithSoftTokens(Tensor ids, int b, SoftTokens soft)
    {
        var conditional = Model.Embed(ids.Narrow(0, 0, b), soft.Embeddings, soft.Positions); // (B, T', d)
        return ids.Size(0) == b ? conditional : Tensor.Cat([conditional, Model.Embed(ids.Narrow(0, b, b))]); // (rows, T', d)
    }

    private void CheckPrompt(Tensor prompt, string name)
    {
        ArgumentNullException.ThrowIfNull(prompt, name);
        if (prompt.Dim != 2 || prompt.DType != DType.Int64 || prompt.Size(1) < 1 || prompt.Size(0) < 1)
        {
            throw new ArgumentException($"{name} must be (B, T) int64 token ids with B, T >= 1, not {prompt.DType} [{string.Join(", ", prompt.Shape)}]", name);
        }
    }
}

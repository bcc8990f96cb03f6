using UniCode.Kit.Language;
using UniCode.Torch;
using static UniCode.Kit.Tests.Language.TinyLanguageModels;

namespace UniCode.Kit.Tests.Language;

public sealed class SamplerTests
{
    private static Transformer Perturbed(TransformerStyle style = TransformerStyle.Llama)
    {
        var model = Model(style);
        Perturb(model, 21);
        return model;
    }

    [Fact]
    public void The_same_seed_gives_the_same_samples_and_another_seed_others()
    {
        using var scope = new DisposeScope();
        using var model = Perturbed();
        var prompt = Ids(3, 4, 1);
        long[] Run(ulong seed) => new Sampler(model, new SamplingOptions { MaxNewTokens = 12, Seed = seed }).Generate(prompt).ToArray<long>();
        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }

    [Fact]
    public void Guidance_at_scale_one_equals_conditional_sampling()
    {
        using var scope = new DisposeScope();
        using var model = Perturbed();
        var prompt = Ids(2, 5, 2);
        var unconditional = Ids(2, 5, 3);
        var sampler = new Sampler(model, new SamplingOptions { MaxNewTokens = 10, Seed = 9, GuidanceScale = 1 });
        var conditional = sampler.Generate(prompt).ToArray<long>();
        Assert.Equal(conditional, sampler.Generate(prompt, unconditional).ToArray<long>());

        // And guidance above 1 does change what is sampled (so the unconditional rows are really used).
        var strong = new Sampler(model, new SamplingOptions { MaxNewTokens = 10, Seed = 9, GuidanceScale = 4 });
        Assert.NotEqual(conditional, strong.Generate(prompt, unconditional).ToArray<long>());
    }

    [Fact]
    public void Guidance_combines_the_conditional_and_unconditional_logits_of_one_batch()
    {
        using var scope = new DisposeScope();
        using var model = Perturbed(TransformerStyle.Gpt2);
        var prompt = Ids(1, 4, 4);
        var unconditional = Ids(1, 4, 5);
        const double s = 3;
        var first = new Sampler(model, new SamplingOptions { MaxNewTokens = 1, Temperature = 0, GuidanceScale = s }).Generate(prompt, unconditional);
        model.Eval();
        using var noGrad = Autograd.NoGrad();
        var cond = model.Forward(prompt).Select(1, 3);
        var uncond = model.Forward(unconditional).Select(1, 3);
        Assert.Equal((uncond + ((cond - uncond) * s)).ArgMax(-1).ToArray<long>(), first.Flatten().ToArray<long>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_prompt_given_partly_as_soft_embeddings_of_its_own_tokens_generates_what_the_ids_generate(bool useCache)
    {
        using var scope = new DisposeScope();
        using var model = Perturbed(TransformerStyle.Gpt2);
        var prompt = Ids(2, 6, 8);
        var unconditional = Ids(2, 6, 9);
        var positions = Tensor.From(new long[] { 1, 2, 3, 2, 3, 4 }, 2, 3);
        var rows = model.TokenEmbedding.IndexSelect(0, prompt.Gather(1, positions).Flatten()).View(2, 3, 32).Detach(); // (B, N, d)
        var placeholders = prompt.Scatter(1, positions, 0L); // the soft tokens' slots hold id 0
        var sampler = new Sampler(model, new SamplingOptions { MaxNewTokens = 8, Seed = 4, GuidanceScale = 2, UseCache = useCache });
        var expected = sampler.Generate(prompt, unconditional).ToArray<long>();
        Assert.Equal(expected, sampler.Generate(placeholders, unconditional, soft: new SoftTokens(rows, positions)).ToArray<long>());
        Assert.NotEqual(expected, sampler.Generate(placeholders, unconditional).ToArray<long>());
    }

    [Fact]
    public void Top_k_never_emits_a_token_outside_the_k_most_likely()
    {
        using var scope = new DisposeScope();
        using var generator = new Generator(4);
        var logits = Tensor.Randn([4, 30], generator) * 3;
        using var model = Model(TransformerStyle.Llama);
        var sampler = new Sampler(model, new SamplingOptions { TopK = 3 });
        var kept = logits.TopK(3).Indices.ToArray<long>();
        for (var draw = 0; draw < 100; draw++)
        {
            var picks = sampler.Sample(logits, generator).ToArray<long>();
            for (var row = 0; row < 4; row++)
            {
                Assert.Contains(picks[row], kept.Skip(row * 3).Take(3));
            }
        }
    }

    [Fact]
    public void Top_p_keeps_the_smallest_nucleus_reaching_p()
    {
        using var scope = new DisposeScope();
        // Probabilities 0.5, 0.3, 0.15, 0.05: p = 0.7 keeps {0, 1}; p = 0.85 keeps {0, 1, 2}.
        var logits = Tensor.From(new[] { 0.5f, 0.3f, 0.15f, 0.05f }, 1, 4).Log();
        Assert.Equal([false, false, true, true], LogitFilter.TopP(logits, 0.7).IsFinite().LogicalNot().ToArray<bool>());
        Assert.Equal([false, false, false, true], LogitFilter.TopP(logits, 0.85).IsFinite().LogicalNot().ToArray<bool>());

        using var generator = new Generator(8);
        using var model = Model(TransformerStyle.Llama);
        var sampler = new Sampler(model, new SamplingOptions { TopP = 0.7 });
        var shuffled = Tensor.From(new[] { 0.05f, 0.5f, 0.15f, 0.3f }, 1, 4).Log().Expand(64, 4).Contiguous();
        var picks = sampler.Sample(shuffled, generator).ToArray<long>();
        Assert.All(picks, p => Assert.Contains(p, new long[] { 1, 3 }));
        Assert.Contains(1L, picks);
        Assert.Contains(3L, picks);
    }

    [Fact]
    public void Allowed_tokens_are_the_only_tokens_emitted()
    {
        using var scope = new DisposeScope();
        using var model = Perturbed();
        int[] codes = [3, 7, 8, 20, 33];
        var tokens = new Sampler(model, new SamplingOptions { MaxNewTokens = 25, Seed = 2 })
            .Generate(Ids(4, 3, 7), constraint: new AllowedTokens(codes)).ToArray<long>();
        Assert.Equal(100, tokens.Length);
        Assert.All(tokens, t => Assert.Contains((int)t, codes));
    }

    [Fact]
    public void An_image_span_holds_exactly_its_token_count_of_codes_then_the_end_token()
    {
        using var scope = new DisposeScope();
        using var model = Perturbed();
        const int begin = 1, end = 2, n = 6;
        int[] codes = [.. Enumerable.Range(10, 20)];
        var constraint = new ImageSpanConstraint(begin, end, n, codes);
        // Row 0's prompt ends with image-begin (text -> image); row 1 is text that may open images of its own.
        var prompt = Tensor.From(new long[] { 5, 6, begin, 5, 6, 7 }, 2, 3);
        var sampler = new Sampler(model, new SamplingOptions { MaxNewTokens = 30, Seed = 3, Temperature = 2 });
        var rows = sampler.Generate(prompt, constraint: constraint).ToArray<long>();

        var first = rows.Take(30).ToArray();
        Assert.All(first.Take(n), t => Assert.Contains((int)t, codes));
        Assert.Equal(end, first[n]);
        foreach (var row in new[] { first, rows.Skip(30).ToArray() })
        {
            var inside = row == first ? 0 : -1;
            foreach (var token in row)
            {
                if (inside >= 0 && inside < n)
                {
                    Assert.Contains((int)token, codes);
                    inside++;
                }
                else if (inside == n)
                {
                    Assert.Equal(end, token);
                    inside = -1;
                }
                else
                {
                    Assert.NotEqual(end, token); // never a stray end
                    inside = token == begin ? 0 : -1;
                }
            }
        }
    }

    [Fact]
    public void Rows_that_emit_the_end_of_sequence_token_stay_ended_and_generation_stops_when_all_have()
    {
        using var scope = new DisposeScope();
        using var model = Perturbed();
        const int eos = 4;
        var options = new SamplingOptions { MaxNewTokens = 30, Seed = 1, EosId = eos };
        // Allow only eos and one other id so that rows end soon.
        var tokens = new Sampler(model, options).Generate(Ids(3, 2, 3), constraint: new AllowedTokens([eos, 9]));
        var n = (int)tokens.Size(1);
        var flat = tokens.ToArray<long>();
        Assert.True(n < 30, "generation did not stop once every row had ended");
        for (var row = 0; row < 3; row++)
        {
            var values = flat.Skip(row * n).Take(n).ToList();
            var ended = values.IndexOf(eos);
            Assert.True(ended >= 0, $"row {row} never ended");
            Assert.All(values.Skip(ended), t => Assert.Equal(eos, t));
        }
    }

    [Fact]
    public void Generation_runs_in_evaluation_mode_and_restores_the_training_mode()
    {
        using var scope = new DisposeScope();
        using var model = new Transformer(Options(TransformerStyle.Gpt2) with { Dropout = 0.5 });
        Perturb(model, 2);
        model.Train();
        var prompt = Ids(2, 3, 1);
        var options = new SamplingOptions { MaxNewTokens = 8, Temperature = 0 };
        // Dropout would make greedy decoding differ between runs; in evaluation mode it is off.
        Assert.Equal(new Sampler(model, options).Generate(prompt).ToArray<long>(), new Sampler(model, options).Generate(prompt).ToArray<long>());
        Assert.True(model.Training);
    }

    [Fact]
    public void Prompts_that_do_not_fit_the_context_or_do_not_match_are_rejected_naming_them()
    {
        using var scope = new DisposeScope();
        using var model = Model(TransformerStyle.Llama, context: 8);
        var sampler = new Sampler(model, new SamplingOptions { MaxNewTokens = 6 });
        Assert.Equal("prompt", Assert.Throws<ArgumentException>(() => sampler.Generate(Ids(1, 4, 1))).ParamName);
        Assert.Equal("unconditionalPrompt", Assert.Throws<ArgumentException>(() => sampler.Generate(Ids(1, 2, 1), Ids(1, 3, 1))).ParamName);
        Assert.Equal("prompt", Assert.Throws<ArgumentException>(() => sampler.Generate(Tensor.Zeros(1, 2))).ParamName);
    }
}

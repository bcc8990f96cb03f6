using UniCode.Kit.Language;
using UniCode.Torch;
using static UniCode.Kit.Tests.Language.TinyLanguageModels;

namespace UniCode.Kit.Tests.Language;

public sealed class KvCacheTests
{
    [Theory]
    [MemberData(nameof(Styles), MemberType = typeof(TinyLanguageModels))]
    public void Cached_logits_equal_full_recomputation_token_by_token(TransformerStyle style)
    {
        using var scope = new DisposeScope();
        using var model = Model(style);
        model.Eval();
        Perturb(model, 11);
        var ids = Ids(3, 12, 4);
        using var noGrad = Autograd.NoGrad();
        var full = model.Forward(ids); // (B, T, V)
        using var cache = model.NewCache(3);

        // A prompt of 5 tokens at once, then one token a step.
        Assert.True(model.Forward(ids.Narrow(1, 0, 5), cache).AllClose(full.Narrow(1, 0, 5), 1e-5, 1e-5));
        for (var t = 5; t < 12; t++)
        {
            var step = model.Forward(ids.Narrow(1, t, 1), cache);
            Assert.True(step.AllClose(full.Narrow(1, t, 1), 1e-4, 1e-5), $"position {t} differs");
        }

        Assert.Equal(12, cache.Length);
    }

    [Theory]
    [MemberData(nameof(Styles), MemberType = typeof(TinyLanguageModels))]
    public void Greedy_generation_with_the_cache_equals_recomputing_the_whole_sequence(TransformerStyle style)
    {
        using var scope = new DisposeScope();
        using var model = Model(style);
        Perturb(model, 12);
        var prompt = Ids(2, 4, 5);
        var cached = new Sampler(model, new SamplingOptions { Temperature = 0, MaxNewTokens = 10 }).Generate(prompt).ToArray<long>();

        // The reference: argmax of a full forward over the growing sequence, step by step.
        model.Eval();
        var sequence = prompt;
        var expected = new List<long[]>();
        using (Autograd.NoGrad())
        {
            for (var step = 0; step < 10; step++)
            {
                var next = model.Forward(sequence).Select(1, sequence.Size(1) - 1).ArgMax(-1).Unsqueeze(1); // (B, 1)
                expected.Add(next.ToArray<long>());
                sequence = Tensor.Cat([sequence, next], 1);
            }
        }

        for (var row = 0; row < 2; row++)
        {
            Assert.Equal(expected.Select(e => e[row]), cached.Skip(row * 10).Take(10));
        }
    }

    [Fact]
    public void A_cache_reports_when_the_input_does_not_fit()
    {
        using var scope = new DisposeScope();
        using var model = Model(TransformerStyle.Llama);
        using var cache = model.NewCache(1, capacity: 6);
        using var noGrad = Autograd.NoGrad();
        model.Forward(Ids(1, 4, 1), cache);
        var error = Assert.Throws<ArgumentException>(() => model.Forward(Ids(1, 3, 2), cache));
        Assert.Contains("4 of 6", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, cache.Length);
        Assert.Throws<ArgumentException>(() => model.Forward(Ids(2, 1, 2), cache)); // made for one row
    }

    [Fact]
    public void The_cache_stores_each_layer_contiguously_in_the_layout_attention_multiplies()
    {
        using var model = Model(TransformerStyle.Gpt2);
        using var cache = model.NewCache(2, capacity: 8);
        var (keys, values) = cache.Layer(1);
        Assert.Equal([2L, 4, 8, 8], keys.Shape); // (B, heads, capacity, head_dim)
        Assert.True(keys.IsContiguous && values.IsContiguous);
    }
}

using UniCode.Kit.Language;
using UniCode.Kit.Tests.Data;
using UniCode.Kit.Text;
using UniCode.Torch;
using UniCode.Torch.Optim;
using static UniCode.Kit.Tests.Language.TinyLanguageModels;

namespace UniCode.Kit.Tests.Language;

public sealed class TransformerTests
{
    [Theory]
    [MemberData(nameof(Styles), MemberType = typeof(TinyLanguageModels))]
    public void Forward_gives_logits_of_shape_batch_time_vocab(TransformerStyle style)
    {
        using var scope = new DisposeScope();
        using var model = Model(style);
        Assert.Equal([3L, 7, Vocab], model.Forward(Ids(3, 7, 2)).Shape);
    }

    [Theory]
    [MemberData(nameof(Styles), MemberType = typeof(TinyLanguageModels))]
    public void Changing_a_later_token_leaves_earlier_logits_unchanged(TransformerStyle style)
    {
        using var scope = new DisposeScope();
        using var model = Model(style);
        model.Eval();
        Perturb(model, 5);
        var ids = Ids(2, 10, 3);
        var changed = ids.Clone();
        changed.Narrow(1, 6, 1).CopyFrom((ids.Narrow(1, 6, 1) + 1) % Vocab);
        var before = model.Forward(ids);
        var after = model.Forward(changed);
        Assert.True(before.Narrow(1, 0, 6).AllClose(after.Narrow(1, 0, 6), 1e-5, 1e-5), "positions before the change moved");
        Assert.False(before.Narrow(1, 6, 4).AllClose(after.Narrow(1, 6, 4), 1e-3, 1e-3), "the change did not reach its own position");
    }

    [Theory]
    [MemberData(nameof(Styles), MemberType = typeof(TinyLanguageModels))]
    public void Soft_embeddings_equal_to_the_tables_rows_give_the_logits_of_the_ids(TransformerStyle style)
    {
        using var scope = new DisposeScope();
        using var model = Model(style);
        model.Eval();
        Perturb(model, 4);
        var ids = Ids(2, 9, 6);
        var rows = model.TokenEmbedding.IndexSelect(0, ids.Flatten()).View(2, 9, 32); // (B, T, d) gathered by hand
        Assert.True(model.Forward(ids).AllClose(model.ForwardEmbeddings(rows), 1e-5, 1e-5));
    }

    [Fact]
    public void Soft_embeddings_placed_between_ids_replace_the_placeholders_and_receive_the_gradient()
    {
        using var scope = new DisposeScope();
        using var model = Model(TransformerStyle.Llama);
        model.Eval();
        var ids = Ids(2, 8, 7);
        var placeholders = ids.Clone();
        placeholders.Narrow(1, 3, 3).FillInPlace(0); // an "image" span at positions 3, 4, 5
        var positions = ImageSpanPositions.Of([new ImageSpan(3, 3, false), new ImageSpan(3, 3, false)]);
        Assert.Equal(new long[] { 3, 4, 5, 3, 4, 5 }, positions.ToArray<long>());
        var soft = model.Embed(ids.Narrow(1, 3, 3)).Detach().RequiresGradInPlace(); // (B, 3, d): what the ids would embed to
        var mixed = model.Embed(placeholders, soft, positions);
        var logits = model.ForwardEmbeddings(mixed);
        Assert.True(logits.AllClose(model.Forward(ids), 1e-5, 1e-5));

        logits.Sum().Backward();
        Assert.NotNull(soft.Grad);
        Assert.True(soft.Grad!.Abs().Sum().ToDouble() > 0);
    }

    [Fact]
    public void Loss_scores_each_position_against_the_next_label_and_skips_ignored_ones()
    {
        using var scope = new DisposeScope();
        using var generator = new Generator(3);
        var logits = Tensor.Randn([1, 3, 5], generator);
        var labels = Tensor.From(new long[] { 4, 2, ChatExample.IgnoreIndex }, 1, 3);
        // Only logits[0, 0] against label 2 counts: label 0 has no prediction, label 2 is ignored.
        var row = logits[0, 0].ToArray<float>();
        var expected = -(row[2] - Math.Log(row.Sum(x => Math.Exp(x))));
        Assert.Equal(expected, Transformer.Loss(logits, labels).ToDouble(), 5);
    }

    [Theory]
    [MemberData(nameof(Styles), MemberType = typeof(TinyLanguageModels))]
    public void A_tiny_model_overfits_one_batch(TransformerStyle style)
    {
        using var scope = new DisposeScope();
        using var model = Model(style);
        var ids = Ids(4, 16, 8);
        using var optimizer = new AdamW(model.Parameters(), new AdamWOptions { LearningRate = 1e-2, WeightDecay = 0 });
        double first = 0, last = 0;
        for (var step = 0; step < 60; step++)
        {
            using var stepScope = new DisposeScope();
            optimizer.ZeroGrad();
            var loss = Transformer.Loss(model.Forward(ids), ids);
            loss.Backward();
            optimizer.Step();
            last = loss.ToDouble();
            first = step == 0 ? last : first;
        }

        Assert.True(last < first / 10, $"loss went from {first} to {last}");
    }

    [Fact]
    public void The_untied_head_is_its_own_table_and_the_tied_head_is_the_embedding()
    {
        using var gpt = Model(TransformerStyle.Gpt2);
        using var llama = Model(TransformerStyle.Llama);
        Assert.Same(gpt.TokenEmbedding, gpt.Head);
        Assert.NotSame(llama.TokenEmbedding, llama.Head);
        Assert.Equal([(long)Vocab, 32], llama.Head.Shape);
    }

    [Theory]
    [MemberData(nameof(Styles), MemberType = typeof(TinyLanguageModels))]
    public void Growing_the_vocabulary_keeps_the_old_logits_and_scores_the_new_ids(TransformerStyle style)
    {
        using var scope = new DisposeScope();
        using var model = Model(style);
        model.Eval();
        var ids = Ids(2, 5, 9);
        var before = model.Forward(ids);
        var first = model.GrowVocabulary(6);
        Assert.Equal(Vocab, first);
        Assert.Equal(Vocab + 6, model.VocabSize);
        Assert.Equal([(long)Vocab + 6, 32], model.TokenEmbedding.Shape);
        var after = model.Forward(ids);
        Assert.Equal([2L, 5, Vocab + 6], after.Shape);
        Assert.True(before.AllClose(after.Narrow(2, 0, Vocab), 1e-5, 1e-5));
        Assert.Equal([2L, 1, Vocab + 6], model.Forward(Tensor.From(new long[] { Vocab + 5, Vocab }, 2, 1)).Shape);
    }

    [Theory]
    [MemberData(nameof(Styles), MemberType = typeof(TinyLanguageModels))]
    public void A_saved_model_loads_into_a_model_built_from_its_options_with_the_same_logits(TransformerStyle style)
    {
        using var scope = new DisposeScope();
        using var folder = new TempFolder();
        using var model = Model(style, seed: 1);
        model.GrowVocabulary(3);
        model.Eval();
        var path = folder.File("lm.safetensors");
        model.Save(path);
        using var loaded = new Transformer(model.Options with { Seed = 2 });
        loaded.Load(path);
        loaded.Eval();
        var ids = Ids(2, 6, 3);
        Assert.True(model.Forward(ids).Equal(loaded.Forward(ids)));
        Assert.Contains("tokenEmbedding", model.StateDict().Keys);
        Assert.DoesNotContain(model.StateDict().Keys, k => k.Contains("rotary", StringComparison.Ordinal)); // recomputed, not saved
    }

    [Fact]
    public void The_same_seed_builds_the_same_weights()
    {
        using var scope = new DisposeScope();
        using var a = Model(TransformerStyle.Llama, seed: 3);
        using var b = Model(TransformerStyle.Llama, seed: 3);
        using var c = Model(TransformerStyle.Llama, seed: 4);
        var ids = Ids(1, 6, 1);
        Assert.True(a.Forward(ids).Equal(b.Forward(ids)));
        Assert.False(a.Forward(ids).Equal(c.Forward(ids)));
    }

    [Fact]
    public void ToString_names_the_style_the_shape_and_the_parameter_count()
    {
        using var model = Model(TransformerStyle.Gpt2);
        var text = model.ToString();
        Assert.Contains("style=Gpt2", text, StringComparison.Ordinal);
        Assert.Contains($"parameters={model.ParameterCount()}", text, StringComparison.Ordinal);
        Assert.Contains("CausalSelfAttention", text, StringComparison.Ordinal);
        // E (V·d), positions (context·d), and per block 4 d² + 4 d attention, 8 d² + 5 d MLP, 2 · 2d norms; final norm 2d.
        const long d = 32, v = Vocab, context = 32, hidden = 4 * d;
        var block = (4 * d * d) + (4 * d) + (2 * d * hidden) + hidden + d + (4 * d);
        Assert.Equal((v * d) + (context * d) + (2 * block) + (2 * d), model.ParameterCount());
    }
}

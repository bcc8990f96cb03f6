using UniCode.Kit.Language;
using UniCode.Torch;
using UniCode.Torch.Optim;
using static UniCode.Kit.Tests.Language.TinyLanguageModels;

namespace UniCode.Kit.Tests.Language;

public sealed class LoraTests
{
    private static readonly LoraOptions Lora = new() { Rank = 4, Alpha = 8 };

    [Theory]
    [MemberData(nameof(Styles), MemberType = typeof(TinyLanguageModels))]
    public void A_lora_model_starts_as_the_model_it_adapts(TransformerStyle style)
    {
        using var scope = new DisposeScope();
        using var model = Model(style);
        model.Eval();
        Perturb(model, 3);
        using var adapted = model.WithLora(Lora);
        adapted.Eval();
        var ids = Ids(2, 7, 1);
        Assert.True(model.Forward(ids).Equal(adapted.Forward(ids)));
    }

    [Fact]
    public void Only_the_lora_matrices_train_when_lora_is_on()
    {
        using var model = new Transformer(Options(TransformerStyle.Llama) with { Lora = Lora });
        var trainable = model.NamedParameters().Where(p => p.Parameter.RequiresGrad).Select(p => p.Name).ToList();
        Assert.NotEmpty(trainable);
        Assert.All(trainable, name => Assert.True(Transformer.IsLora(name), $"{name} trains"));
        // 2 layers x (4 attention + 3 SwiGLU projections) x (A and B).
        Assert.Equal(2 * 7 * 2, trainable.Count);
    }

    [Theory]
    [MemberData(nameof(Styles), MemberType = typeof(TinyLanguageModels))]
    public void Merging_folds_the_trained_update_into_the_weights_without_changing_the_logits(TransformerStyle style)
    {
        using var scope = new DisposeScope();
        using var model = new Transformer(Options(style) with { Lora = Lora });
        var ids = Ids(2, 8, 2);
        model.Eval();
        var initial = model.Forward(ids).Detach();
        model.Train();
        using (var optimizer = new AdamW(model.Parameters().Where(p => p.RequiresGrad), new AdamWOptions { LearningRate = 1e-2 }))
        {
            for (var step = 0; step < 5; step++)
            {
                using var stepScope = new DisposeScope();
                optimizer.ZeroGrad();
                Transformer.Loss(model.Forward(ids), ids).Backward();
                optimizer.Step();
            }
        }

        model.Eval();
        var before = model.Forward(ids).Detach();
        Assert.False(before.AllClose(initial, 1e-4, 1e-4), "LoRA training changed nothing");

        model.MergeLora();
        var after = model.Forward(ids);
        Assert.True(before.AllClose(after, 1e-5, 1e-5), $"merge moved the logits by {(before - after).Abs().Max().ToDouble()}");
        Assert.All(model.NamedParameters().Where(p => p.Name.EndsWith(".loraB", StringComparison.Ordinal)), p => Assert.Equal(0, p.Parameter.Abs().Sum().ToDouble()));
    }

    [Fact]
    public void Lora_can_adapt_the_attention_alone()
    {
        using var model = new Transformer(Options(TransformerStyle.Gpt2) with { Lora = Lora with { Mlp = false } });
        var adapted = model.NamedParameters().Where(p => Transformer.IsLora(p.Name)).Select(p => p.Name).ToList();
        Assert.Equal(2 * 4 * 2, adapted.Count);
        Assert.All(adapted, name => Assert.Contains(".attention.", name, StringComparison.Ordinal));
    }
}

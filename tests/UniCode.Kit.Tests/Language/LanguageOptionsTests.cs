using UniCode.Kit.Language;
using UniCode.Kit.Tests.Configuration;
using UniCode.Torch;
using static UniCode.Kit.Tests.Language.TinyLanguageModels;

namespace UniCode.Kit.Tests.Language;

public sealed class LanguageOptionsTests : OptionsContract
{
    public static TheoryData<IOptions> Defaults() =>
        [new TransformerOptions(), TransformerOptions.Gpt2(100), TransformerOptions.Llama(100), new LoraOptions(), new SamplingOptions()];

    public static TheoryData<IOptions, string> Invalid() => new()
    {
        { new TransformerOptions { Dim = 30, Heads = 4 }, nameof(TransformerOptions.Heads) },
        { new TransformerOptions { Dim = 36, Heads = 4, Style = TransformerStyle.Llama }, nameof(TransformerOptions.Heads) }, // head_dim 9: RoPE needs pairs
        { new TransformerOptions { VocabSize = 1 }, nameof(TransformerOptions.VocabSize) },
        { new TransformerOptions { Layers = 0 }, nameof(TransformerOptions.Layers) },
        { new TransformerOptions { Context = 0 }, nameof(TransformerOptions.Context) },
        { new TransformerOptions { MlpRatio = 0 }, nameof(TransformerOptions.MlpRatio) },
        { new TransformerOptions { Dropout = -0.1 }, nameof(TransformerOptions.Dropout) },
        { new TransformerOptions { Dropout = 1 }, nameof(TransformerOptions.Dropout) },
        { new TransformerOptions { Style = (TransformerStyle)7 }, nameof(TransformerOptions.Style) },
        { new TransformerOptions { InitStd = double.NaN }, nameof(TransformerOptions.InitStd) },
        { new TransformerOptions { Lora = new LoraOptions { Rank = 0 } }, nameof(LoraOptions.Rank) },
        { new LoraOptions { Rank = 0 }, nameof(LoraOptions.Rank) },
        { new LoraOptions { Alpha = -1 }, nameof(LoraOptions.Alpha) },
        { new LoraOptions { Attention = false, Mlp = false }, nameof(LoraOptions.Attention) },
        { new SamplingOptions { MaxNewTokens = 0 }, nameof(SamplingOptions.MaxNewTokens) },
        { new SamplingOptions { Temperature = -1 }, nameof(SamplingOptions.Temperature) },
        { new SamplingOptions { TopK = -1 }, nameof(SamplingOptions.TopK) },
        { new SamplingOptions { TopP = 0 }, nameof(SamplingOptions.TopP) },
        { new SamplingOptions { TopP = 1.5 }, nameof(SamplingOptions.TopP) },
        { new SamplingOptions { GuidanceScale = double.PositiveInfinity }, nameof(SamplingOptions.GuidanceScale) },
        { new SamplingOptions { EosId = -2 }, nameof(SamplingOptions.EosId) },
    };

    [Fact]
    public void The_model_and_the_sampler_validate_the_options_they_receive()
    {
        Assert.Equal("Heads", Assert.Throws<ArgumentException>(() => new Transformer(new TransformerOptions { Dim = 30, Heads = 4 })).ParamName);
        using var model = Model(TransformerStyle.Gpt2);
        Assert.Equal("TopP", Assert.Throws<ArgumentOutOfRangeException>(() => new Sampler(model, new SamplingOptions { TopP = 2 })).ParamName);
    }

    [Fact]
    public void An_input_longer_than_the_context_is_rejected_naming_the_input_and_the_context()
    {
        using var scope = new DisposeScope();
        using var model = Model(TransformerStyle.Gpt2, context: 8);
        var error = Assert.Throws<ArgumentException>(() => model.Forward(Ids(1, 9, 1)));
        Assert.Equal("embeddings", error.ParamName);
        Assert.Contains("Context of 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_outside_the_vocabulary_or_of_the_wrong_type_are_rejected_naming_them()
    {
        using var scope = new DisposeScope();
        using var model = Model(TransformerStyle.Llama);
        Assert.Equal("ids", Assert.Throws<ArgumentOutOfRangeException>(() => model.Embed(Tensor.From(new long[] { 3, Vocab }, 1, 2))).ParamName);
        Assert.Equal("ids", Assert.Throws<ArgumentException>(() => model.Embed(Tensor.Zeros(1, 2))).ParamName);
        Assert.Equal("soft", Assert.Throws<ArgumentException>(() => model.Embed(Ids(1, 4, 1), Tensor.Zeros(1, 2, 31), Tensor.From(new long[] { 0, 1 }, 1, 2))).ParamName);
        Assert.Equal("positions", Assert.Throws<ArgumentOutOfRangeException>(() => model.Embed(Ids(1, 4, 1), Tensor.Zeros(1, 2, 32), Tensor.From(new long[] { 0, 4 }, 1, 2))).ParamName);
    }

    [Fact]
    public void Constraints_reject_ids_outside_the_vocabulary_and_empty_sets()
    {
        using var scope = new DisposeScope();
        Assert.Equal("CodeIds", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageSpanConstraint(1, 2, 4, [Vocab + 3]).Start(Ids(1, 2, 1), Vocab)).ParamName);
        Assert.Equal("ids", Assert.Throws<ArgumentException>(() => new AllowedTokens([])).ParamName);
        Assert.Equal("codeIds", Assert.Throws<ArgumentException>(() => new ImageSpanConstraint(1, 2, 4, [1, 5])).ParamName);
    }
}

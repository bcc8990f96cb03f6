using UniCode.Kit.Language;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Language;

/// <summary>Language models small enough that a test runs in well under a second (d 32, 2 layers).</summary>
internal static class TinyLanguageModels
{
    public const int Vocab = 40;

    public static TheoryData<TransformerStyle> Styles() => [TransformerStyle.Gpt2, TransformerStyle.Llama];

    public static TransformerOptions Options(TransformerStyle style, ulong seed = 1, int context = 32)
    {
        var preset = style == TransformerStyle.Gpt2
            ? TransformerOptions.Gpt2(Vocab, dim: 32, layers: 2, heads: 4, context: context)
            : TransformerOptions.Llama(Vocab, dim: 32, layers: 2, heads: 4, context: context);
        return preset with { Seed = seed };
    }

    public static Transformer Model(TransformerStyle style, ulong seed = 1, int context = 32) => new(Options(style, seed, context));

    /// <summary>(B, T) random ids in [0, <see cref="Vocab"/>).</summary>
    public static Tensor Ids(int batch, int length, ulong seed)
    {
        using var generator = new Generator(seed);
        return Tensor.RandInt(0, Vocab, [batch, length], generator);
    }

    /// <summary>Makes every weight count: random-looking logits need weights larger than the initial 0.02.</summary>
    public static void Perturb(Transformer model, ulong seed, double std = 0.3)
    {
        using var generator = new Generator(seed);
        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        foreach (var parameter in model.Parameters())
        {
            parameter.AddInPlace(Tensor.Randn(parameter.Shape, generator) * std);
        }
    }
}

using UniCode.Torch;
using UniCode.Torch.NN;

namespace UniCode.Kit.Language;

/// <summary>x + attention(norm(x)), then x + mlp(norm(x)): the pre-norm block of GPT-2 and LLaMA.</summary>
public sealed class TransformerBlock : Module
{
    private readonly Module<Tensor, Tensor> attentionNorm;
    private readonly CausalSelfAttention attention;
    private readonly Module<Tensor, Tensor> mlpNorm;
    private readonly Module<Tensor, Tensor> mlp;

    /// <summary>Creates the block in the options' style.</summary>
    /// <param name="options">The model's shape.</param>
    /// <param name="layer">The block's index.</param>
    /// <param name="rotary">The shared rotary embedding (LLaMA style), or null.</param>
    /// <param name="generator">Seeds the projections.</param>
    public TransformerBlock(TransformerOptions options, int layer, RotaryEmbedding? rotary, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(options);
        attentionNorm = Norm(options);
        attention = new CausalSelfAttention(options, layer, rotary, generator);
        mlpNorm = Norm(options);
        mlp = options.Style == TransformerStyle.Gpt2 ? new GeluMlp(options, generator) : new SwiGluMlp(options, generator);
        RegisterComponents();
    }

    /// <summary>The normalisation of the style: LayerNorm (GPT-2) or RMSNorm (LLaMA).</summary>
    /// <param name="options">The model's shape.</param>
    internal static Module<Tensor, Tensor> Norm(TransformerOptions options) => options.Style == TransformerStyle.Gpt2
        ? new LayerNorm([options.Dim], options.NormEps, elementwiseAffine: true, hasBias: options.Bias)
        : new RMSNorm(options.Dim, options.NormEps);

    /// <summary>Runs the block on the new tokens.</summary>
    /// <param name="x">(B, T, d), the residual stream.</param>
    /// <param name="cache">The earlier tokens' keys and values, or null.</param>
    /// <returns>(B, T, d).</returns>
    public Tensor Forward(Tensor x, KvCache? cache)
    {
        x = x + attention.Forward(attentionNorm.Forward(x), cache);
        return x + mlp.Forward(mlpNorm.Forward(x));
    }
}

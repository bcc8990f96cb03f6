using UniCode.Kit.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>
/// The whole shape of the decoder-only language model, one option a line (nanoGPT's <c>GPTConfig</c>). The defaults
/// are DESIGN §5's kit-scale LM: d = 256, 6 layers, LLaMA style.
/// </summary>
public sealed record TransformerOptions : IOptions
{
    /// <summary>V, the number of token ids (the rows of the embedding table, which the Unified paradigm shares with
    /// the visual tokenizer as its codebook C_L).</summary>
    public int VocabSize { get; init; } = 1024;

    /// <summary>d, the width of the residual stream and of every token embedding.</summary>
    public int Dim { get; init; } = 256;

    /// <summary>The number of transformer blocks.</summary>
    public int Layers { get; init; } = 6;

    /// <summary>Attention heads; must divide <see cref="Dim"/> (each head has <see cref="HeadDim"/> = d / heads).</summary>
    public int Heads { get; init; } = 8;

    /// <summary>The longest sequence, in tokens, the model reads (cached tokens included).</summary>
    public int Context { get; init; } = 256;

    /// <summary>The MLP's hidden width over d: GELU MLPs are <c>MlpRatio · d</c> wide; SwiGLU MLPs take two thirds of
    /// that (rounded up to a multiple of 8) so both styles have about the same parameter count (LLaMA §2.2).</summary>
    public double MlpRatio { get; init; } = 4;

    /// <summary>GPT-2 (LayerNorm, learned positions, GELU) or LLaMA (RMSNorm, RoPE, SwiGLU).</summary>
    public TransformerStyle Style { get; init; } = TransformerStyle.Llama;

    /// <summary>Share the output head with the token embedding (logits = h Eᵀ, as GPT-2); false learns a separate
    /// [V, d] head (as LLaMA).</summary>
    public bool TiedHead { get; init; } = true;

    /// <summary>Learn biases in the projections (GPT-2 has them, LLaMA does not).</summary>
    public bool Bias { get; init; }

    /// <summary>The drop probability on the embeddings, the attention weights and each residual branch (training only).
    /// Its masks come from libtorch's global generator, not from <see cref="Seed"/>: seed that with
    /// <c>LibTorch.ManualSeed</c> for repeatable training.</summary>
    public double Dropout { get; init; }

    /// <summary>The normalisation's ε.</summary>
    public double NormEps { get; init; } = 1e-5;

    /// <summary>θ of the rotary embedding: head-dimension pair i turns by position · θ^(−2i / head_dim) (RoFormer).</summary>
    public double RopeBase { get; init; } = 10000;

    /// <summary>The standard deviation of the initial weights (GPT-2's 0.02); residual output projections take
    /// 0.02 / sqrt(2 · layers) so the residual stream's variance does not grow with depth (GPT-2 §2.3).</summary>
    public double InitStd { get; init; } = 0.02;

    /// <summary>Seeds the initial weights (and the LoRA matrices A).</summary>
    public ulong Seed { get; init; }

    /// <summary>LoRA on the projections, or null for none.</summary>
    public LoraOptions? Lora { get; init; }

    /// <summary>The width of one attention head, d / heads.</summary>
    public int HeadDim => Heads > 0 ? Dim / Heads : 0;

    /// <summary>The initial standard deviation of the projections that write into the residual stream (attention
    /// output, MLP down): <see cref="InitStd"/> / sqrt(2 · layers).</summary>
    public double ResidualInitStd => InitStd / Math.Sqrt(2.0 * Math.Max(1, Layers));

    /// <summary>The MLP's hidden width (see <see cref="MlpRatio"/>).</summary>
    public int MlpHidden => Style == TransformerStyle.Llama
        ? (int)Math.Ceiling(2.0 / 3.0 * MlpRatio * Dim / 8) * 8
        : (int)Math.Ceiling(MlpRatio * Dim);

    /// <summary>A GPT-2 style model: LayerNorm, learned positions, GELU MLP, biases, tied head.</summary>
    /// <param name="vocabSize">V.</param>
    /// <param name="dim">d.</param>
    /// <param name="layers">Blocks.</param>
    /// <param name="heads">Attention heads.</param>
    /// <param name="context">The longest sequence.</param>
    public static TransformerOptions Gpt2(int vocabSize, int dim = 256, int layers = 6, int heads = 8, int context = 256) =>
        new() { VocabSize = vocabSize, Dim = dim, Layers = layers, Heads = heads, Context = context, Style = TransformerStyle.Gpt2, Bias = true, TiedHead = true };

    /// <summary>A LLaMA style model: RMSNorm, RoPE, SwiGLU MLP, no biases, untied head.</summary>
    /// <param name="vocabSize">V.</param>
    /// <param name="dim">d.</param>
    /// <param name="layers">Blocks.</param>
    /// <param name="heads">Attention heads.</param>
    /// <param name="context">The longest sequence.</param>
    public static TransformerOptions Llama(int vocabSize, int dim = 256, int layers = 6, int heads = 8, int context = 256) =>
        new() { VocabSize = vocabSize, Dim = dim, Layers = layers, Heads = heads, Context = context, Style = TransformerStyle.Llama, Bias = false, TiedHead = false };

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(VocabSize, 2, nameof(VocabSize));
        OptionCheck.AtLeast(Dim, 1, nameof(Dim));
        OptionCheck.AtLeast(Layers, 1, nameof(Layers));
        OptionCheck.AtLeast(Heads, 1, nameof(Heads));
        if (Dim % Heads != 0)
        {
            throw new ArgumentException($"Heads ({Heads}) must divide Dim ({Dim}): each head takes Dim / Heads channels", nameof(Heads));
        }

        OptionCheck.AtLeast(Context, 1, nameof(Context));
        OptionCheck.Positive(MlpRatio, nameof(MlpRatio));
        OptionRules.Defined(Style, nameof(Style));
        if (Style == TransformerStyle.Llama && HeadDim % 2 != 0)
        {
            throw new ArgumentException($"RoPE turns pairs of channels, so Dim / Heads must be even; it is {Dim} / {Heads} = {HeadDim}", nameof(Heads));
        }

        OptionCheck.InRange(Dropout, 0, 1, nameof(Dropout), maxExclusive: true);
        OptionCheck.Positive(NormEps, nameof(NormEps));
        OptionCheck.Positive(RopeBase, nameof(RopeBase));
        OptionCheck.Positive(InitStd, nameof(InitStd));
        Lora?.Validate();
    }
}

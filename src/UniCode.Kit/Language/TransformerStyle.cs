namespace UniCode.Kit.Language;

/// <summary>The two decoder families the kit's language model can be built as.</summary>
public enum TransformerStyle
{
    /// <summary>GPT-2 (Radford et al. 2019): LayerNorm, learned absolute positions, GELU MLP.</summary>
    Gpt2,

    /// <summary>LLaMA (Touvron et al. 2023), the family of the paper's Vicuna-7B: RMSNorm, rotary positions (RoPE),
    /// SwiGLU MLP.</summary>
    Llama,
}

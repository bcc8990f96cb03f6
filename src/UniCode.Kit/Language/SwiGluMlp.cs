using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Language;

/// <summary>down(SiLU(gate(x)) ⊙ up(x)): LLaMA's gated MLP (SwiGLU, Shazeer 2020).</summary>
public sealed class SwiGluMlp : Module<Tensor, Tensor>
{
    private readonly LoraLinear gate;
    private readonly LoraLinear up;
    private readonly LoraLinear down;
    private readonly double dropout;

    /// <summary>Creates the MLP.</summary>
    /// <param name="options">The model's shape (d, hidden width, biases, LoRA).</param>
    /// <param name="generator">Seeds the projections.</param>
    public SwiGluMlp(TransformerOptions options, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lora = options.Lora is { Mlp: true } l ? l : null;
        gate = new LoraLinear(options.Dim, options.MlpHidden, options.Bias, options.InitStd, lora, generator);
        up = new LoraLinear(options.Dim, options.MlpHidden, options.Bias, options.InitStd, lora, generator);
        down = new LoraLinear(options.MlpHidden, options.Dim, options.Bias, options.ResidualInitStd, lora, generator);
        dropout = options.Dropout;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Dropout(down.Forward(gate.Forward(input).Silu() * up.Forward(input)), dropout, Training); // (B, T, d)
}

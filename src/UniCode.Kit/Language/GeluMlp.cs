using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Language;

/// <summary>down(GELU(up(x))): GPT-2's position-wise MLP.</summary>
public sealed class GeluMlp : Module<Tensor, Tensor>
{
    private readonly LoraLinear up;
    private readonly LoraLinear down;
    private readonly double dropout;

    /// <summary>Creates the MLP.</summary>
    /// <param name="options">The model's shape (d, hidden width, biases, LoRA).</param>
    /// <param name="generator">Seeds the projections.</param>
    public GeluMlp(TransformerOptions options, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lora = options.Lora is { Mlp: true } l ? l : null;
        up = new LoraLinear(options.Dim, options.MlpHidden, options.Bias, options.InitStd, lora, generator);
        down = new LoraLinear(options.MlpHidden, options.Dim, options.Bias, options.ResidualInitStd, lora, generator);
        dropout = options.Dropout;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Dropout(down.Forward(up.Forward(input).Gelu()), dropout, Training); // (B, T, d)
}

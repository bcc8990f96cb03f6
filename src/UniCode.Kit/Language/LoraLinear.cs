using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Language;

/// <summary>
/// y = x Wᵀ + b + (α / r) (x Aᵀ) Bᵀ: a linear projection with an optional low-rank update (LoRA, Hu et al. 2021).
/// B starts at zero, so the layer starts as the plain projection; <see cref="Merge"/> folds the update into W.
/// Without LoRA options it is a plain linear layer.
/// </summary>
public sealed class LoraLinear : Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private readonly Parameter? loraA;
    private readonly Parameter? loraB;

    /// <summary>Creates the projection with W ~ N(0, <paramref name="std"/>²) and b = 0.</summary>
    /// <param name="inFeatures">Input width.</param>
    /// <param name="outFeatures">Output width.</param>
    /// <param name="hasBias">Whether to learn b.</param>
    /// <param name="std">The standard deviation of W's initial values.</param>
    /// <param name="lora">The low-rank update's rank and α, or null for none.</param>
    /// <param name="generator">Seeds W and A.</param>
    public LoraLinear(long inFeatures, long outFeatures, bool hasBias, double std, LoraOptions? lora, Generator? generator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inFeatures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outFeatures, 1);
        lora?.Validate();
        (InFeatures, OutFeatures, Lora) = (inFeatures, outFeatures, lora);
        using var scope = new DisposeScope();
        weight = new Parameter(Init.Normal(Tensor.Empty([outFeatures, inFeatures]), 0, std, generator));
        bias = hasBias ? new Parameter(Tensor.Zeros([outFeatures])) : null;
        if (lora is not null)
        {
            // A as PyTorch initialises a Linear(in, r); B zero, so B A = 0 at the start (LoRA §4.1).
            loraA = new Parameter(Init.KaimingUniform(Tensor.Empty([lora.Rank, inFeatures]), inFeatures, generator: generator));
            loraB = new Parameter(Tensor.Zeros([outFeatures, lora.Rank]));
        }

        RegisterComponents();
    }

    /// <summary>Input width.</summary>
    public long InFeatures { get; }

    /// <summary>Output width.</summary>
    public long OutFeatures { get; }

    /// <summary>The low-rank update's options, or null when the layer has none.</summary>
    public LoraOptions? Lora { get; }

    /// <summary>W: [out, in].</summary>
    public Parameter Weight => weight;

    /// <summary>b: [out], or null.</summary>
    public Parameter? Bias => bias;

    /// <summary>A: [r, in], or null without LoRA.</summary>
    public Parameter? LoraA => loraA;

    /// <summary>B: [out, r], or null without LoRA.</summary>
    public Parameter? LoraB => loraB;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var y = F.Linear(input, weight, bias);
        if (loraA is null || loraB is null)
        {
            return y;
        }

        // (..., in) -> (..., r) -> (..., out)
        var update = F.Linear(F.Linear(input, loraA), loraB);
        return y + (update * Lora!.Scale);
    }

    /// <summary>
    /// W ← W + (α / r) B A, then B ← 0: the layer computes the same function with the update folded into W, and a
    /// further LoRA phase starts again from the identity. Does nothing without LoRA.
    /// </summary>
    public void Merge()
    {
        if (loraA is null || loraB is null)
        {
            return;
        }

        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        weight.AddInPlace(loraB.MatMul(loraA), Lora!.Scale); // (out, r) @ (r, in) -> (out, in)
        loraB.ZeroInPlace();
    }

    /// <inheritdoc/>
    protected override string ExtraRepresentation() =>
        $"in={InFeatures}, out={OutFeatures}, bias={bias is not null}" + (Lora is null ? string.Empty : $", lora_rank={Lora.Rank}, lora_alpha={Lora.Alpha}");
}

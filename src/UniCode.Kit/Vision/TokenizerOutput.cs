using UniCode.Torch;

namespace UniCode.Kit.Vision;

/// <summary>One training forward pass of a visual tokenizer.</summary>
/// <param name="Reconstruction">D(Z) as pixels [B, C, H, W] on the input's [0, 1] scale (not clamped, so the loss sees
/// the decoder's raw output).</param>
/// <param name="Codes">The code map M^.</param>
/// <param name="ReconstructionLoss">The weighted L1 + MSE pixel loss (on the [-1, 1] scale), a scalar.</param>
/// <param name="QuantizerLoss">Commitment (and, for a trained codebook, codebook) losses over every layer, a scalar.</param>
public sealed record TokenizerOutput(Tensor Reconstruction, CodeMap Codes, Tensor ReconstructionLoss, Tensor QuantizerLoss)
{
    /// <summary>The loss to minimise: a new scalar, ReconstructionLoss + QuantizerLoss.</summary>
    public Tensor TotalLoss() => ReconstructionLoss + QuantizerLoss;
}

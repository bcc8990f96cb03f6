using UniCode.Torch;

namespace UniCode.Kit.Vision.Quantization;

/// <summary>What one quantization of a feature map gives.</summary>
/// <param name="Quantized">Z, the quantized features [B, n, h, w], with the straight-through gradient: forward it is
/// e(M), backward it passes the gradient to the encoder's features unchanged.</param>
/// <param name="Codes">The code map M [B, h, w] (int64 ids in [0, K)).</param>
/// <param name="CommitmentLoss">β ||z − sg(e(M))||², a scalar (mean over elements).</param>
/// <param name="CodebookLoss">||sg(z) − e(M)||², a scalar; zero for an EMA codebook, which learns without it.</param>
/// <param name="EntropyLoss">w (mean_i H(p_i) − H(mean_i p_i)), a scalar; zero unless
/// <see cref="VectorQuantizerOptions.EntropyWeight"/> is set and the quantizer is training.</param>
public sealed record QuantizerOutput(Tensor Quantized, Tensor Codes, Tensor CommitmentLoss, Tensor CodebookLoss, Tensor EntropyLoss)
{
    /// <summary>The quantizer's part of the training loss.</summary>
    public Tensor Loss => CommitmentLoss + CodebookLoss + EntropyLoss;
}

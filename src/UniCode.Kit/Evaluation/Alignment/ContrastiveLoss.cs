using UniCode.Torch;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Evaluation.Alignment;

/// <summary>CLIP's training objective (Radford et al. 2021; InfoNCE, van den Oord et al. 2018).</summary>
public static class ContrastiveLoss
{
    /// <summary>
    /// The symmetric InfoNCE loss of a batch of matching pairs: the mean of the cross-entropy that picks each image's
    /// caption among the batch's captions (rows) and each caption's image among the batch's images (columns).
    /// </summary>
    /// <param name="logits">[B, B] pair logits whose diagonal holds the matching pairs.</param>
    public static Tensor SymmetricInfoNce(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var shape = logits.Shape;
        if (shape.Length != 2 || shape[0] != shape[1])
        {
            throw new ArgumentException($"InfoNCE needs square [B, B] logits, not [{string.Join(", ", shape)}]", nameof(logits));
        }

        var targets = Tensor.Arange(shape[0]);
        return (F.CrossEntropy(logits, targets) + F.CrossEntropy(logits.T, targets)) * 0.5;
    }
}

using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Reconstruction;

/// <summary>The shape checks of the image-pair metrics.</summary>
internal static class ImagePair
{
    public static void Check(Tensor reconstruction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(reconstruction);
        ArgumentNullException.ThrowIfNull(target);
        var (a, b) = (reconstruction.Shape, target.Shape);
        if (a.Length != 4 || !a.SequenceEqual(b))
        {
            throw new ArgumentException(
                $"image metrics compare two [B, C, H, W] batches of one shape, not [{string.Join(", ", a)}] and [{string.Join(", ", b)}]");
        }
    }
}

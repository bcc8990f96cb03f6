using UniCode.Torch;

namespace UniCode.Kit.Vision.Adversarial;

/// <summary>The hinge GAN losses of VQ-GAN, and its adaptive weight.</summary>
public static class HingeLoss
{
    /// <summary>The discriminator's loss: mean(relu(1 − D(x))) + mean(relu(1 + D(x̂))), halved as in taming-transformers.</summary>
    /// <param name="realLogits">D(x).</param>
    /// <param name="fakeLogits">D(x̂) (computed from a detached reconstruction).</param>
    public static Tensor Discriminator(Tensor realLogits, Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        return ((1 - realLogits).Relu().Mean() + (1 + fakeLogits).Relu().Mean()) * 0.5;
    }

    /// <summary>The generator's (tokenizer's) loss: −mean(D(x̂)).</summary>
    /// <param name="fakeLogits">D(x̂).</param>
    public static Tensor Generator(Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        return -fakeLogits.Mean();
    }

    /// <summary>
    /// λ = ||∇_w L_rec|| / (||∇_w L_GAN|| + 1e-4), clamped to [0, <paramref name="max"/>], with w the decoder's last
    /// layer: the GAN term then pulls on that layer about as hard as the reconstruction does. Both losses' graphs are kept.
    /// </summary>
    /// <param name="reconstructionLoss">L_rec (a scalar with a graph through <paramref name="lastLayer"/>).</param>
    /// <param name="ganLoss">L_GAN (likewise).</param>
    /// <param name="lastLayer">The decoder's last weight.</param>
    /// <param name="max">The clamp.</param>
    public static double AdaptiveWeight(Tensor reconstructionLoss, Tensor ganLoss, Tensor lastLayer, double max = 1e4)
    {
        using var scope = new DisposeScope();
        var rec = Autograd.Grad([reconstructionLoss], [lastLayer], retainGraph: true)[0]!;
        var gan = Autograd.Grad([ganLoss], [lastLayer], retainGraph: true)[0]!;
        var weight = rec.Norm().Item<float>() / (gan.Norm().Item<float>() + 1e-4);
        return Math.Clamp(double.IsFinite(weight) ? weight : 0, 0, max);
    }
}

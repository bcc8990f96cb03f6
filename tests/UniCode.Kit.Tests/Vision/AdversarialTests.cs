using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Adversarial;
using UniCode.Kit.Vision.Tokenizers;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Vision;

public sealed class AdversarialTests
{
    [Fact]
    public void Hinge_losses_follow_their_definitions()
    {
        using var scope = new DisposeScope();
        var real = Tensor.FromArray(new float[] { 2, 0.5f, -1 });
        var fake = Tensor.FromArray(new float[] { -2, 0.5f, 1 });
        // relu(1 - real) = [0, 0.5, 2] (mean 5/6); relu(1 + fake) = [0, 1.5, 2] (mean 7/6); halved: 1.
        Assert.Equal(1.0, HingeLoss.Discriminator(real, fake).Item<float>(), 5);
        Assert.Equal(0.5f / 3, HingeLoss.Generator(fake).Item<float>(), 5); // -mean([-2, 0.5, 1])
    }

    [Fact]
    public void The_adaptive_weight_is_the_ratio_of_the_two_gradient_norms()
    {
        using var scope = new DisposeScope();
        var w = Tensor.FromArray(new float[] { 1, 2 }).RequiresGradInPlace();
        var rec = (w * 3).Sum();   // gradient [3, 3], norm 3√2
        var gan = (w * 4).Sum();   // gradient [4, 4], norm 4√2
        Assert.Equal(0.75, HingeLoss.AdaptiveWeight(rec, gan, w), 3);
        Assert.Equal(0.5, HingeLoss.AdaptiveWeight(rec, gan, w, max: 0.5), 6);
    }

    [Fact]
    public void The_patch_discriminator_gives_one_logit_per_patch()
    {
        using var scope = new DisposeScope();
        using var discriminator = new PatchDiscriminator(3, 8);
        Assert.Equal(new long[] { 2, 1, 6, 6 }, discriminator.Forward(Tensor.Zeros(2, 3, 32, 32)).Shape);
    }

    [Fact]
    public void Vq_gan_defaults_have_the_discriminator_on_after_its_start_step()
    {
        var options = (VqGanOptions)VisualTokenizers.Defaults(TokenizerKind.VqGan);
        Assert.True(options.Adversarial.Enabled);
        Assert.Throws<ArgumentOutOfRangeException>(() => (options with { Adversarial = options.Adversarial with { Weight = -1 } }).Validate());
    }
}

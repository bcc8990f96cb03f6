using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Vision.Adversarial;
using UniCode.Kit.Vision.Tokenizers;
using UniCode.Torch;
using UniCode.Torch.Optim;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Training.Tokenizers;

/// <summary>
/// VQ-GAN's adversarial half inside a tokenizer's training step: from <see cref="AdversarialOptions.StartStep"/> on,
/// the tokenizer's loss gains λ·w·L_GAN (λ the adaptive weight) and, if asked, the perceptual term; after the
/// tokenizer's update the patch discriminator takes one hinge-loss step.
/// </summary>
internal sealed class AdversarialTraining : IDisposable
{
    private readonly VqGan tokenizer;
    private readonly FeatureCnn? perceptualNet;
    private readonly AdamW optimizer;

    public AdversarialTraining(VqGan tokenizer, FeatureCnn? perceptualNet, ulong seed)
    {
        this.tokenizer = tokenizer;
        this.perceptualNet = perceptualNet;
        Options = tokenizer.Adversarial;
        using var generator = new Generator(seed + 1);
        Discriminator = new PatchDiscriminator(tokenizer.ImageChannels, Options.Width, generator);
        optimizer = new AdamW(Discriminator.Parameters(), new AdamWOptions { LearningRate = Options.LearningRate, Beta1 = 0.5, Beta2 = 0.9, WeightDecay = 0 });
        if (Options.PerceptualWeight > 0 && perceptualNet is null)
        {
            throw new ArgumentException("the perceptual term needs the feature net (pass it to the trainer)", nameof(perceptualNet));
        }
    }

    public AdversarialOptions Options { get; }

    public PatchDiscriminator Discriminator { get; }

    public Optimizer DiscriminatorOptimizer => optimizer;

    /// <summary>The extra generator-side loss for this step (null before the start step and without perception).</summary>
    /// <param name="step">The step.</param>
    /// <param name="images">x, [0, 1].</param>
    /// <param name="reconstruction">x̂, [0, 1], with its graph.</param>
    /// <param name="reconstructionLoss">L_rec, with its graph (for the adaptive weight).</param>
    public Tensor? GeneratorLoss(int step, Tensor images, Tensor reconstruction, Tensor reconstructionLoss)
    {
        Tensor? loss = null;
        if (Options.PerceptualWeight > 0)
        {
            loss = F.MseLoss(perceptualNet!.Features(reconstruction), perceptualNet.Features(images).Detach()) * Options.PerceptualWeight;
        }

        if (step >= Options.StartStep && Options.Weight > 0)
        {
            var gan = HingeLoss.Generator(Discriminator.Forward(Signed(reconstruction)));
            var lambda = HingeLoss.AdaptiveWeight(reconstructionLoss, gan, tokenizer.DecoderLastLayer, Options.MaxAdaptiveWeight);
            var term = gan * (lambda * Options.Weight);
            loss = loss is null ? term : loss + term;
        }

        return loss;
    }

    /// <summary>One discriminator step on real images and detached reconstructions (from the start step on).</summary>
    public void DiscriminatorStep(int step, Tensor images, Tensor reconstruction)
    {
        if (step < Options.StartStep)
        {
            return;
        }

        using var scope = new DisposeScope();
        var loss = HingeLoss.Discriminator(Discriminator.Forward(Signed(images)), Discriminator.Forward(Signed(reconstruction.Detach())));
        optimizer.ZeroGrad();
        loss.Backward();
        optimizer.Step();
    }

    public void Dispose()
    {
        optimizer.Dispose();
        Discriminator.Dispose();
    }

    private static Tensor Signed(Tensor images) => (images * 2) - 1;
}

using UniCode.Torch;

namespace UniCode.Kit.Vision.Adversarial;

/// <summary>
/// VQ-GAN's adversarial and perceptual terms (Esser et al. 2021). No pretrained VGG exists here, so there is no LPIPS:
/// the perceptual term compares the kit's own feature CNN's features of the image and its reconstruction.
/// </summary>
public sealed record AdversarialOptions : IOptions
{
    /// <summary>Train a patch discriminator and add its hinge loss to the tokenizer's.</summary>
    public bool Enabled { get; init; }

    /// <summary>The first training step at which the adversarial term is on (before it the discriminator waits, as
    /// in taming-transformers' <c>disc_start</c>).</summary>
    public int StartStep { get; init; } = 200;

    /// <summary>The discriminator's weight, multiplied by the adaptive weight ||∇L_rec|| / ||∇L_GAN||.</summary>
    public double Weight { get; init; } = 0.1;

    /// <summary>The adaptive weight is clamped to [0, this].</summary>
    public double MaxAdaptiveWeight { get; init; } = 1e4;

    /// <summary>Channels of the discriminator's first layer (then 2x and 4x).</summary>
    public int Width { get; init; } = 32;

    /// <summary>The discriminator's Adam learning rate.</summary>
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>Weight of the perceptual term ||φ(x̂) − φ(x)||² on the feature CNN's features (0: off).</summary>
    public double PerceptualWeight { get; init; }

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(StartStep, 0, nameof(StartStep));
        OptionCheck.NonNegative(Weight, nameof(Weight));
        OptionCheck.Positive(MaxAdaptiveWeight, nameof(MaxAdaptiveWeight));
        OptionCheck.AtLeast(Width, 4, nameof(Width));
        if (Width % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), Width, "Width must be a multiple of 4 (GroupNorm uses 4 groups)");
        }

        OptionCheck.Positive(LearningRate, nameof(LearningRate));
        OptionCheck.NonNegative(PerceptualWeight, nameof(PerceptualWeight));
    }
}

using UniCode.Kit.Configuration;
using UniCode.Kit.Text;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Alignment;

/// <summary>
/// The shape and training of <see cref="TinyClip"/>, the kit's CLIP analogue (Radford et al. 2021) for the
/// CLIP-score of text-conditioned samples. A trained model is cached under the hash of these options, so
/// <see cref="Dataset"/> must name the captioned images it is trained on.
/// </summary>
public sealed record TinyClipOptions : IOptions
{
    /// <summary>The captioned dataset it learns (part of the cache key), e.g. "emoji" or "shapes".</summary>
    public string Dataset { get; init; } = "shapes";

    /// <summary>Image channels.</summary>
    public int ImageChannels { get; init; } = 3;

    /// <summary>Image side (square), pixels.</summary>
    public int ImageSize { get; init; } = 32;

    /// <summary>Channels of the image encoder's first convolution (then 2x and 4x).</summary>
    public int ImageWidth { get; init; } = 32;

    /// <summary>The width of token embeddings and of the text encoder's hidden layer.</summary>
    public int TextWidth { get; init; } = 128;

    /// <summary>The dimension of the joint embedding space both projection heads map into.</summary>
    public int EmbeddingDim { get; init; } = 64;

    /// <summary>The BPE vocabulary trained on the captions (at least the 256 bytes and the kit's special tokens).</summary>
    public int VocabularySize { get; init; } = 512;

    /// <summary>Tokens read per caption; longer captions are cut.</summary>
    public int MaxTokens { get; init; } = 48;

    /// <summary>The softmax temperature τ the learned logit scale starts from (CLIP: 0.07; the scale 1/τ is capped at 100).</summary>
    public double InitialTemperature { get; init; } = 0.07;

    /// <summary>Training steps.</summary>
    public int Steps { get; init; } = 1500;

    /// <summary>Image-caption pairs per step (each pair's negatives are the batch's other captions and images).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>AdamW's learning rate.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Seeds the weights and the batch order.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The recipe of a profile: Smoke (seconds, a narrow model and 120 steps: only proves the path), Quick (minutes on
    /// two cores) or Paper (wider, longer: meant for a GPU).
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="dataset">The captioned dataset's name (the cache key).</param>
    /// <param name="imageChannels">Its channels.</param>
    /// <param name="imageSize">Its image side.</param>
    public static TinyClipOptions For(Profile profile, string dataset, int imageChannels = 3, int imageSize = 32)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new TinyClipOptions
        {
            Dataset = dataset,
            ImageChannels = imageChannels,
            ImageSize = imageSize,
            ImageWidth = profile.Pick(8, 32, 64),
            TextWidth = profile.Pick(32, 128, 256),
            EmbeddingDim = profile.Pick(32, 64, 128),
            VocabularySize = profile.Pick(320, 512, 1024),
            Steps = profile.Pick(120, 1500, 6000),
            BatchSize = profile.Pick(32, 64, 128),
            LearningRate = profile.Pick(3e-3, 2e-3, 1e-3),
        };
    }

    /// <inheritdoc/>
    public void Validate()
    {
        OptionRules.NotBlank(Dataset, nameof(Dataset));
        OptionRules.Channels(ImageChannels, nameof(ImageChannels));
        OptionCheck.AtLeast(ImageSize, 8, nameof(ImageSize));
        OptionCheck.AtLeast(ImageWidth, 4, nameof(ImageWidth));
        if (ImageWidth % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ImageWidth), ImageWidth, $"{nameof(ImageWidth)} must be a multiple of 4 (GroupNorm uses 4 groups)");
        }

        OptionCheck.AtLeast(TextWidth, 4, nameof(TextWidth));
        OptionCheck.AtLeast(EmbeddingDim, 2, nameof(EmbeddingDim));
        OptionCheck.AtLeast(VocabularySize, BpeTokenizer.ByteTokenCount + SpecialTokens.Reserved.Count, nameof(VocabularySize));
        OptionCheck.InRange(MaxTokens, 2, 4096, nameof(MaxTokens));
        OptionCheck.InRange(InitialTemperature, 0.01, 1, nameof(InitialTemperature));
        OptionCheck.AtLeast(Steps, 1, nameof(Steps));
        OptionCheck.AtLeast(BatchSize, 2, nameof(BatchSize));
        OptionCheck.Positive(LearningRate, nameof(LearningRate));
    }
}

using UniCode.Kit.Configuration;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;
using UniCode.Kit.Vision.Tokenizers;
using UniCode.Torch;

namespace UniCode.Kit.Training.Tokenizers;

/// <summary>
/// Everything that determines a trained tokenizer: variant, paradigm, data, training and C_L. Its
/// <see cref="ConfigHash"/> names the cached artifact, so two experiments asking for the same recipe share it.
/// </summary>
public sealed record TokenizerRecipe : IOptions
{
    /// <summary>The variant.</summary>
    public TokenizerKind Kind { get; init; } = TokenizerKind.HqVae;

    /// <summary>The image dataset (a name of DatasetCatalog: fashion-mnist, emoji, shapes).</summary>
    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>The training image side, pixels.</summary>
    public int ImageSize { get; init; } = 32;

    /// <summary>How many training images (a seeded stratified subset); 0 takes them all.</summary>
    public int TrainImages { get; init; }

    /// <summary>How many test images the report measures.</summary>
    public int TestImages { get; init; } = 2000;

    /// <summary>Steps, optimiser and paradigm.</summary>
    public TokenizerTrainingOptions Training { get; init; } = new();

    /// <summary>C_L (its K and n are the codebook's, whatever the paradigm, so that Separate has a same-sized twin).</summary>
    public LanguageCodebookSource Language { get; init; } = new();

    /// <summary>Images the tokenizer trains on beyond the training split (Table 2), or null for the split alone.</summary>
    [OmitWhenNull]
    public ExtraTrainingImages? ExtraImages { get; init; }

    /// <summary>The base width of the encoder and decoder (channels of their first stage), or null for the variant's
    /// default (Table 2's larger visual encoder).</summary>
    [OmitWhenNull]
    public int? NetworkWidth { get; init; }

    /// <summary>Training steps of the feature net behind rFID (0: no rFID).</summary>
    public int FeatureNetSteps { get; init; } = 800;

    /// <summary>
    /// Weight of the quantizer's code-entropy term (<see cref="Vision.Quantization.VectorQuantizerOptions.EntropyWeight"/>);
    /// null takes the paradigm's default, <see cref="DefaultCodeEntropyWeight"/>.
    /// </summary>
    public double? CodeEntropyWeight { get; init; }

    /// <summary>The paradigm (a shortcut for <c>Training.Codebook.Paradigm</c>).</summary>
    public CodebookParadigm Paradigm => Training.Codebook.Paradigm;

    /// <summary>The kit's recipe for a profile: Smoke runs in seconds, Quick in minutes on two cores, Paper is the largest
    /// faithful setting.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="kind">The variant.</param>
    /// <param name="paradigm">The codebook paradigm.</param>
    /// <param name="dataset">The dataset.</param>
    public static TokenizerRecipe For(Profile profile, TokenizerKind kind, CodebookParadigm paradigm, string dataset = "fashion-mnist")
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new TokenizerRecipe
        {
            Kind = kind,
            Dataset = dataset,
            TrainImages = profile.Pick(smoke: 256, quick: 0, paper: 0),
            TestImages = profile.Pick(smoke: 64, quick: 2000, paper: 10000),
            FeatureNetSteps = profile.Pick(smoke: 20, quick: 800, paper: 3000),
            Training = new TokenizerTrainingOptions
            {
                Steps = profile.Pick(smoke: 8, quick: 600, paper: 20000),
                BatchSize = profile.Pick(smoke: 16, quick: 32, paper: 128),
                WarmupSteps = profile.Pick(smoke: 2, quick: 50, paper: 500),
                CheckpointEvery = profile.Pick(smoke: 4, quick: 150, paper: 1000),
                Codebook = new CodebookOptions { Paradigm = paradigm },
            },
        };
    }

    /// <summary>
    /// The code-entropy weight a paradigm trains with by default: 0.02 where the codebook is fixed at s·C_L (Frozen,
    /// and Iterative once its ramp reaches C_L), because there a dead code cannot be restarted and usage collapses
    /// (HQ-VAE Frozen at Quick: 18% of codes without it, 61% with it); 0 for Separate and Dual, whose dead-code
    /// restart keeps usage near 100%.
    /// </summary>
    /// <param name="paradigm">The paradigm.</param>
    public static double DefaultCodeEntropyWeight(CodebookParadigm paradigm) =>
        paradigm is CodebookParadigm.Frozen or CodebookParadigm.Iterative ? 0.02 : 0;

    /// <summary>The code-entropy weight this recipe trains with (<see cref="CodeEntropyWeight"/> or the paradigm's default).</summary>
    public double EffectiveCodeEntropyWeight => CodeEntropyWeight ?? DefaultCodeEntropyWeight(Paradigm);

    /// <inheritdoc/>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown tokenizer kind");
        }

        if (string.IsNullOrWhiteSpace(Dataset))
        {
            throw new ArgumentException("Dataset must name an image dataset", nameof(Dataset));
        }

        OptionCheck.AtLeast(ImageSize, 8, nameof(ImageSize));
        OptionCheck.AtLeast(TrainImages, 0, nameof(TrainImages));
        OptionCheck.AtLeast(TestImages, 2, nameof(TestImages));
        OptionCheck.AtLeast(FeatureNetSteps, 0, nameof(FeatureNetSteps));
        OptionCheck.NonNegative(EffectiveCodeEntropyWeight, nameof(CodeEntropyWeight));
        (Training ?? throw new ArgumentNullException(nameof(Training))).Validate();
        (Language ?? throw new ArgumentNullException(nameof(Language))).Validate();
        ExtraImages?.Validate();
        if (ExtraImages is { GeneratedScenes: > 0 } && Dataset != "shapes")
        {
            throw new ArgumentException($"'{Dataset}' is not generated, so it has no extra scenes; ExtraImages.GeneratedScenes needs shapes", nameof(ExtraImages));
        }

        if (NetworkWidth is { } width)
        {
            OptionCheck.AtLeast(width, 8, nameof(NetworkWidth));
        }
    }

    /// <summary>
    /// The tokenizer options of this recipe: the kind's defaults with the dataset's channels, C_L's shape and
    /// <see cref="NetworkWidth"/>; VQ-GAN's
    /// discriminator starts halfway through training; the quantizer takes <see cref="EffectiveCodeEntropyWeight"/>.
    /// </summary>
    /// <param name="channels">The dataset's image channels.</param>
    /// <param name="codebookSize">K of C_L.</param>
    /// <param name="codeDim">n of C_L.</param>
    public ITokenizerOptions TokenizerOptions(int channels, int codebookSize, int codeDim)
    {
        var options = VisualTokenizers.Defaults(Kind, channels, codebookSize, codeDim);
        options = options.With(options.Network with { Width = NetworkWidth ?? options.Network.Width }, options.Quantizer with { EntropyWeight = EffectiveCodeEntropyWeight });
        return options is VqGanOptions vq ? vq with { Adversarial = vq.Adversarial with { StartStep = Training.Steps / 2 } } : options;
    }

    /// <summary>This recipe under another codebook paradigm (everything else equal: the paradigm's twin).</summary>
    /// <param name="paradigm">The paradigm.</param>
    public TokenizerRecipe WithParadigm(CodebookParadigm paradigm) =>
        this with { Training = Training with { Codebook = Training.Codebook with { Paradigm = paradigm } } };

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Kind}/{Paradigm} on {Dataset} {ImageSize}x{ImageSize}, {Training.Steps} steps of {Training.BatchSize}"
        + (ExtraImages is { GeneratedScenes: > 0 } extra ? $", + {extra.GeneratedScenes} generated scenes" : string.Empty)
        + (ExtraImages is { TestImages: true } ? ", + the test images" : string.Empty)
        + (NetworkWidth is { } width ? $", width {width}" : string.Empty);
}

using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Language;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Multimodal.Tasks;
using UniCode.Kit.Training.Language;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;
using UniCode.Torch;

namespace UniCode.Kit.Training.Multimodal;

/// <summary>
/// Everything that determines a trained MLLM: the pre-trained language model, the visual tokenizer (whose C_L is that
/// LM's embedding table under the Unified paradigm), the MLLM paradigm, and Stage II's task mixture and tuning. Its
/// <see cref="ConfigHash"/> names the cached <c>mllm</c> artifact; the LM and the tokenizer are artifacts of their
/// own, shared with every other recipe that names them.
/// </summary>
public sealed record MllmRecipe : IOptions
{
    /// <summary>The artifact kind.</summary>
    public const string ArtifactKind = "mllm";

    /// <summary>The tuned weights' file name (the MLLM's state dict: the LM, and the projector where there is one).</summary>
    public const string FileName = "mllm.safetensors";

    /// <summary>How images enter the LM.</summary>
    public MllmParadigm Paradigm { get; init; } = MllmParadigm.Unified;

    /// <summary>The pre-trained language model.</summary>
    public LanguageModelRecipe Language { get; init; } = new();

    /// <summary>The visual tokenizer. Under Unified its codebook paradigm must be Frozen, Dual or Iterative, and its C_L
    /// is replaced by the LM's embedding table; under SeparateVocab and Projector it must be Separate.</summary>
    public TokenizerRecipe Tokenizer { get; init; } = new() { Training = new TokenizerTrainingOptions { Codebook = new CodebookOptions { Paradigm = CodebookParadigm.Iterative } } };

    /// <summary>Stage II's tasks on the tokenizer's dataset, with weights.</summary>
    public IReadOnlyList<TaskWeight> Tasks { get; init; } = [new(TaskKind.Vqa, 1)];

    /// <summary>Only these kinds of the dataset's questions (null: all of them).</summary>
    public IReadOnlyList<QuestionKind>? QuestionKinds { get; init; }

    /// <summary>The most of a scene's questions one VQA example asks, as turns of one dialogue about the image (LLaVA's
    /// conversations); null asks one per example. Left out of the hash while null, so recipes without it keep their artifacts.</summary>
    [OmitWhenNull]
    public int? QuestionsPerDialogue { get; init; }

    /// <summary>T of segmented decompression.</summary>
    public int DecompressionSegments { get; init; } = 4;

    /// <summary>The class of unconditional generation (the LSUN analogue).</summary>
    public int UnconditionalClass { get; init; }

    /// <summary>Stage I: the tokenizer trained together with the LM over one table (Unified only), or null to train
    /// the tokenizer alone against the pre-trained LM's table.</summary>
    public StageOneOptions? StageOne { get; init; }

    /// <summary>Stage II's steps and optimiser, full or LoRA.</summary>
    public InstructionTuningOptions Tuning { get; init; } = new();

    /// <summary>The kit's recipe for a profile: an HQ-VAE tokenizer under Iterative on Shapes, and Stage II on Shapes
    /// questions, captions and text-to-image. Smoke runs in seconds (16x16 images, a 2-layer LM); Quick in minutes.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="paradigm">The MLLM paradigm.</param>
    /// <param name="kind">The tokenizer variant.</param>
    /// <param name="codebook">The codebook paradigm under Unified (the others use Separate).</param>
    /// <param name="dataset">The tokenizer's and the tasks' dataset.</param>
    public static MllmRecipe For(
        Profile profile, MllmParadigm paradigm = MllmParadigm.Unified, TokenizerKind kind = TokenizerKind.HqVae,
        CodebookParadigm codebook = CodebookParadigm.Iterative, string dataset = "shapes")
    {
        ArgumentNullException.ThrowIfNull(profile);
        var tokenizer = TokenizerRecipe.For(profile, kind, paradigm == MllmParadigm.Unified ? codebook : CodebookParadigm.Separate, dataset);
        tokenizer = tokenizer with { ImageSize = profile.Pick(smoke: 16, quick: 32, paper: 32) };
        TaskWeight[] tasks = dataset == "shapes"
            ? [new(TaskKind.Vqa, 1), new(TaskKind.Caption, 0.25), new(TaskKind.TextToImage, 0.5)]
            : [new(TaskKind.Vqa, 0.5), new(TaskKind.ClassToImage, 1), new(TaskKind.Unconditional, 0.25)];
        return new MllmRecipe
        {
            Paradigm = paradigm,
            Language = LanguageModelRecipe.For(profile),
            Tokenizer = tokenizer,
            StageOne = paradigm == MllmParadigm.Unified
                ? new StageOneOptions { LanguageBatchSize = profile.Pick(smoke: 4, quick: 8, paper: 16), LanguageBlockSize = profile.Pick(smoke: 64, quick: 128, paper: 256) }
                : null,
            Tasks = paradigm == MllmParadigm.Projector ? [.. tasks.Where(t => t.Task is TaskKind.Vqa or TaskKind.Caption)] : tasks,
            Tuning = new InstructionTuningOptions
            {
                Steps = profile.Pick(smoke: 60, quick: 800, paper: 5000),
                BatchSize = profile.Pick(smoke: 8, quick: 16, paper: 32),
                LearningRate = profile.Pick(smoke: 3e-3, quick: 1e-3, paper: 5e-4),
                WarmupSteps = profile.Pick(smoke: 5, quick: 50, paper: 200),
                CheckpointEvery = profile.Pick(smoke: 30, quick: 200, paper: 1000),
            },
        };
    }

    /// <summary>
    /// This recipe with in-context image decompression added to Stage II (paper Eq. 4 and 5, Table 5's "w/ ImgDe"):
    /// half of <paramref name="weight"/> on the whole code map from Ẑ, half on its segmented multi-turn form. The
    /// steps stay the same, so the other tasks get a smaller share of them.
    /// </summary>
    /// <param name="weight">The two tasks' combined weight beside the recipe's own tasks.</param>
    public MllmRecipe WithDecompression(double weight = 0.5)
    {
        OptionCheck.Positive(weight, nameof(weight));
        return this with { Tasks = [.. Tasks, new(TaskKind.Decompression, weight / 2), new(TaskKind.SegmentedDecompression, weight / 2)] };
    }

    /// <inheritdoc/>
    public void Validate()
    {
        if (!Enum.IsDefined(Paradigm))
        {
            throw new ArgumentOutOfRangeException(nameof(Paradigm), Paradigm, "unknown MLLM paradigm");
        }

        (Language ?? throw new ArgumentNullException(nameof(Language))).Validate();
        (Tokenizer ?? throw new ArgumentNullException(nameof(Tokenizer))).Validate();
        (Tuning ?? throw new ArgumentNullException(nameof(Tuning))).Validate();
        OptionCheck.AtLeast(DecompressionSegments, 1, nameof(DecompressionSegments));
        OptionCheck.AtLeast(UnconditionalClass, 0, nameof(UnconditionalClass));
        if (QuestionsPerDialogue is { } questions)
        {
            // Each turn is about 20 tokens beside the image's codes; more than 12 would not fit the LM's context at Quick.
            OptionCheck.InRange(questions, 1, 12, nameof(QuestionsPerDialogue));
        }
        if (Tasks is null || Tasks.Count == 0)
        {
            throw new ArgumentException("Stage II needs at least one task", nameof(Tasks));
        }

        var unified = Paradigm == MllmParadigm.Unified;
        if (unified == (Tokenizer.Paradigm == CodebookParadigm.Separate))
        {
            throw new ArgumentException(
                unified
                    ? "the Unified paradigm needs a tokenizer whose codebook is the LM's table: Frozen, Dual or Iterative, not Separate"
                    : $"the {Paradigm} paradigm uses a tokenizer with its own codebook: Separate, not {Tokenizer.Paradigm}",
                nameof(Tokenizer));
        }

        StageOne?.Validate();
        if (StageOne is not null && !unified)
        {
            throw new ArgumentException($"Stage I joins the tokenizer to the LM's table; under {Paradigm} the tokenizer has its own codebook (set StageOne to null)", nameof(StageOne));
        }

        if (Paradigm == MllmParadigm.Projector && Tasks.FirstOrDefault(t => t.Task is not (TaskKind.Vqa or TaskKind.Caption)) is { } writer)
        {
            throw new ArgumentException($"the Projector paradigm is for understanding only; it cannot learn {writer.Task}", nameof(Tasks));
        }
    }

    /// <summary>The tokenizer recipe as trained: under Unified its C_L is the language model's embedding table.</summary>
    /// <param name="languageModel">The pre-trained LM's weights file.</param>
    public TokenizerRecipe TokenizerFor(string languageModel) => Paradigm != MllmParadigm.Unified
        ? Tokenizer with { Language = Tokenizer.Language with { Size = Language.Model.VocabSize, Dim = Language.Model.Dim } }
        : Tokenizer with { Language = LanguageCodebookSource.OfLanguageModel(languageModel, Language.Model.VocabSize, Language.Model.Dim, Tokenizer.Language.CodeNorm) };

    /// <summary>
    /// The MLLM of this recipe: the LM and the tokenizer from the cache or trained, then Stage II from the cache or run
    /// (resumably, in <c>runs/</c> beside the cache).
    /// </summary>
    /// <param name="cache">The artifact cache (default: the kit's).</param>
    /// <param name="progress">Receives training progress of every stage.</param>
    /// <param name="log">Says what is reused and what is trained.</param>
    /// <param name="resume">Continue interrupted runs from their checkpoints.</param>
    /// <param name="cancellationToken">Stops between steps (checkpoints are kept).</param>
    public TrainedMllm TrainOrLoad(
        ArtifactCache? cache = null, IProgress<TrainingProgress>? progress = null, TextWriter? log = null, bool resume = true, CancellationToken cancellationToken = default)
    {
        Validate();
        cache ??= ArtifactCache.Default();
        log ??= TextWriter.Null;
        var language = Language.TrainOrLoad(cache, progress, log, resume, cancellationToken);
        TrainedTokenizer? tokenizer = null;
        Mllm? model = null;
        var handedOver = false;
        try
        {
            if (StageOne is { } stageOne)
            {
                var pretrained = language;
                (language, tokenizer) = new StageOneRecipe(Language, TokenizerFor(pretrained.Path), stageOne).TrainOrLoad(pretrained, cache, progress, log, resume, cancellationToken);
                pretrained.Dispose();
            }
            else
            {
                tokenizer = TokenizerRecipes.TrainOrLoad(TokenizerFor(language.Path), cache, progress, log, resume, cancellationToken);
            }

            double seconds = 0;
            IReadOnlyList<InstructionStepRecord> history = [];
            var artifact = cache.GetOrCreate(ArtifactKind, this, folder =>
            {
                var runs = Path.Combine(cache.Root, "runs", ArtifactKind, ConfigHash.ShortOf(this));
                if (!resume && Directory.Exists(runs))
                {
                    Directory.Delete(runs, recursive: true);
                }

                using var tuned = Build(language, tokenizer);
                // Stage II reads the whole training split (a recipe's TrainImages limits the tokenizer's training only).
                var train = DatasetCatalog.OpenImageDataset(TokenizerRecipes.TrainName(Tokenizer.Dataset), Tokenizer.ImageSize);
                var mixture = MllmTaskSets.Mixture(Tasks, train, DecompressionSegments, UnconditionalClass, QuestionKinds, QuestionsPerDialogue ?? 1);
                log.WriteLine($"stage II: {Paradigm} on {mixture}, {Tuning.Steps} steps of {Tuning.BatchSize}{(Tuning.Lora is null ? string.Empty : $", LoRA r{Tuning.Lora.Rank}")}");
                using var tuner = new InstructionTuner(tuned, mixture, Tuning);
                if (tuner.TryResume(runs))
                {
                    log.WriteLine($"stage II: resumed from step {tuner.StepsDone} ({runs})");
                }

                var clock = System.Diagnostics.Stopwatch.StartNew();
                tuner.Train(progress, runs, cancellationToken);
                seconds = clock.Elapsed.TotalSeconds;
                TrainedMllm.Publish(Path.Combine(folder, FileName), tuned, tuner.History, seconds);
                Directory.Delete(runs, recursive: true);
            });
            if (artifact.Reused)
            {
                log.WriteLine($"mllm: reused the cached artifact {artifact.Hash[..ConfigHash.ShortLength]} ({artifact.Folder})");
            }

            model = Build(language, tokenizer);
            (history, seconds) = TrainedMllm.Read(Path.Combine(artifact.Folder, FileName), model);
            var trained = new TrainedMllm(this, model, language, tokenizer, artifact.Folder, artifact.Reused, seconds, history);
            handedOver = true;
            return trained;
        }
        finally
        {
            if (!handedOver)
            {
                model?.Dispose();
                tokenizer?.Dispose();
                language.Dispose();
            }
        }
    }

    /// <summary>A fresh MLLM of this recipe from its trained parts: the LM's weights (under Unified + Dual, the rows the
    /// tokenizer wrote into C_L copied back), LoRA if tuned with it, and the frozen tokenizer.</summary>
    /// <param name="language">The pre-trained LM.</param>
    /// <param name="tokenizer">The trained tokenizer.</param>
    public Mllm Build(TrainedLanguageModel language, TrainedTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(tokenizer);
        var lm = new Transformer(language.Recipe.Model);
        try
        {
            using (var scope = new DisposeScope())
            {
                lm.LoadStateDict(language.Model.StateDict(), strict: true, source: language.Path);
                if (Paradigm == MllmParadigm.Unified && tokenizer.Recipe.Paradigm == CodebookParadigm.Dual)
                {
                    // Dual's LM side: the table the tokenizer updated is the LM's embedding table from now on.
                    using var noGrad = Autograd.NoGrad();
                    lm.TokenEmbedding.Narrow(0, 0, tokenizer.Language.Size).CopyFrom(tokenizer.Language.Table);
                }
            }

            if (Tuning.Lora is { } lora)
            {
                var adapted = lm.WithLora(lora);
                lm.Dispose();
                lm = adapted;
            }

            return new Mllm(lm, tokenizer.Tokenizer, language.Tokenizer, Paradigm, tokenizer.Language.Scale, Tuning.Seed);
        }
        catch
        {
            lm.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"MLLM {Paradigm} with {Tokenizer}; stage II {Tuning.Steps} steps on {string.Join(" + ", Tasks.Select(t => $"{t.Weight:G3}·{t.Task}"))}";
}

using System.Globalization;
using System.Text.Json;
using UniCode.Kit.Data;
using UniCode.Kit.Data.Batching;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Evaluation.Reconstruction;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;
using UniCode.Kit.Vision.Quantization;
using UniCode.Kit.Vision.Tokenizers;
using UniCode.Torch;
using UniCode.Torch.Optim;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Training.Tokenizers;

/// <summary>
/// Trains a visual tokenizer on image reconstruction under a codebook paradigm (paper §3.2): each step encodes a
/// batch, quantizes it (the EMA update of Eq. 2 happens there), decodes it, minimises L_rec + β L_commit with Adam, and
/// runs the paradigm's copy or pull (Eq. 3). Seeded, checkpointed, resumable to the same numbers.
/// </summary>
/// <remarks>The training step owns the memory: each step runs in its own <see cref="DisposeScope"/>.</remarks>
public sealed class TokenizerTrainer : ISteppedTraining, IDisposable
{
    private readonly WarmupCosineSchedule schedule;
    private readonly AdamW optimizer;
    private readonly BatchSampler sampler;
    private readonly List<TokenizerStepRecord> history = [];
    private readonly List<CodebookAlignment> alignments = [];
    private readonly AdversarialTraining? adversarial;
    private (int Epoch, int[] Order) epochOrder = (-1, []);

    /// <summary>Prepares training (the <c>Frozen</c> paradigm sets the codebook to s·C_L here).</summary>
    /// <param name="tokenizer">The tokenizer to train.</param>
    /// <param name="dataset">Training images ([0, 1] pixels of the tokenizer's channel count).</param>
    /// <param name="options">Steps, optimiser, paradigm (validated).</param>
    /// <param name="language">C_L, required by the unified paradigms (and measured against by Separate when given).</param>
    /// <param name="featureNet">The feature CNN of VQ-GAN's perceptual term, when its weight is not 0.</param>
    public TokenizerTrainer(
        VisualTokenizer tokenizer, IImageDataset dataset, TokenizerTrainingOptions options, LanguageCodebook? language = null, FeatureCnn? featureNet = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (dataset.Channels != tokenizer.ImageChannels)
        {
            throw new ArgumentException(
                $"{dataset.Name} has {dataset.Channels}-channel images but the tokenizer reads {tokenizer.ImageChannels} channels", nameof(dataset));
        }

        if (dataset.Count < options.BatchSize)
        {
            throw new ArgumentException($"{dataset.Name} has {dataset.Count} images, fewer than one batch of {options.BatchSize}", nameof(dataset));
        }

        Tokenizer = tokenizer;
        Dataset = dataset;
        Options = options;
        schedule = new WarmupCosineSchedule { WarmupSteps = options.WarmupSteps, TotalSteps = options.Steps, MinFactor = options.FinalLearningRateFraction };
        Language = language;
        Codebook = CodebookSync.Create(options.Codebook, tokenizer.Quantizer, language, options.Steps);
        optimizer = new AdamW(tokenizer.Parameters(), new AdamWOptions { LearningRate = options.LearningRate, WeightDecay = 0 });
        sampler = new BatchSampler(dataset.Count, new BatchOptions { BatchSize = options.BatchSize, Shuffle = true, Seed = options.Seed, DropLast = true });
        if (tokenizer is VqGan { Adversarial.Enabled: true } vqGan)
        {
            adversarial = new AdversarialTraining(vqGan, featureNet, options.Seed);
        }
    }

    /// <summary>The tokenizer being trained.</summary>
    public VisualTokenizer Tokenizer { get; }

    /// <summary>The training images.</summary>
    public IImageDataset Dataset { get; }

    /// <summary>The training options.</summary>
    public TokenizerTrainingOptions Options { get; }

    /// <summary>C_L, if given.</summary>
    public LanguageCodebook? Language { get; }

    /// <summary>The paradigm driving the codebook.</summary>
    public CodebookSync Codebook { get; }

    /// <summary>Steps done so far (also after a resume).</summary>
    public int StepsDone { get; private set; }

    /// <summary>Every step's record.</summary>
    public IReadOnlyList<TokenizerStepRecord> History => history;

    /// <summary>The codebook's alignment with C_L every <see cref="TokenizerTrainingOptions.AlignmentEvery"/> steps.</summary>
    public IReadOnlyList<CodebookAlignment> Alignments => alignments;

    /// <summary>What the progress display calls this run.</summary>
    public string Description => $"tokenizer {Tokenizer.Kind}/{Codebook.Paradigm}";

    /// <summary>
    /// Trains from <see cref="StepsDone"/> to <see cref="TokenizerTrainingOptions.Steps"/>. With a checkpoint folder it
    /// writes <c>checkpoint.safetensors</c> every <see cref="TokenizerTrainingOptions.CheckpointEvery"/> steps, at the
    /// end, and when cancelled (then it throws <see cref="OperationCanceledException"/>).
    /// </summary>
    /// <param name="progress">Receives a report after every step.</param>
    /// <param name="checkpointDirectory">Where checkpoints go (created if missing), or null for none.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    /// <exception cref="TrainingDivergedException">A loss was not finite; the message names the step.</exception>
    public void Train(IProgress<TrainingProgress>? progress = null, string? checkpointDirectory = null, CancellationToken cancellationToken = default) =>
        TrainingLoop.Run(this, progress, checkpointDirectory, cancellationToken);

    /// <inheritdoc/>
    public int TotalSteps => Options.Steps;

    /// <inheritdoc/>
    public int CheckpointEvery => Options.CheckpointEvery;

    /// <inheritdoc/>
    public ulong Seed => Options.Seed;

    /// <inheritdoc/>
    public (double Loss, IReadOnlyDictionary<string, double> Details) Step()
    {
        Tokenizer.Train();
        optimizer.LearningRate = Options.LearningRate * schedule.Factor(StepsDone);
        var record = TrainStep(StepsDone);
        history.Add(record);
        StepsDone++;
        return (record.Loss, Details(record));
    }

    /// <summary>Resumes from <c>checkpoint.safetensors</c> in <paramref name="checkpointDirectory"/> if it exists.</summary>
    /// <param name="checkpointDirectory">The folder given to <see cref="Train"/>.</param>
    /// <returns>Whether a checkpoint was loaded.</returns>
    public bool TryResume(string checkpointDirectory) => TrainingLoop.TryResume(this, checkpointDirectory);

    /// <summary>Writes the whole training state (weights, buffers, optimiser, random state, C_L, history) atomically.</summary>
    /// <param name="path">A .safetensors file.</param>
    public void SaveCheckpoint(string path)
    {
        using var scope = new DisposeScope();
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, tensor) in Tokenizer.StateDict())
        {
            tensors[TokenizerFile.ModelPrefix + name] = tensor;
        }

        var (optimizerTensors, optimizerSettings) = optimizer.StateDict();
        foreach (var (name, tensor) in optimizerTensors)
        {
            tensors[$"optimizer.{name}"] = tensor;
        }

        tensors["rng.default"] = LibTorch.GetRngState();
        if (Tokenizer.Quantizer.Generator is { } generator)
        {
            tensors["rng.quantizer"] = generator.GetState();
        }

        if (Language is not null)
        {
            tensors["language.table"] = Language.Table.Detach();
        }

        var extraSettings = new Dictionary<string, string>();
        if (adversarial is not null)
        {
            foreach (var (name, tensor) in adversarial.Discriminator.StateDict())
            {
                tensors[$"discriminator.{name}"] = tensor;
            }

            var (discriminatorTensors, discriminatorSettings) = adversarial.DiscriminatorOptimizer.StateDict();
            foreach (var (name, tensor) in discriminatorTensors)
            {
                tensors[$"discriminator_optimizer.{name}"] = tensor;
            }

            foreach (var (key, value) in discriminatorSettings)
            {
                extraSettings[$"discriminator_optimizer.{key}"] = value;
            }
        }

        var metadata = TokenizerFile.Metadata(Tokenizer);
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["kind"] = Tokenizer.Kind.ToString(),
            ["paradigm"] = Codebook.Paradigm.ToString(),
            ["steps_done"] = StepsDone.ToString(CultureInfo.InvariantCulture),
            ["history"] = JsonSerializer.Serialize(history),
            ["alignments"] = JsonSerializer.Serialize(alignments),
            ["language_source"] = Language?.Source ?? string.Empty,
            ["language_scale"] = (Language?.Scale ?? 0).ToString("R", CultureInfo.InvariantCulture),
        })
        {
            metadata[key] = value;
        }
        foreach (var (key, value) in optimizerSettings)
        {
            metadata[$"optimizer.{key}"] = value;
        }

        foreach (var (key, value) in extraSettings)
        {
            metadata[key] = value;
        }

        SafeTensors.Save(path, tensors, metadata);
    }

    /// <summary>Restores a state written by <see cref="SaveCheckpoint"/>.</summary>
    /// <param name="path">The .safetensors file.</param>
    /// <exception cref="InvalidDataException">The file is not a checkpoint of this tokenizer and paradigm.</exception>
    public void LoadCheckpoint(string path)
    {
        using var scope = new DisposeScope();
        var tensors = SafeTensors.Load(path, out var metadata);
        if (!metadata.TryGetValue("kind", out var kind) || kind != Tokenizer.Kind.ToString() ||
            !metadata.TryGetValue("paradigm", out var paradigm) || paradigm != Codebook.Paradigm.ToString())
        {
            throw new InvalidDataException(
                $"'{path}' is a checkpoint of {metadata.GetValueOrDefault("kind", "?")}/{metadata.GetValueOrDefault("paradigm", "?")}, not of {Tokenizer.Kind}/{Codebook.Paradigm}");
        }

        Dictionary<string, Tensor> Section(string prefix) =>
            tensors.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(t => t.Key[prefix.Length..], t => t.Value);

        Tokenizer.LoadStateDict(Section(TokenizerFile.ModelPrefix), strict: true, source: path);
        Dictionary<string, string> Settings(string prefix) =>
            metadata.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(m => m.Key[prefix.Length..], m => m.Value);

        optimizer.LoadStateDict(Section("optimizer."), Settings("optimizer."), path);
        if (adversarial is not null)
        {
            adversarial.Discriminator.LoadStateDict(Section("discriminator."), strict: true, source: path);
            adversarial.DiscriminatorOptimizer.LoadStateDict(Section("discriminator_optimizer."), Settings("discriminator_optimizer."), path);
        }
        LibTorch.SetRngState(tensors["rng.default"]);
        if (Tokenizer.Quantizer.Generator is { } generator && tensors.TryGetValue("rng.quantizer", out var state))
        {
            generator.SetState(state);
        }

        if (Language is not null && tensors.TryGetValue("language.table", out var table))
        {
            Language.Table.CopyFrom(table);
        }

        StepsDone = int.Parse(metadata["steps_done"], CultureInfo.InvariantCulture);
        history.Clear();
        history.AddRange(JsonSerializer.Deserialize<List<TokenizerStepRecord>>(metadata["history"]) ?? []);
        alignments.Clear();
        alignments.AddRange(JsonSerializer.Deserialize<List<CodebookAlignment>>(metadata["alignments"]) ?? []);
        Codebook.Resume(StepsDone);
    }

    /// <summary>Frees the optimiser state.</summary>
    public void Dispose()
    {
        optimizer.Dispose();
        adversarial?.Dispose();
    }

    private TokenizerStepRecord TrainStep(int step)
    {
        using var scope = new DisposeScope();
        using var batch = ImageBatcher.Collate(Dataset, BatchIndices(step));
        var images = batch.Images;

        Codebook.BeforeStep(step);
        var output = Tokenizer.Forward(images);
        var loss = output.TotalLoss();
        if (adversarial?.GeneratorLoss(step, images, output.Reconstruction, output.ReconstructionLoss) is { } extra)
        {
            loss = loss + extra;
        }

        var value = loss.Item<float>();
        if (!float.IsFinite(value))
        {
            throw new TrainingDivergedException(step, value, Description);
        }

        optimizer.ZeroGrad();
        loss.Backward();
        if (Options.GradientClipNorm > 0)
        {
            GradientClipping.ClipGradNorm(Tokenizer.Parameters(), Options.GradientClipNorm);
        }

        optimizer.Step();
        adversarial?.DiscriminatorStep(step, images, output.Reconstruction);
        Codebook.AfterStep(step);

        var stats = CodebookStatistics.FromIds(Tensor.Cat([.. output.Codes.Layers.Select(l => l.Codes.Flatten())]), Tokenizer.Quantizer.CodebookSize);
        double? cosine = null, distance = null;
        if (Language is not null && (step % Options.AlignmentEvery == 0 || step == Options.Steps - 1))
        {
            var alignment = Codebook.Alignment(step)!;
            alignments.Add(alignment);
            (cosine, distance) = (alignment.MeanCosine, alignment.RelativeDistance);
        }

        var psnr = Psnr.Compute(output.Reconstruction.Detach().Clamp(0, 1), images);
        return new TokenizerStepRecord(step, value, output.ReconstructionLoss.Item<float>(), psnr, stats.Usage, stats.Perplexity, cosine, distance);
    }

    // Step s takes batch s mod (batches per epoch) of epoch s / (batches per epoch): a resumed run sees the same batches.
    private int[] BatchIndices(int step)
    {
        var perEpoch = sampler.BatchesPerEpoch;
        var epoch = step / perEpoch;
        if (epochOrder.Epoch != epoch)
        {
            epochOrder = (epoch, sampler.Order(epoch));
        }

        var start = step % perEpoch * Options.BatchSize;
        return epochOrder.Order[start..(start + Options.BatchSize)];
    }

    private static Dictionary<string, double> Details(TokenizerStepRecord record)
    {
        var details = new Dictionary<string, double> { ["psnr"] = record.Psnr, ["usage"] = record.Usage };
        if (record.MeanCosine is { } cosine)
        {
            details["cos"] = cosine;
        }

        return details;
    }
}

using System.Text.Json;
using UniCode.Kit.Language;
using UniCode.Torch;
using UniCode.Torch.Optim;

namespace UniCode.Kit.Training.Language;

/// <summary>
/// Pre-trains a <see cref="Transformer"/> on next-token prediction over windows of a <see cref="TokenStream"/>: AdamW
/// (decay on matrices only), linear warm-up then cosine decay, gradient clipping, held-out perplexity. Seeded,
/// checkpointed, resumable to the same numbers.
/// </summary>
public sealed class LanguageModelTrainer : ISteppedTraining, IDisposable
{
    private readonly AdamW optimizer;
    private readonly List<LanguageModelStepRecord> history = [];
    private readonly WarmupCosineSchedule schedule;

    /// <summary>Prepares training.</summary>
    /// <param name="model">The model to train.</param>
    /// <param name="stream">The packed corpus (ids below the model's vocabulary).</param>
    /// <param name="options">Steps, optimiser, blocks (validated).</param>
    public LanguageModelTrainer(Transformer model, TokenStream stream, LanguageModelTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.BlockSize > model.Options.Context)
        {
            throw new ArgumentException($"BlockSize {options.BlockSize} exceeds the model's context of {model.Options.Context} tokens", nameof(options));
        }

        if (stream.Train.Count <= options.BlockSize)
        {
            throw new ArgumentException($"the training stream has {stream.Train.Count} tokens, not more than one block of {options.BlockSize}", nameof(stream));
        }

        var largest = stream.Train.Concat(stream.Validation).Max();
        if (largest >= model.VocabSize)
        {
            throw new ArgumentException($"the stream holds id {largest}, outside the model's vocabulary of {model.VocabSize}", nameof(stream));
        }

        Model = model;
        Stream = stream;
        Options = options;
        schedule = new WarmupCosineSchedule { WarmupSteps = options.WarmupSteps, TotalSteps = options.Steps, MinFactor = options.FinalLearningRateFraction };
        var trainable = model.NamedParameters().Where(p => p.Parameter.RequiresGrad).ToList();
        optimizer = new AdamW(
            [
                new ParameterGroup(trainable.Where(p => p.Parameter.Dim >= 2).Select(p => p.Parameter), weightDecay: options.WeightDecay),
                new ParameterGroup(trainable.Where(p => p.Parameter.Dim < 2).Select(p => p.Parameter), weightDecay: 0),
            ],
            new AdamWOptions { LearningRate = options.LearningRate, Beta2 = options.Beta2, WeightDecay = options.WeightDecay });
    }

    /// <summary>The model being trained.</summary>
    public Transformer Model { get; }

    /// <summary>The packed corpus.</summary>
    public TokenStream Stream { get; }

    /// <summary>The training options.</summary>
    public LanguageModelTrainingOptions Options { get; }

    /// <summary>Steps done so far (also after a resume).</summary>
    public int StepsDone { get; private set; }

    /// <summary>Every step's record.</summary>
    public IReadOnlyList<LanguageModelStepRecord> History => history;

    /// <summary>The last measured held-out perplexity, if any.</summary>
    public double? ValidationPerplexity => history.LastOrDefault(h => h.ValidationPerplexity is not null)?.ValidationPerplexity;

    /// <summary>What the progress display calls this run.</summary>
    public string Description => $"language model {Model.Options.Style} {Model.Options.Layers}x{Model.Options.Dim}";

    /// <inheritdoc/>
    public int TotalSteps => Options.Steps;

    /// <inheritdoc/>
    public int CheckpointEvery => Options.CheckpointEvery;

    /// <inheritdoc/>
    public ulong Seed => Options.Seed;

    /// <summary>
    /// Trains from <see cref="StepsDone"/> to <see cref="LanguageModelTrainingOptions.Steps"/> (<see cref="TrainingLoop"/>),
    /// writing <c>checkpoint.safetensors</c> into <paramref name="checkpointDirectory"/> every
    /// <see cref="LanguageModelTrainingOptions.CheckpointEvery"/> steps, at the end and when cancelled.
    /// </summary>
    /// <param name="progress">Receives a report after every step.</param>
    /// <param name="checkpointDirectory">Where checkpoints go (created if missing), or null for none.</param>
    /// <param name="cancellationToken">Stops between steps (after a checkpoint, then throws).</param>
    /// <exception cref="TrainingDivergedException">A loss was not finite; the message names the step.</exception>
    public void Train(IProgress<TrainingProgress>? progress = null, string? checkpointDirectory = null, CancellationToken cancellationToken = default) =>
        TrainingLoop.Run(this, progress, checkpointDirectory, cancellationToken);

    /// <inheritdoc/>
    public (double Loss, IReadOnlyDictionary<string, double> Details) Step()
    {
        var learningRate = Options.LearningRate * schedule.Factor(StepsDone);
        optimizer.LearningRate = learningRate;
        var loss = TrainStep(StepsDone);
        var last = StepsDone == Options.Steps - 1;
        double? perplexity = (StepsDone + 1) % Options.EvaluateEvery == 0 || last ? Perplexity() : null;
        history.Add(new LanguageModelStepRecord(StepsDone, loss, learningRate, perplexity));
        StepsDone++;
        var details = new Dictionary<string, double> { ["lr"] = learningRate };
        if (ValidationPerplexity is { } ppl)
        {
            details["val_ppl"] = ppl;
        }

        return (loss, details);
    }

    /// <summary>exp of the mean next-token cross-entropy over the held-out blocks (non-overlapping windows of
    /// <see cref="TokenStream.Validation"/>, at most <see cref="LanguageModelTrainingOptions.EvaluationBlocks"/>).</summary>
    /// <exception cref="InvalidOperationException">The held-out stream is shorter than two tokens.</exception>
    public double Perplexity()
    {
        var validation = Stream.Validation;
        var block = Math.Min(Options.BlockSize, validation.Count);
        if (block < 2)
        {
            throw new InvalidOperationException($"the held-out stream has {validation.Count} tokens: too few for a perplexity");
        }

        var starts = Enumerable.Range(0, validation.Count / block).Select(i => i * block).Take(Options.EvaluationBlocks).ToArray();
        var wasTraining = Model.Training;
        Model.Eval();
        double total = 0;
        using (Autograd.NoGrad())
        {
            foreach (var chunk in starts.Chunk(Options.BatchSize))
            {
                using var scope = new DisposeScope();
                var ids = Blocks(validation, chunk, block);
                // Every block has block − 1 predicted tokens, so the mean of batch means weights them equally.
                total += Transformer.Loss(Model.Forward(ids), ids).Item<float>() * chunk.Length;
            }
        }

        Model.Train(wasTraining);
        return Math.Exp(total / starts.Length);
    }

    /// <summary>Resumes from <c>checkpoint.safetensors</c> in <paramref name="checkpointDirectory"/> if it exists.</summary>
    /// <param name="checkpointDirectory">The folder given to <see cref="Train"/>.</param>
    /// <returns>Whether a checkpoint was loaded.</returns>
    public bool TryResume(string checkpointDirectory) => TrainingLoop.TryResume(this, checkpointDirectory);

    /// <summary>Writes the whole training state (weights, optimiser, random state, history) atomically.</summary>
    /// <param name="path">A .safetensors file.</param>
    public void SaveCheckpoint(string path) =>
        TrainingCheckpoint.Save(path, Model, optimizer, StepsDone, JsonSerializer.Serialize(history), JsonSerializer.Serialize(Model.Options));

    /// <summary>Restores a state written by <see cref="SaveCheckpoint"/>.</summary>
    /// <param name="path">The .safetensors file.</param>
    /// <exception cref="InvalidDataException">The file is not a checkpoint of this model's shape.</exception>
    public void LoadCheckpoint(string path)
    {
        var (steps, saved) = TrainingCheckpoint.Load(path, Model, optimizer, JsonSerializer.Serialize(Model.Options), $"language model ({Description})");
        StepsDone = steps;
        history.Clear();
        history.AddRange(JsonSerializer.Deserialize<List<LanguageModelStepRecord>>(saved) ?? []);
    }

    /// <summary>Frees the optimiser state.</summary>
    public void Dispose() => optimizer.Dispose();

    private double TrainStep(int step)
    {
        using var scope = new DisposeScope();
        Model.Train();
        var ids = Blocks(Stream.Train, BlockStarts(step), Options.BlockSize);
        var loss = Transformer.Loss(Model.Forward(ids), ids);
        var value = loss.Item<float>();
        if (!float.IsFinite(value))
        {
            throw new TrainingDivergedException(step, value, Description);
        }

        optimizer.ZeroGrad();
        loss.Backward();
        if (Options.GradientClipNorm > 0)
        {
            GradientClipping.ClipGradNorm(Model.Parameters().Where(p => p.RequiresGrad), Options.GradientClipNorm);
        }

        optimizer.Step();
        return value;
    }

    // Step s draws its windows from a generator seeded by (seed, s) alone: a resumed run sees the same batches.
    private int[] BlockStarts(int step)
    {
        var random = new Random(unchecked((int)(Options.Seed * 0x9E3779B1UL) ^ (step * 0x2545F491)));
        return [.. Enumerable.Range(0, Options.BatchSize).Select(_ => random.Next(Stream.Train.Count - Options.BlockSize + 1))];
    }

    private static Tensor Blocks(IReadOnlyList<int> ids, int[] starts, int block)
    {
        var data = new long[starts.Length * block];
        for (var b = 0; b < starts.Length; b++)
        {
            for (var t = 0; t < block; t++)
            {
                data[(b * block) + t] = ids[starts[b] + t];
            }
        }

        return Tensor.From(data, starts.Length, block);
    }
}

using System.Text.Json;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Multimodal.Sequences;
using UniCode.Kit.Multimodal.Tasks;
using UniCode.Torch;
using UniCode.Torch.NN;
using UniCode.Torch.Optim;

namespace UniCode.Kit.Training.Multimodal;

/// <summary>
/// Stage II (paper §4): the visual tokenizer frozen, the MLLM instruction-tuned on a task mixture with the loss on the
/// answers only (Eq. 6). Each step encodes its examples' images with the frozen tokenizer, lays them out under the
/// model's paradigm and takes one AdamW step. Seeded, checkpointed, resumable to the same numbers.
/// </summary>
public sealed class InstructionTuner : ISteppedTraining, IDisposable
{
    private readonly AdamW optimizer;
    private readonly WarmupCosineSchedule schedule;
    private readonly SequenceLayout layout;
    private readonly List<InstructionStepRecord> history = [];
    private readonly Parameter[] trainable;

    /// <summary>Prepares Stage II.</summary>
    /// <param name="model">The MLLM (its language model already carries LoRA when <see cref="InstructionTuningOptions.Lora"/> is set).</param>
    /// <param name="mixture">The tasks.</param>
    /// <param name="options">Steps and optimiser (validated).</param>
    public InstructionTuner(Mllm model, TaskMixture mixture, InstructionTuningOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if ((options.Lora is null) != (model.Language.Options.Lora is null))
        {
            throw new ArgumentException(
                options.Lora is null ? "the options ask for full tuning but the language model carries LoRA" : "the options ask for LoRA: build the MLLM on Language.WithLora(options.Lora)",
                nameof(options));
        }

        if (!model.Vocabulary.HasCodeTokens && mixture.Entries.FirstOrDefault(e => e.Tasks.Kind is not (TaskKind.Vqa or TaskKind.Caption)) is { Tasks: { } writer })
        {
            throw new ArgumentException($"the Projector paradigm is for understanding only; the mixture holds '{writer.Name}'", nameof(mixture));
        }

        Model = model;
        Mixture = mixture;
        Options = options;
        layout = model.NewLayout();
        model.Tokenizer.Eval();
        foreach (var parameter in model.Tokenizer.Parameters())
        {
            parameter.RequiresGradInPlace(false);
        }

        // Under LoRA the base weights are frozen, but SeparateVocab's new code rows start random: they must train.
        if (model.Paradigm == MllmParadigm.SeparateVocab)
        {
            model.Language.TokenEmbedding.RequiresGradInPlace(true);
            model.Language.Head.RequiresGradInPlace(true);
        }

        var named = model.NamedParameters().Where(p => p.Parameter.RequiresGrad).ToList();
        trainable = [.. named.Select(p => p.Parameter)];
        optimizer = new AdamW(
            [
                new ParameterGroup(named.Where(p => p.Parameter.Dim >= 2).Select(p => p.Parameter), weightDecay: options.WeightDecay),
                new ParameterGroup(named.Where(p => p.Parameter.Dim < 2).Select(p => p.Parameter), weightDecay: 0),
            ],
            new AdamWOptions { LearningRate = options.LearningRate, Beta2 = 0.95, WeightDecay = options.WeightDecay });
        schedule = new WarmupCosineSchedule { WarmupSteps = options.WarmupSteps, TotalSteps = options.Steps, MinFactor = options.FinalLearningRateFraction };
    }

    /// <summary>The model being tuned.</summary>
    public Mllm Model { get; }

    /// <summary>The tasks.</summary>
    public TaskMixture Mixture { get; }

    /// <summary>The options.</summary>
    public InstructionTuningOptions Options { get; }

    /// <inheritdoc/>
    public int StepsDone { get; private set; }

    /// <inheritdoc/>
    public int TotalSteps => Options.Steps;

    /// <inheritdoc/>
    public int CheckpointEvery => Options.CheckpointEvery;

    /// <inheritdoc/>
    public ulong Seed => Options.Seed;

    /// <summary>The trainable parameter count (LoRA: the adapters, the projector and any new code rows).</summary>
    public long TrainableParameters => trainable.Sum(p => p.NumElements);

    /// <summary>Every step's record.</summary>
    public IReadOnlyList<InstructionStepRecord> History => history;

    /// <inheritdoc/>
    public string Description => $"stage II {Model.Paradigm}{(Options.Lora is null ? string.Empty : $" LoRA r{Options.Lora.Rank}")}";

    /// <summary>Trains to <see cref="InstructionTuningOptions.Steps"/> (<see cref="TrainingLoop"/>).</summary>
    /// <param name="progress">Receives a report after every step.</param>
    /// <param name="checkpointDirectory">Where checkpoints go, or null for none.</param>
    /// <param name="cancellationToken">Stops between steps (after a checkpoint, then throws).</param>
    public void Train(IProgress<TrainingProgress>? progress = null, string? checkpointDirectory = null, CancellationToken cancellationToken = default) =>
        TrainingLoop.Run(this, progress, checkpointDirectory, cancellationToken);

    /// <summary>Resumes from a checkpoint in <paramref name="checkpointDirectory"/> if there is one.</summary>
    /// <param name="checkpointDirectory">The folder given to <see cref="Train"/>.</param>
    public bool TryResume(string checkpointDirectory) => TrainingLoop.TryResume(this, checkpointDirectory);

    /// <inheritdoc/>
    public (double Loss, IReadOnlyDictionary<string, double> Details) Step()
    {
        var learningRate = Options.LearningRate * schedule.Factor(StepsDone);
        optimizer.LearningRate = learningRate;
        var examples = Mixture.Batch(StepsDone, Options.BatchSize, Options.Seed);
        double loss;
        using (var scope = new DisposeScope())
        {
            Model.Train();
            Model.Tokenizer.Eval();
            using var encoded = Model.Encode([.. examples.Select(e => e.Image)]);
            var sequences = examples.Select((e, i) => layout.Lay(e, encoded.Images[i])).ToArray();
            using var batch = MultimodalBatch.Collate(sequences, Model.Text.PadId, encoded.Images[0].Cells);
            var value = Model.Loss(batch, encoded.SoftSource);
            loss = value.Item<float>();
            if (!double.IsFinite(loss))
            {
                throw new TrainingDivergedException(StepsDone, loss, Description);
            }

            optimizer.ZeroGrad();
            value.Backward();
            if (Options.GradientClipNorm > 0)
            {
                GradientClipping.ClipGradNorm(trainable, Options.GradientClipNorm);
            }

            optimizer.Step();
        }

        history.Add(new InstructionStepRecord(StepsDone, loss, learningRate));
        StepsDone++;
        return (loss, new Dictionary<string, double> { ["lr"] = learningRate });
    }

    /// <inheritdoc/>
    public void SaveCheckpoint(string path) =>
        TrainingCheckpoint.Save(path, Model, optimizer, StepsDone, JsonSerializer.Serialize(history), ShapeOf(Model));

    /// <inheritdoc/>
    public void LoadCheckpoint(string path)
    {
        var (steps, saved) = TrainingCheckpoint.Load(path, Model, optimizer, ShapeOf(Model), $"Stage II MLLM ({ShapeOf(Model)})");
        StepsDone = steps;
        history.Clear();
        history.AddRange(JsonSerializer.Deserialize<List<InstructionStepRecord>>(saved) ?? []);
    }

    /// <summary>Frees the optimiser state.</summary>
    public void Dispose() => optimizer.Dispose();

    private static string ShapeOf(Mllm model) => $"{model.Paradigm} {JsonSerializer.Serialize(model.Language.Options)}";
}

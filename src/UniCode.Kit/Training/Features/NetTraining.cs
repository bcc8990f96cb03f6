using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Data.Batching;
using UniCode.Torch;
using UniCode.Torch.NN;
using UniCode.Torch.Optim;

namespace UniCode.Kit.Training.Features;

/// <summary>
/// The loop the evaluation nets share: AdamW (weight decay 1e-4) with a warm-up and cosine schedule over shuffled
/// batches of a dataset, one dispose scope per step, stopping with <see cref="TrainingDivergedException"/> at a
/// non-finite loss.
/// </summary>
internal static class NetTraining
{
    /// <summary>
    /// The net cached under (<paramref name="kind"/>, <paramref name="options"/>): trained by <paramref name="train"/> and
    /// published first when the cache does not hold it, then created by <paramref name="create"/> from the artifact's
    /// folder, loaded from <paramref name="weightsFile"/> and put in eval mode.
    /// </summary>
    /// <param name="cache">The artifact cache.</param>
    /// <param name="kind">The artifact kind.</param>
    /// <param name="options">The net's options (the cache key).</param>
    /// <param name="weightsFile">The weights' file name in the artifact's folder.</param>
    /// <param name="train">Trains a net (disposed here once saved).</param>
    /// <param name="create">Creates an untrained net from the artifact's folder (which holds what <paramref name="saveAlso"/> wrote).</param>
    /// <param name="saveAlso">Writes what the net needs besides its weights (a tokenizer) into the folder being published.</param>
    public static TrainedNet<TNet> LoadOrTrain<TNet>(
        ArtifactCache cache, string kind, object options, string weightsFile, Func<TNet> train, Func<string, TNet> create, Action<TNet, string>? saveAlso = null)
        where TNet : Module
    {
        var artifact = cache.GetOrCreate(kind, options, folder =>
        {
            using var trained = train();
            saveAlso?.Invoke(trained, folder);
            trained.Save(Path.Combine(folder, weightsFile));
        });
        var net = create(artifact.Folder);
        net.Load(Path.Combine(artifact.Folder, weightsFile));
        net.Eval();
        return new TrainedNet<TNet>(net, artifact);
    }

    /// <summary>Trains <paramref name="net"/> in place for the schedule's steps and leaves it in eval mode.</summary>
    /// <param name="net">The net (disposed when training diverges).</param>
    /// <param name="train">The training images.</param>
    /// <param name="schedule">Steps, batch size, learning rate and seed.</param>
    /// <param name="label">Names the run in progress reports and errors.</param>
    /// <param name="loss">The loss of a batch (built inside the step's scope).</param>
    /// <param name="progress">Receives a report after every step.</param>
    public static void Run(Module net, IImageDataset train, TrainingSchedule schedule, string label, Func<ImageBatch, Tensor> loss, IProgress<TrainingProgress>? progress)
    {
        using var optimizer = new AdamW(net.Parameters(), new AdamWOptions { LearningRate = schedule.LearningRate, WeightDecay = 1e-4 });
        var learningRate = new WarmupCosineSchedule { WarmupSteps = Math.Min(50, schedule.Steps / 10), TotalSteps = schedule.Steps, MinFactor = 0.05 };
        var sampler = new BatchSampler(train.Count, new BatchOptions { BatchSize = Math.Min(schedule.BatchSize, train.Count), Shuffle = true, Seed = schedule.Seed, DropLast = true });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var step = 0;
        net.Train();
        for (var epoch = 0; step < schedule.Steps; epoch++)
        {
            foreach (var indices in sampler.Epoch(epoch))
            {
                if (step >= schedule.Steps)
                {
                    break;
                }

                using var scope = new DisposeScope();
                using var batch = ImageBatcher.Collate(train, indices);
                optimizer.LearningRate = schedule.LearningRate * learningRate.Factor(step);
                var value = loss(batch);
                var scalar = value.Item<float>();
                if (!float.IsFinite(scalar))
                {
                    net.Dispose();
                    throw new TrainingDivergedException(step, scalar, $"{label} on {train.Name}");
                }

                optimizer.ZeroGrad();
                value.Backward();
                optimizer.Step();
                step++;
                progress?.Report(new TrainingProgress($"{label} ({train.Name})", step, schedule.Steps, scalar, clock.Elapsed, new Dictionary<string, double>()));
            }
        }

        net.Eval();
    }

    /// <summary>How long and how fast a net trains.</summary>
    /// <param name="Steps">Optimiser steps.</param>
    /// <param name="BatchSize">Examples per step (at most the dataset's size).</param>
    /// <param name="LearningRate">The peak learning rate.</param>
    /// <param name="Seed">Seeds the batch order.</param>
    public sealed record TrainingSchedule(int Steps, int BatchSize, double LearningRate, ulong Seed);
}

using System.Diagnostics;
using UniCode.Torch;

namespace UniCode.Kit.Training;

/// <summary>
/// The loop every trainer of the kit runs: seed before step 0, step, checkpoint every N steps and at the end, report
/// progress, and on cancellation checkpoint and stop between steps. One loop, so that every trainer resumes alike.
/// </summary>
public static class TrainingLoop
{
    /// <summary>The checkpoint's file name inside a run's folder.</summary>
    public const string CheckpointFile = "checkpoint.safetensors";

    /// <summary>Trains from <see cref="ISteppedTraining.StepsDone"/> to <see cref="ISteppedTraining.TotalSteps"/>.</summary>
    /// <param name="run">The run.</param>
    /// <param name="progress">Receives a report after every step.</param>
    /// <param name="checkpointDirectory">Where <see cref="CheckpointFile"/> goes (created if missing), or null for none.</param>
    /// <param name="cancellationToken">Stops between steps (after a checkpoint, then throws).</param>
    /// <exception cref="TrainingDivergedException">A loss was not finite; the message names the step.</exception>
    public static void Run(ISteppedTraining run, IProgress<TrainingProgress>? progress, string? checkpointDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var checkpoint = checkpointDirectory is null ? null : Path.Combine(Directory.CreateDirectory(checkpointDirectory).FullName, CheckpointFile);
        if (run.StepsDone == 0)
        {
            LibTorch.ManualSeed(run.Seed);
        }

        var clock = Stopwatch.StartNew();
        while (run.StepsDone < run.TotalSteps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                if (checkpoint is not null)
                {
                    run.SaveCheckpoint(checkpoint);
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            var (loss, details) = run.Step();
            if (checkpoint is not null && (run.StepsDone % run.CheckpointEvery == 0 || run.StepsDone == run.TotalSteps))
            {
                run.SaveCheckpoint(checkpoint);
            }

            progress?.Report(new TrainingProgress(run.Description, run.StepsDone, run.TotalSteps, loss, clock.Elapsed, details));
        }
    }

    /// <summary>Resumes a run from <see cref="CheckpointFile"/> in <paramref name="checkpointDirectory"/> if it exists.</summary>
    /// <param name="run">The run (freshly built with the same options).</param>
    /// <param name="checkpointDirectory">The folder given to <see cref="Run"/>.</param>
    /// <returns>Whether a checkpoint was loaded.</returns>
    public static bool TryResume(ISteppedTraining run, string checkpointDirectory)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(checkpointDirectory);
        var path = Path.Combine(checkpointDirectory, CheckpointFile);
        if (!File.Exists(path))
        {
            return false;
        }

        run.LoadCheckpoint(path);
        return true;
    }
}

namespace UniCode.Kit.Training;

/// <summary>
/// A training run that advances one optimizer step at a time and can save and restore its whole state: what
/// <see cref="TrainingLoop"/> drives, and what Stage I interleaves (an LM step, then a tokenizer step).
/// </summary>
public interface ISteppedTraining
{
    /// <summary>What the progress display calls the run.</summary>
    string Description { get; }

    /// <summary>Steps done so far (also after a resume).</summary>
    int StepsDone { get; }

    /// <summary>The steps of the whole run.</summary>
    int TotalSteps { get; }

    /// <summary>A checkpoint is due every this many steps.</summary>
    int CheckpointEvery { get; }

    /// <summary>The run's seed (the global generator is seeded with it before step 0).</summary>
    ulong Seed { get; }

    /// <summary>Does step <see cref="StepsDone"/> and counts it.</summary>
    /// <returns>Its loss and the figures the progress display shows beside it.</returns>
    /// <exception cref="TrainingDivergedException">The loss was not finite.</exception>
    (double Loss, IReadOnlyDictionary<string, double> Details) Step();

    /// <summary>Writes the whole training state atomically.</summary>
    /// <param name="path">A .safetensors file.</param>
    void SaveCheckpoint(string path);

    /// <summary>Restores a state written by <see cref="SaveCheckpoint"/>.</summary>
    /// <param name="path">The .safetensors file.</param>
    void LoadCheckpoint(string path);
}

using UniCode.Kit.Multimodal.Tasks;

namespace UniCode.Kit.Training.Multimodal;

/// <summary>
/// Stage II's task mixture: task sets with weights. Step s draws its batch from a generator seeded by (seed, s)
/// alone, so a resumed run sees the same batches: each example picks a task by weight, then one of its examples.
/// </summary>
public sealed class TaskMixture
{
    private readonly (TaskSet Tasks, double Weight)[] entries;
    private readonly double total;

    /// <summary>Weights task sets.</summary>
    /// <param name="entries">At least one non-empty set with a positive weight.</param>
    public TaskMixture(IEnumerable<(TaskSet Tasks, double Weight)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        this.entries = [.. entries];
        if (this.entries.Length == 0)
        {
            throw new ArgumentException("a task mixture needs at least one task set", nameof(entries));
        }

        foreach (var (tasks, weight) in this.entries)
        {
            ArgumentNullException.ThrowIfNull(tasks);
            if (!(weight > 0) || !double.IsFinite(weight))
            {
                throw new ArgumentOutOfRangeException(nameof(entries), weight, $"the weight of '{tasks.Name}' must be positive and finite");
            }

            if (tasks.Count == 0)
            {
                throw new ArgumentException($"'{tasks.Name}' has no examples", nameof(entries));
            }
        }

        total = this.entries.Sum(e => e.Weight);
    }

    /// <summary>The sets and their weights.</summary>
    public IReadOnlyList<(TaskSet Tasks, double Weight)> Entries => entries;

    /// <summary>The examples of step <paramref name="step"/>.</summary>
    /// <param name="step">The step (0-based).</param>
    /// <param name="batchSize">Examples per step.</param>
    /// <param name="seed">The run's seed.</param>
    public IReadOnlyList<TaskExample> Batch(int step, int batchSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var random = new Random(unchecked((int)(seed * 0x9E3779B1UL) ^ (step * 0x2545F491) ^ 0x5bd1e995));
        var batch = new TaskExample[batchSize];
        for (var i = 0; i < batchSize; i++)
        {
            var pick = random.NextDouble() * total;
            var k = 0;
            while (k < entries.Length - 1 && pick >= entries[k].Weight)
            {
                pick -= entries[k].Weight;
                k++;
            }

            var tasks = entries[k].Tasks;
            batch[i] = tasks[random.Next(tasks.Count)];
        }

        return batch;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(" + ", entries.Select(e => $"{e.Weight:G3}·{e.Tasks.Name}"));
}

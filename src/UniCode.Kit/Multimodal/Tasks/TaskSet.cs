using System.Collections;

namespace UniCode.Kit.Multimodal.Tasks;

/// <summary>
/// A task's examples over a dataset, made on demand (a Shapes scene is rendered when its example is read), in the
/// dataset's order.
/// </summary>
public sealed class TaskSet : IReadOnlyList<TaskExample>
{
    private readonly Func<int, TaskExample> make;

    /// <summary>Wraps an example factory.</summary>
    /// <param name="kind">The task.</param>
    /// <param name="name">What it is built from (for messages and reports).</param>
    /// <param name="count">The number of examples.</param>
    /// <param name="make">Builds example i.</param>
    public TaskSet(TaskKind kind, string name, int count, Func<int, TaskExample> make)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(make);
        Kind = kind;
        Name = name;
        Count = count;
        this.make = make;
    }

    /// <summary>The task.</summary>
    public TaskKind Kind { get; }

    /// <summary>What the set is built from, e.g. "vqa on shapes".</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public TaskExample this[int index] => (uint)index < (uint)Count
        ? make(index)
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {Count} examples");

    /// <inheritdoc/>
    public IEnumerator<TaskExample> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return make(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Count} examples";
}

namespace UniCode.Torch;

/// <summary>
/// One entry of a tensor indexer, as in Python: an integer picks (and drops a dimension), a range
/// slices, <see cref="Ellipsis"/> skips the remaining dimensions and <see cref="NewAxis"/> inserts one.
/// <c>x[0, .., 1..^1]</c> is PyTorch's <c>x[0, :, 1:-1]</c>.
/// </summary>
public readonly struct TensorIndex : IEquatable<TensorIndex>
{
    internal enum IndexKind
    {
        Single,
        Range,
        Ellipsis,
        NewAxis,
    }

    private TensorIndex(IndexKind kind, long single, Range range, long step)
    {
        Kind = kind;
        SingleIndex = single;
        RangeValue = range;
        Step = step;
    }

    internal IndexKind Kind { get; }

    internal long SingleIndex { get; }

    internal Range RangeValue { get; }

    internal long Step { get; }

    /// <summary>Every remaining dimension, unchanged (Python's <c>...</c>).</summary>
    public static TensorIndex Ellipsis { get; } = new(IndexKind.Ellipsis, 0, default, 1);

    /// <summary>A new dimension of size 1 (Python's <c>None</c>).</summary>
    public static TensorIndex NewAxis { get; } = new(IndexKind.NewAxis, 0, default, 1);

    /// <summary>A slice with a step, Python's <c>start:end:step</c>.</summary>
    /// <param name="range">The bounds.</param>
    /// <param name="step">The step (positive).</param>
    public static TensorIndex Slice(Range range, long step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        return new(IndexKind.Range, 0, range, step);
    }

    /// <summary>Picks one index.</summary>
    public static implicit operator TensorIndex(long index) => new(IndexKind.Single, index, default, 1);

    /// <summary>Picks one index.</summary>
    public static implicit operator TensorIndex(int index) => new(IndexKind.Single, index, default, 1);

    /// <summary>Slices.</summary>
    public static implicit operator TensorIndex(Range range) => new(IndexKind.Range, 0, range, 1);

    /// <summary>Picks one index.</summary>
    /// <param name="index">The index.</param>
    public static TensorIndex FromInt64(long index) => index;

    /// <summary>Slices.</summary>
    /// <param name="range">The range.</param>
    public static TensorIndex FromRange(Range range) => range;

    /// <inheritdoc/>
    public bool Equals(TensorIndex other) =>
        Kind == other.Kind && SingleIndex == other.SingleIndex && RangeValue.Equals(other.RangeValue) && Step == other.Step;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TensorIndex other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, SingleIndex, RangeValue, Step);

    /// <summary>Equality.</summary>
    public static bool operator ==(TensorIndex left, TensorIndex right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(TensorIndex left, TensorIndex right) => !left.Equals(right);
}

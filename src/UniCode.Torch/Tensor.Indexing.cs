using UniCode.Torch.Interop;

namespace UniCode.Torch;

// Indexers, gathering and scattering.
public partial class Tensor
{
    /// <summary>Python-style indexing: <c>x[0]</c>, <c>x[.., 1..3]</c>, <c>x[TensorIndex.Ellipsis, 0]</c> (views).</summary>
    /// <param name="indices">One entry per dimension (fewer: the rest are kept whole).</param>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[params TensorIndex[] indices]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(indices);
            var shape = Shape;
            var consumed = indices.Count(i => i.Kind is TensorIndex.IndexKind.Single or TensorIndex.IndexKind.Range);
            if (indices.Count(i => i.Kind == TensorIndex.IndexKind.Ellipsis) > 1)
            {
                throw new ArgumentException("an index can hold at most one Ellipsis", nameof(indices));
            }

            if (consumed > shape.Length)
            {
                throw new ArgumentException($"too many indices ({consumed}) for a tensor of shape [{string.Join(", ", shape)}]", nameof(indices));
            }

            using var scope = new DisposeScope();
            var result = this;
            long dim = 0;
            foreach (var index in indices)
            {
                switch (index.Kind)
                {
                    case TensorIndex.IndexKind.Single:
                        result = result.Select(dim, index.SingleIndex);
                        break;
                    case TensorIndex.IndexKind.Range:
                        var size = result.Size((int)dim);
                        var (start, length) = ClampRange(index.RangeValue, size);
                        result = result.Slice(dim, start, start + length, index.Step);
                        dim++;
                        break;
                    case TensorIndex.IndexKind.NewAxis:
                        result = result.Unsqueeze(dim);
                        dim++;
                        break;
                    case TensorIndex.IndexKind.Ellipsis:
                        dim += shape.Length - consumed;
                        break;
                }
            }

            // Always hand back a new tensor, even for an empty index, so the caller owns what it gets.
            return (ReferenceEquals(result, this) ? Wrap(Native.ut_slice(Handle, 0, 0, long.MaxValue, 1)) : result).MoveToOuterScope();
        }
    }

    private static (long Start, long Length) ClampRange(Range range, long size)
    {
        long Resolve(Index i) => Math.Clamp(i.IsFromEnd ? size - i.Value : i.Value, 0, size);
        var start = Resolve(range.Start);
        var end = Resolve(range.End);
        return (start, Math.Max(0, end - start));
    }

    /// <summary>The entries of <paramref name="index"/> along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="index">A 1-D int64 tensor of indices.</param>
    public Tensor IndexSelect(long dim, Tensor index) => Wrap(Native.ut_index_select(Handle, dim, H(index)));

    /// <summary>out[i][j] = this[index[i][j]][j] for dim 0 (and so on): picks along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="index">An int64 tensor with as many dimensions as this one.</param>
    public Tensor Gather(long dim, Tensor index) => Wrap(Native.ut_gather(Handle, dim, H(index)));

    /// <summary>A copy with <paramref name="source"/> written at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="index">Where each source element goes.</param>
    /// <param name="source">The values.</param>
    public Tensor Scatter(long dim, Tensor index, Tensor source) => Wrap(Native.ut_scatter(Handle, dim, H(index), H(source)));

    /// <summary>A copy with <paramref name="value"/> written at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="index">Where.</param>
    /// <param name="value">The value.</param>
    public Tensor Scatter(long dim, Tensor index, Scalar value) => Wrap(Native.ut_scatter_scalar(Handle, dim, H(index), value.ToNative()));

    /// <summary>A copy with <paramref name="source"/> added at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="index">Where each source element goes.</param>
    /// <param name="source">The values.</param>
    public Tensor ScatterAdd(long dim, Tensor index, Tensor source) => Wrap(Native.ut_scatter_add(Handle, dim, H(index), H(source)));

    /// <summary>A copy with alpha * source's slices added at the rows <paramref name="index"/> of <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="index">A 1-D int64 tensor: source slice i goes to slice index[i].</param>
    /// <param name="source">The slices.</param>
    /// <param name="alpha">Their multiplier.</param>
    public Tensor IndexAdd(long dim, Tensor index, Tensor source, Scalar? alpha = null) =>
        Wrap(Native.ut_index_add(Handle, dim, H(index), H(source), (alpha ?? 1).ToNative()));

    /// <summary>In-place <see cref="IndexAdd"/> (used by EMA codebook updates).</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="index">A 1-D int64 tensor.</param>
    /// <param name="source">The slices.</param>
    /// <param name="alpha">Their multiplier.</param>
    public Tensor IndexAddInPlace(long dim, Tensor index, Tensor source, Scalar? alpha = null)
    {
        NativeError.Check(Native.ut_index_add_(Handle, dim, H(index), H(source), (alpha ?? 1).ToNative()));
        return this;
    }

    /// <summary>Copies source's slices into the rows <paramref name="index"/> of <paramref name="dim"/> (in place).</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="index">A 1-D int64 tensor.</param>
    /// <param name="source">The slices.</param>
    public Tensor IndexCopyInPlace(long dim, Tensor index, Tensor source)
    {
        NativeError.Check(Native.ut_index_copy_(Handle, dim, H(index), H(source)));
        return this;
    }

    /// <summary>One-hot encoding of an int64 tensor: a new last dimension of size <paramref name="numClasses"/>.</summary>
    /// <param name="numClasses">The number of classes (-1: max + 1).</param>
    public Tensor OneHot(long numClasses = -1) => Wrap(Native.ut_one_hot(Handle, numClasses));

    /// <summary>The indices of the non-zero elements, one row per element.</summary>
    public Tensor Nonzero() => Wrap(Native.ut_nonzero(Handle));

    /// <summary>How often each value occurs in a 1-D non-negative int64 tensor.</summary>
    /// <param name="minLength">The least length of the result.</param>
    public Tensor Bincount(long minLength = 0) => Wrap(Native.ut_bincount(Handle, minLength));
}

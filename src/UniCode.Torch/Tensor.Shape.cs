using UniCode.Torch.Interop;

namespace UniCode.Torch;

// Views, reshaping, joining and splitting.
public partial class Tensor
{
    /// <summary>A view with another shape (one size may be -1); the data must be laid out compatibly.</summary>
    /// <param name="shape">The new shape.</param>
    public Tensor View(params long[] shape) => Wrap(Native.ut_view(Handle, Dims(shape), shape.Length));

    /// <summary>The same data with another shape (a view when possible, else a copy).</summary>
    /// <param name="shape">The new shape (one size may be -1).</param>
    public Tensor Reshape(params long[] shape) => Wrap(Native.ut_reshape(Handle, Dims(shape), shape.Length));

    /// <summary>Reorders the dimensions.</summary>
    /// <param name="dims">The new order.</param>
    public Tensor Permute(params long[] dims) => Wrap(Native.ut_permute(Handle, Dims(dims), dims.Length));

    /// <summary>Swaps two dimensions.</summary>
    /// <param name="dim0">The first dimension.</param>
    /// <param name="dim1">The second dimension.</param>
    public Tensor Transpose(long dim0, long dim1) => Wrap(Native.ut_transpose(Handle, dim0, dim1));

    /// <summary>The transpose of a matrix (the last two dimensions swapped).</summary>
    public Tensor T => Transpose(-2, -1);

    /// <summary>Removes every dimension of size 1.</summary>
    public Tensor Squeeze() => Wrap(Native.ut_squeeze(Handle));

    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1.</summary>
    /// <param name="dim">The dimension.</param>
    public Tensor Squeeze(long dim) => Wrap(Native.ut_squeeze_dim(Handle, dim));

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/>.</summary>
    /// <param name="dim">Where.</param>
    public Tensor Unsqueeze(long dim) => Wrap(Native.ut_unsqueeze(Handle, dim));

    /// <summary>Merges dimensions <paramref name="startDim"/>..<paramref name="endDim"/> into one.</summary>
    /// <param name="startDim">The first dimension merged.</param>
    /// <param name="endDim">The last dimension merged.</param>
    public Tensor Flatten(long startDim = 0, long endDim = -1) => Wrap(Native.ut_flatten(Handle, startDim, endDim));

    /// <summary>Splits dimension <paramref name="dim"/> into <paramref name="sizes"/>.</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="sizes">Its new sizes (one may be -1).</param>
    public Tensor Unflatten(long dim, params long[] sizes) => Wrap(Native.ut_unflatten(Handle, dim, Dims(sizes), sizes.Length));

    /// <summary>A broadcast view with size-1 dimensions repeated (-1 keeps a size).</summary>
    /// <param name="shape">The target shape.</param>
    public Tensor Expand(params long[] shape) => Wrap(Native.ut_expand(Handle, Dims(shape), shape.Length));

    /// <summary>Expands to <paramref name="other"/>'s shape.</summary>
    /// <param name="other">The tensor whose shape to take.</param>
    public Tensor ExpandAs(Tensor other) => Expand(NotNull(other).Shape);

    /// <summary>Tiles the tensor: dimension d is repeated repeats[d] times (copies data).</summary>
    /// <param name="repeats">Repetitions per dimension.</param>
    public Tensor Repeat(params long[] repeats) => Wrap(Native.ut_repeat(Handle, Dims(repeats), repeats.Length));

    /// <summary>Reverses the order along <paramref name="dims"/>.</summary>
    /// <param name="dims">The dimensions.</param>
    public Tensor Flip(params long[] dims) => Wrap(Native.ut_flip(Handle, Dims(dims), dims.Length));

    /// <summary>Elements start..start+length-1 of dimension <paramref name="dim"/> (a view).</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="start">The first index.</param>
    /// <param name="length">How many.</param>
    public Tensor Narrow(long dim, long start, long length) => Wrap(Native.ut_narrow(Handle, dim, start, length));

    /// <summary>Index <paramref name="index"/> of dimension <paramref name="dim"/>, removing that dimension (a view).</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="index">The index (negative counts from the end).</param>
    public Tensor Select(long dim, long index) => Wrap(Native.ut_select(Handle, dim, index));

    /// <summary>Python's <c>x[start:end:step]</c> along <paramref name="dim"/> (a view).</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="start">The first index.</param>
    /// <param name="end">The bound (excluded).</param>
    /// <param name="step">The step.</param>
    public Tensor Slice(long dim, long start, long end, long step = 1) => Wrap(Native.ut_slice(Handle, dim, start, end, step));

    /// <summary>Rotates the elements along <paramref name="dim"/> by <paramref name="shift"/>.</summary>
    /// <param name="shift">Places to shift.</param>
    /// <param name="dim">The dimension.</param>
    public Tensor Roll(long shift, long dim) => Wrap(Native.ut_roll(Handle, shift, dim));

    /// <summary>The lower triangle (elements on and below the diagonal; others zero).</summary>
    /// <param name="diagonal">Which diagonal bounds it (0: the main one).</param>
    public Tensor Tril(long diagonal = 0) => Wrap(Native.ut_tril(Handle, diagonal));

    /// <summary>The upper triangle (elements on and above the diagonal; others zero).</summary>
    /// <param name="diagonal">Which diagonal bounds it (0: the main one).</param>
    public Tensor Triu(long diagonal = 0) => Wrap(Native.ut_triu(Handle, diagonal));

    /// <summary>Joins tensors along an existing dimension.</summary>
    /// <param name="tensors">The tensors (same shape except in <paramref name="dim"/>).</param>
    /// <param name="dim">The dimension.</param>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        using var handles = new HandleList(tensors, nameof(tensors));
        return Wrap(Native.ut_cat(handles.Pointers, handles.Count, dim));
    }

    /// <summary>Joins tensors along a new dimension.</summary>
    /// <param name="tensors">The tensors (same shape).</param>
    /// <param name="dim">Where the new dimension goes.</param>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        using var handles = new HandleList(tensors, nameof(tensors));
        return Wrap(Native.ut_stack(handles.Pointers, handles.Count, dim));
    }

    /// <summary>Splits into <paramref name="chunks"/> nearly equal pieces along <paramref name="dim"/> (views).</summary>
    /// <param name="chunks">How many pieces (at most).</param>
    /// <param name="dim">The dimension.</param>
    public Tensor[] Chunk(long chunks, long dim = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        var output = new IntPtr[chunks];
        var n = NativeError.Check(Native.ut_chunk(Handle, chunks, dim, output, output.Length));
        return WrapAll(output.AsSpan(0, n));
    }

    /// <summary>Splits into pieces of <paramref name="size"/> along <paramref name="dim"/> (the last may be smaller).</summary>
    /// <param name="size">The size of each piece.</param>
    /// <param name="dim">The dimension.</param>
    public Tensor[] Split(long size, long dim = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var output = new IntPtr[Math.Max(1, (Size((int)dim) + size - 1) / size)];
        var n = NativeError.Check(Native.ut_split(Handle, size, dim, output, output.Length));
        return WrapAll(output.AsSpan(0, n));
    }

    /// <summary>Splits into pieces of the given sizes along <paramref name="dim"/>.</summary>
    /// <param name="sizes">The sizes (summing to the dimension's size).</param>
    /// <param name="dim">The dimension.</param>
    public Tensor[] Split(long[] sizes, long dim = 0)
    {
        var output = new IntPtr[Dims(sizes).Length];
        var n = NativeError.Check(Native.ut_split_sizes(Handle, sizes, sizes.Length, dim, output, output.Length));
        return WrapAll(output.AsSpan(0, n));
    }
}

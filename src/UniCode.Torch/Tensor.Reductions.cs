using UniCode.Torch.Interop;

namespace UniCode.Torch;

// Reductions, sorting and products. A reduction over no dims reduces over all of them.
public partial class Tensor
{
    /// <summary>The sum of all elements (0-dimensional).</summary>
    public Tensor Sum() => Wrap(Native.ut_sum(Handle, [], 0, 0));

    /// <summary>The sum along <paramref name="dims"/>.</summary>
    /// <param name="dims">The dimensions to reduce.</param>
    /// <param name="keepDim">Keep reduced dimensions with size 1.</param>
    public Tensor Sum(long[] dims, bool keepDim = false) => Wrap(Native.ut_sum(Handle, Dims(dims), dims.Length, B(keepDim)));

    /// <summary>The sum along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep it with size 1.</param>
    public Tensor Sum(long dim, bool keepDim = false) => Sum([dim], keepDim);

    /// <summary>The mean of all elements.</summary>
    public Tensor Mean() => Wrap(Native.ut_mean(Handle, [], 0, 0));

    /// <summary>The mean along <paramref name="dims"/>.</summary>
    /// <param name="dims">The dimensions to reduce.</param>
    /// <param name="keepDim">Keep reduced dimensions with size 1.</param>
    public Tensor Mean(long[] dims, bool keepDim = false) => Wrap(Native.ut_mean(Handle, Dims(dims), dims.Length, B(keepDim)));

    /// <summary>The mean along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep it with size 1.</param>
    public Tensor Mean(long dim, bool keepDim = false) => Mean([dim], keepDim);

    /// <summary>The largest element (0-dimensional).</summary>
    public Tensor Max() => Wrap(Native.ut_max_all(Handle));

    /// <summary>The smallest element (0-dimensional).</summary>
    public Tensor Min() => Wrap(Native.ut_min_all(Handle));

    /// <summary>The largest values along <paramref name="dim"/> and where they are.</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep it with size 1.</param>
    public (Tensor Values, Tensor Indices) Max(long dim, bool keepDim = false)
    {
        Span<IntPtr> output = stackalloc IntPtr[2];
        NativeError.Check(Native.ut_max_dim(Handle, dim, B(keepDim), output));
        return (Wrap(output[0]), Wrap(output[1]));
    }

    /// <summary>The smallest values along <paramref name="dim"/> and where they are.</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep it with size 1.</param>
    public (Tensor Values, Tensor Indices) Min(long dim, bool keepDim = false)
    {
        Span<IntPtr> output = stackalloc IntPtr[2];
        NativeError.Check(Native.ut_min_dim(Handle, dim, B(keepDim), output));
        return (Wrap(output[0]), Wrap(output[1]));
    }

    /// <summary>The largest values along <paramref name="dims"/> (no indices).</summary>
    /// <param name="dims">The dimensions to reduce.</param>
    /// <param name="keepDim">Keep reduced dimensions with size 1.</param>
    public Tensor Amax(long[] dims, bool keepDim = false) => Wrap(Native.ut_amax(Handle, Dims(dims), dims.Length, B(keepDim)));

    /// <summary>The smallest values along <paramref name="dims"/> (no indices).</summary>
    /// <param name="dims">The dimensions to reduce.</param>
    /// <param name="keepDim">Keep reduced dimensions with size 1.</param>
    public Tensor Amin(long[] dims, bool keepDim = false) => Wrap(Native.ut_amin(Handle, Dims(dims), dims.Length, B(keepDim)));

    /// <summary>The index of the largest element along <paramref name="dim"/> (or of the flattened tensor when null).</summary>
    /// <param name="dim">The dimension, or null for all.</param>
    /// <param name="keepDim">Keep it with size 1.</param>
    public Tensor ArgMax(long? dim = null, bool keepDim = false) => Wrap(Native.ut_argmax(Handle, dim ?? 0, B(dim.HasValue), B(keepDim)));

    /// <summary>The index of the smallest element along <paramref name="dim"/> (or of the flattened tensor when null).</summary>
    /// <param name="dim">The dimension, or null for all.</param>
    /// <param name="keepDim">Keep it with size 1.</param>
    public Tensor ArgMin(long? dim = null, bool keepDim = false) => Wrap(Native.ut_argmin(Handle, dim ?? 0, B(dim.HasValue), B(keepDim)));

    /// <summary>The variance along <paramref name="dims"/> (all when empty), with Bessel's correction by default.</summary>
    /// <param name="dims">The dimensions to reduce (empty: all).</param>
    /// <param name="correction">Subtracted from the count in the denominator (1: unbiased, 0: population).</param>
    /// <param name="keepDim">Keep reduced dimensions with size 1.</param>
    public Tensor Var(long[]? dims = null, long correction = 1, bool keepDim = false) =>
        Wrap(Native.ut_var(Handle, dims ?? [], dims?.Length ?? 0, correction, B(keepDim)));

    /// <summary>The standard deviation along <paramref name="dims"/> (all when empty).</summary>
    /// <param name="dims">The dimensions to reduce (empty: all).</param>
    /// <param name="correction">Subtracted from the count in the denominator (1: unbiased, 0: population).</param>
    /// <param name="keepDim">Keep reduced dimensions with size 1.</param>
    public Tensor Std(long[]? dims = null, long correction = 1, bool keepDim = false) =>
        Wrap(Native.ut_std(Handle, dims ?? [], dims?.Length ?? 0, correction, B(keepDim)));

    /// <summary>log(sum(exp(x))) along <paramref name="dim"/>, computed stably.</summary>
    /// <param name="dim">The dimension to reduce.</param>
    /// <param name="keepDim">Keep it with size 1.</param>
    public Tensor LogSumExp(long dim, bool keepDim = false) => Wrap(Native.ut_logsumexp(Handle, [dim], 1, B(keepDim)));

    /// <summary>The product of all elements.</summary>
    public Tensor Prod() => Wrap(Native.ut_prod(Handle));

    /// <summary>True when every element is true (non-zero).</summary>
    public Tensor All() => Wrap(Native.ut_all(Handle));

    /// <summary>True when some element is true (non-zero).</summary>
    public Tensor Any() => Wrap(Native.ut_any(Handle));

    /// <summary>The vector p-norm over <paramref name="dims"/> (all when null).</summary>
    /// <param name="p">The order (2: Euclidean; double.PositiveInfinity: max).</param>
    /// <param name="dims">The dimensions to reduce, or null for all.</param>
    /// <param name="keepDim">Keep reduced dimensions with size 1.</param>
    public Tensor Norm(double p = 2, long[]? dims = null, bool keepDim = false) =>
        Wrap(Native.ut_norm(Handle, p, dims ?? [], dims?.Length ?? 0, B(keepDim)));

    /// <summary>Running sums along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension.</param>
    public Tensor CumSum(long dim) => Wrap(Native.ut_cumsum(Handle, dim));

    /// <summary>The k largest (or smallest) values along <paramref name="dim"/> and their indices.</summary>
    /// <param name="k">How many.</param>
    /// <param name="dim">The dimension.</param>
    /// <param name="largest">Largest (true) or smallest (false).</param>
    /// <param name="sorted">Return them in order.</param>
    public (Tensor Values, Tensor Indices) TopK(long k, long dim = -1, bool largest = true, bool sorted = true)
    {
        Span<IntPtr> output = stackalloc IntPtr[2];
        NativeError.Check(Native.ut_topk(Handle, k, dim, B(largest), B(sorted), output));
        return (Wrap(output[0]), Wrap(output[1]));
    }

    /// <summary>Sorts along <paramref name="dim"/>; returns the sorted values and the permutation.</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="descending">Largest first.</param>
    /// <param name="stable">Keep the order of equal elements.</param>
    public (Tensor Values, Tensor Indices) Sort(long dim = -1, bool descending = false, bool stable = false)
    {
        Span<IntPtr> output = stackalloc IntPtr[2];
        NativeError.Check(Native.ut_sort(Handle, dim, B(descending), B(stable), output));
        return (Wrap(output[0]), Wrap(output[1]));
    }

    /// <summary>The permutation that sorts along <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension.</param>
    /// <param name="descending">Largest first.</param>
    public Tensor ArgSort(long dim = -1, bool descending = false) => Wrap(Native.ut_argsort(Handle, dim, B(descending)));

    /// <summary>Matrix product with NumPy broadcasting rules (vectors, matrices, batches).</summary>
    /// <param name="other">The right operand.</param>
    public Tensor MatMul(Tensor other) => Wrap(Native.ut_matmul(Handle, H(other)));

    /// <summary>Product of two matrices.</summary>
    /// <param name="other">The right matrix.</param>
    public Tensor Mm(Tensor other) => Wrap(Native.ut_mm(Handle, H(other)));

    /// <summary>Batched matrix product of [B, n, m] and [B, m, p].</summary>
    /// <param name="other">The right batch.</param>
    public Tensor Bmm(Tensor other) => Wrap(Native.ut_bmm(Handle, H(other)));

    /// <summary>The outer product of two vectors.</summary>
    /// <param name="other">The right vector.</param>
    public Tensor Outer(Tensor other) => Wrap(Native.ut_outer(Handle, H(other)));

    /// <summary>
    /// True when every element is finite (no NaN, no infinity). Reads one bool; to check several tensors
    /// per step with a single read, use <see cref="FiniteGuard"/>.
    /// </summary>
    public bool AllFinite() => AllFinite([this]);

    /// <summary>True when every element of every tensor is finite: one native call over the list, one read.</summary>
    /// <param name="tensors">The tensors (e.g. a step's gradients); integer tensors are always finite.</param>
    public static bool AllFinite(IReadOnlyList<Tensor> tensors)
    {
        using var flag = FromScalar(true, DType.Bool, tensors.Count > 0 && tensors[0] is { } first ? first.Device : null);
        AccumulateFinite(flag, tensors);
        return flag.ToBoolean();
    }

    // flag &= every element of every tensor is finite; nothing is read back.
    internal static void AccumulateFinite(Tensor flag, IReadOnlyList<Tensor> tensors)
    {
        using var handles = new HandleList(tensors, nameof(tensors));
        NativeError.Check(Native.ut_all_finite_(flag.Handle, handles.Pointers, handles.Count));
    }

    /// <summary>Einstein summation, e.g. <c>Einsum("bij,bjk->bik", a, b)</c>.</summary>
    /// <param name="equation">The subscripts.</param>
    /// <param name="operands">The tensors.</param>
    public static Tensor Einsum(string equation, params Tensor[] operands)
    {
        ArgumentNullException.ThrowIfNull(equation);
        using var handles = new HandleList(operands, nameof(operands));
        return Wrap(Native.ut_einsum(equation, handles.Pointers, handles.Count));
    }

    private static long[] Dims(long[] dims, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(dims))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(dims, name);
        return dims;
    }
}

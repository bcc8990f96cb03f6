using System.Runtime.CompilerServices;
using UniCode.Torch.Interop;

namespace UniCode.Torch;

/// <summary>
/// A libtorch tensor. Ops return new tensors; every tensor owns native memory that is freed by
/// <see cref="Dispose"/>, by the <see cref="DisposeScope"/> it was created in, or (as a backstop) by the
/// garbage collector. Using a tensor after it was disposed throws <see cref="ObjectDisposedException"/>;
/// every libtorch error becomes a <see cref="TorchException"/> with libtorch's message.
/// </summary>
/// <remarks>The partial files next to this one group the ops: creation, data, math, reductions, shape,
/// indexing, autograd and formatting.</remarks>
[Display.TypeFormatterSource(typeof(Display.TensorFormatterSource))]
public partial class Tensor : IDisposable
{
    private TensorHandle? handle;

    internal Tensor(IntPtr pointer)
    {
        handle = new TensorHandle(pointer);
        DisposeScope.Track(this);
        MemoryPressure.Update();
    }

    /// <summary>Wraps a new native tensor that no dispose scope owns (used by <see cref="NN.Parameter"/>).</summary>
    /// <param name="pointer">A handle from the bridge (not null).</param>
    /// <param name="trackInScope">Whether the innermost dispose scope takes ownership.</param>
    private protected Tensor(IntPtr pointer, bool trackInScope)
    {
        handle = new TensorHandle(NativeError.Check(pointer));
        if (trackInScope)
        {
            DisposeScope.Track(this);
        }

        MemoryPressure.Update();
    }

    /// <summary>The dispose scope that will free this tensor, if any.</summary>
    internal DisposeScope? Scope { get; set; }

    /// <summary>True once the tensor has been disposed.</summary>
    public bool IsDisposed => handle is null || handle.IsClosed;

    internal TensorHandle Handle => handle is { IsClosed: false } h
        ? h
        : throw new ObjectDisposedException(
            nameof(Tensor), "This tensor was disposed (directly or by its DisposeScope) and can no longer be used.");

    /// <summary>Wraps a handle returned by the bridge, or throws libtorch's error when it is null.</summary>
    internal static Tensor Wrap(IntPtr pointer) => new(NativeError.Check(pointer));

    /// <summary>Wraps a nullable handle: null stays null (e.g. a missing gradient).</summary>
    internal static Tensor? WrapOptional(IntPtr pointer) => pointer == IntPtr.Zero ? null : new Tensor(pointer);

    internal static TensorHandle H(Tensor tensor, [CallerArgumentExpression(nameof(tensor))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        return tensor.Handle;
    }

    internal static TensorHandle Optional(Tensor? tensor) => tensor?.Handle ?? TensorHandle.Null;

    internal static int B(bool value) => value ? 1 : 0;

    /// <summary>Frees the native tensor now. Safe to call more than once.</summary>
    public void Dispose()
    {
        handle?.Dispose();
        handle = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>Keeps this tensor when the innermost <see cref="DisposeScope"/> closes: it moves to the enclosing one.</summary>
    public Tensor MoveToOuterScope() => Scope?.MoveToOuter(this) ?? this;

    /// <summary>Takes this tensor out of every dispose scope: it lives until disposed or collected.</summary>
    public Tensor DetachFromScope() => Scope?.Detach(this) ?? this;

    internal static Tensor[] WrapAll(ReadOnlySpan<IntPtr> pointers)
    {
        var result = new Tensor[pointers.Length];
        for (var i = 0; i < pointers.Length; i++)
        {
            result[i] = Wrap(pointers[i]);
        }

        return result;
    }
}

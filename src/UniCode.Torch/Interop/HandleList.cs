namespace UniCode.Torch.Interop;

/// <summary>
/// The native handles of a list of tensors, held for the length of one native call. The marshaller
/// AddRefs a <see cref="TensorHandle"/> passed as an argument, but an array of raw pointers gets no such
/// protection: without it, a tensor reachable only through the list (a lazy projection's indexer) can be
/// finalised, and a tensor another thread disposes can be freed, while native code reads it. Each handle is
/// therefore AddRef'd here (throwing <see cref="ObjectDisposedException"/> when already disposed) and
/// released by <see cref="Dispose"/>: a racing Dispose then only marks the tensor closed, and its memory is
/// freed when the call has returned.
/// </summary>
/// <example><code>
/// using var handles = new HandleList(tensors, nameof(tensors));
/// return Wrap(Native.ut_cat(handles.Pointers, handles.Count, dim));
/// </code></example>
internal ref struct HandleList
{
    private readonly TensorHandle?[] owners;
    private readonly IntPtr[] pointers;
    private int added;

    /// <summary>AddRefs the handle of every tensor; null entries are errors.</summary>
    /// <param name="tensors">The tensors.</param>
    /// <param name="name">The argument's name, for errors.</param>
    public HandleList(IReadOnlyList<Tensor> tensors, string name)
        : this(tensors, name, allowNull: false)
    {
    }

    /// <summary>AddRefs the handle of every tensor; null entries pass a null pointer when allowed.</summary>
    /// <param name="tensors">The tensors.</param>
    /// <param name="name">The argument's name, for errors.</param>
    /// <param name="allowNull">Whether a null entry means "not given".</param>
    public HandleList(IReadOnlyList<Tensor?> tensors, string name, bool allowNull)
    {
        ArgumentNullException.ThrowIfNull(tensors, name);
        var count = tensors.Count;
        owners = new TensorHandle?[count];
        pointers = new IntPtr[count];
        added = 0;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var tensor = tensors[i];
                if (tensor is null)
                {
                    if (!allowNull)
                    {
                        throw new ArgumentNullException(name, $"{name}[{i}] is null");
                    }

                    added++;
                    continue;
                }

                var handle = tensor.Handle;
                var success = false;
                handle.DangerousAddRef(ref success); // throws ObjectDisposedException once the handle is closed
                owners[i] = handle;
                added++;
                pointers[i] = handle.DangerousGetHandle();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The raw pointers, valid until <see cref="Dispose"/>.</summary>
    public readonly ReadOnlySpan<IntPtr> Pointers => pointers;

    /// <summary>The number of tensors.</summary>
    public readonly int Count => pointers.Length;

    /// <summary>Releases the references taken by the constructor (each once).</summary>
    public void Dispose()
    {
        for (var i = 0; i < added; i++)
        {
            owners[i]?.DangerousRelease();
            owners[i] = null;
        }

        added = 0;
    }
}

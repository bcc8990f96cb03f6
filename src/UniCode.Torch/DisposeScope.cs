namespace UniCode.Torch;

/// <summary>
/// Frees, when disposed, every tensor created on this thread while it was the innermost scope, except
/// the tensors moved out of it. The way to keep a training loop's memory flat:
/// <code>
/// using (new DisposeScope())
/// {
///     var loss = F.CrossEntropy(model.Forward(x), y);
///     loss.Backward();
///     optimizer.Step();
/// } // every intermediate tensor of the step is freed here
/// </code>
/// Scopes nest; a tensor returned from a scoped computation is kept with <see cref="Tensor.MoveToOuterScope"/>.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? current;

    private readonly List<Tensor> tensors = [];
    private readonly DisposeScope? parent;
    private bool disposed;

    /// <summary>Opens a scope on the current thread; it becomes the innermost one.</summary>
    public DisposeScope()
    {
        parent = current;
        current = this;
    }

    /// <summary>The innermost open scope of the current thread, if any.</summary>
    public static DisposeScope? Current => current;

    /// <summary>The scope this one is nested in.</summary>
    public DisposeScope? Parent => parent;

    /// <summary>How many tensors this scope will free (created here and not moved out or disposed).</summary>
    public int Count => tensors.Count(t => ReferenceEquals(t.Scope, this) && !t.IsDisposed);

    private bool IsAncestorOf(DisposeScope scope)
    {
        for (var s = scope.parent; s is not null; s = s.parent)
        {
            if (ReferenceEquals(s, this))
            {
                return true;
            }
        }

        return false;
    }

    internal static void Track(Tensor tensor)
    {
        var scope = current;
        if (scope is not null)
        {
            tensor.Scope = scope;
            scope.tensors.Add(tensor);
        }
    }

    /// <summary>Hands a tensor to the enclosing scope (or to nobody, at the outermost scope).</summary>
    /// <param name="tensor">A tensor owned by this scope.</param>
    public T MoveToOuter<T>(T tensor)
        where T : Tensor
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (ReferenceEquals(tensor.Scope, this))
        {
            tensor.Scope = parent;
            parent?.tensors.Add(tensor);
        }

        return tensor;
    }

    /// <summary>Removes a tensor from every scope: it lives until disposed or collected.</summary>
    /// <param name="tensor">A tensor owned by this scope.</param>
    public T Detach<T>(T tensor)
        where T : Tensor
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (ReferenceEquals(tensor.Scope, this))
        {
            tensor.Scope = null;
        }

        return tensor;
    }

    /// <summary>Frees the tensors this scope still owns and closes it.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        // A scope disposed out of order (manually, before a scope nested in it) closes the inner
        // scopes first, so that the thread's innermost scope is never a disposed one.
        while (current is not null && !ReferenceEquals(current, this) && IsAncestorOf(current))
        {
            current.Dispose();
        }

        disposed = true;
        foreach (var tensor in tensors)
        {
            if (ReferenceEquals(tensor.Scope, this))
            {
                tensor.Dispose();
            }
        }

        tensors.Clear();
        if (ReferenceEquals(current, this))
        {
            current = parent;
        }
    }
}

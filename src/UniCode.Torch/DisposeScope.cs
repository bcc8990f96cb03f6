namespace UniCode.Torch;

/// <summary>
/// Frees, when disposed, every tensor created while it was the innermost scope, except the tensors moved
/// out of it. The way to keep a training loop's memory flat:
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
/// <remarks>
/// <para>The innermost scope flows with the async context (an <see cref="AsyncLocal{T}"/>), not with the thread:
/// after an <c>await</c> the same scope is current, whichever thread the continuation runs on, and tasks and
/// threads started inside a scope see it too (their tensors join it; adding is thread-safe). A scope opened
/// inside an async method is not visible to its caller once the method returns, as for any async-local value.</para>
/// <para>A scope must be disposed by the code that opened it: from a context where it is not the current scope
/// (or an ancestor of it), e.g. a thread started before the scope opened, <see cref="Dispose"/> throws
/// <see cref="InvalidOperationException"/>, as <see cref="GradModeScope"/> does. When a task that inherited a scope
/// disposes it, the contexts that still see it skip it: a tensor is never handed to a disposed scope (it goes to
/// the nearest open ancestor, or to nobody).</para>
/// </remarks>
public sealed class DisposeScope : IDisposable
{
    private static readonly AsyncLocal<DisposeScope?> Innermost = new();

    private readonly Lock gate = new();
    private readonly List<Tensor> tensors = [];
    private readonly DisposeScope? parent;
    private volatile bool disposed;

    /// <summary>Opens a scope in the current async context; it becomes the innermost one.</summary>
    public DisposeScope()
    {
        parent = Open(Innermost.Value);
        Innermost.Value = this;
    }

    /// <summary>The innermost open scope of the current async context, if any.</summary>
    public static DisposeScope? Current => Open(Innermost.Value);

    /// <summary>The scope this one is nested in.</summary>
    public DisposeScope? Parent => parent;

    /// <summary>True once the scope has been disposed.</summary>
    public bool IsDisposed => disposed;

    /// <summary>How many tensors this scope will free (created here and not moved out or disposed).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return tensors.Count(t => ReferenceEquals(t.Scope, this) && !t.IsDisposed);
            }
        }
    }

    // The scope itself or, when it was disposed elsewhere, its nearest open ancestor.
    private static DisposeScope? Open(DisposeScope? scope)
    {
        while (scope is { disposed: true })
        {
            scope = scope.parent;
        }

        return scope;
    }

    private bool IsAncestorOf(DisposeScope? scope)
    {
        for (var s = scope?.parent; s is not null; s = s.parent)
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
        var scope = Innermost.Value;
        if (scope is not null)
        {
            scope.Add(tensor);
        }
    }

    // Adds under the lock that Dispose takes, so a tensor never joins a scope that is being freed.
    private void Add(Tensor tensor)
    {
        for (var scope = this; scope is not null; scope = scope.parent)
        {
            lock (scope.gate)
            {
                if (!scope.disposed)
                {
                    tensor.Scope = scope;
                    scope.tensors.Add(tensor);
                    return;
                }
            }
        }

        tensor.Scope = null;
    }

    /// <summary>Hands a tensor to the enclosing scope (or to nobody, at the outermost scope).</summary>
    /// <param name="tensor">A tensor owned by this scope.</param>
    public T MoveToOuter<T>(T tensor)
        where T : Tensor
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (ReferenceEquals(tensor.Scope, this))
        {
            if (parent is null)
            {
                tensor.Scope = null;
            }
            else
            {
                parent.Add(tensor);
            }
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
    /// <exception cref="InvalidOperationException">The scope is neither the current scope of this async context
    /// nor an ancestor of it (it was opened by other code, e.g. on another thread).</exception>
    public void Dispose()
    {
        if (disposed)
        {
            // Disposed by a task that inherited it: this context stops pointing at it.
            if (ReferenceEquals(Innermost.Value, this))
            {
                Innermost.Value = Open(parent);
            }

            return;
        }

        var current = Innermost.Value;
        if (!ReferenceEquals(current, this) && !IsAncestorOf(current))
        {
            throw new InvalidOperationException(
                "A DisposeScope must be disposed by the code that opened it (or by code that inherited it through " +
                "an await, a task or a thread started inside it); here it is not the current scope.");
        }

        // A scope disposed out of order (before a scope nested in it) closes the inner scopes first, so that
        // the context's innermost scope is never a disposed one.
        while (current is not null && !ReferenceEquals(current, this))
        {
            current.Dispose();
            if (ReferenceEquals(Innermost.Value, current))
            {
                Innermost.Value = current.parent;
            }

            current = Innermost.Value;
        }

        List<Tensor> owned;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            owned = [.. tensors];
            tensors.Clear();
        }

        foreach (var tensor in owned)
        {
            if (ReferenceEquals(tensor.Scope, this))
            {
                tensor.Dispose();
            }
        }

        if (ReferenceEquals(Innermost.Value, this))
        {
            Innermost.Value = Open(parent);
        }
    }
}

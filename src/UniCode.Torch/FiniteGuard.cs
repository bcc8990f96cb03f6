using UniCode.Torch.NN;

namespace UniCode.Torch;

/// <summary>
/// A trainer's check that a step's loss and gradients are finite, at the cost of one read per step: each
/// <see cref="Add(Tensor)"/> folds "all elements finite" into a bool scalar on the tensors' device without
/// reading it (no sync), and <see cref="AllFinite"/> reads it once.
/// <code>
/// using var guard = new FiniteGuard();
/// guard.Add(loss);
/// loss.Backward();
/// guard.AddGradients(model.Parameters());
/// if (guard.CheckAndReset()) optimizer.Step(); else skipped++;
/// </code>
/// </summary>
public sealed class FiniteGuard : IDisposable
{
    private Tensor? flag;
    private bool disposed;

    /// <summary>Folds in one tensor (e.g. the loss).</summary>
    /// <param name="tensor">The tensor.</param>
    public void Add(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Add([tensor]);
    }

    /// <summary>Folds in several tensors with one native call.</summary>
    /// <param name="tensors">The tensors.</param>
    public void Add(IReadOnlyList<Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(disposed, this);
        flag ??= Tensor.FromScalar(true, DType.Bool, tensors[0]?.Device).DetachFromScope();
        Tensor.AccumulateFinite(flag, tensors);
    }

    /// <summary>Folds in the gradients of the parameters that have one.</summary>
    /// <param name="parameters">The parameters (e.g. <c>model.Parameters()</c>).</param>
    public void AddGradients(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var scope = new DisposeScope();
        Add([.. parameters.Select(p => p.Grad).OfType<Tensor>()]);
    }

    /// <summary>True when every tensor folded in since the last reset was finite (reads the flag: one sync).</summary>
    public bool AllFinite
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return flag?.ToBoolean() ?? true;
        }
    }

    /// <summary>Starts a new check (e.g. for the next step).</summary>
    public void Reset() => flag?.FillInPlace(true);

    /// <summary>Reads <see cref="AllFinite"/> and resets: the once-per-step call.</summary>
    public bool CheckAndReset()
    {
        var result = AllFinite;
        Reset();
        return result;
    }

    /// <summary>Frees the flag.</summary>
    public void Dispose()
    {
        disposed = true;
        flag?.Dispose();
        flag = null;
    }
}

using UniCode.Torch.Interop;

namespace UniCode.Torch;

/// <summary>Autograd controls: grad-mode scopes and gradients of outputs with respect to inputs.</summary>
public static class Autograd
{
    /// <summary>True when ops on this thread are recorded for backward.</summary>
    public static bool IsGradEnabled => NativeError.Check(Native.ut_is_grad_enabled()) == 1;

    /// <summary>
    /// Stops recording ops on this thread until disposed (PyTorch's <c>torch.no_grad()</c>):
    /// <c>using (Autograd.NoGrad()) { ... }</c>. Grad mode is per thread.
    /// </summary>
    public static GradModeScope NoGrad() => new(enabled: false);

    /// <summary>Records ops on this thread until disposed, even inside <see cref="NoGrad"/>.</summary>
    public static GradModeScope EnableGrad() => new(enabled: true);

    /// <summary>
    /// d(outputs)/d(inputs) without touching any <see cref="Tensor.Grad"/> (PyTorch's <c>torch.autograd.grad</c>);
    /// e.g. VQ-GAN's adaptive weight compares two losses' gradients at the decoder's last layer.
    /// </summary>
    /// <param name="outputs">The tensors to differentiate.</param>
    /// <param name="inputs">The tensors to differentiate with respect to.</param>
    /// <param name="gradOutputs">d(loss)/d(outputs), or null for one-element outputs.</param>
    /// <param name="retainGraph">Keep the graph for another pass.</param>
    /// <param name="createGraph">Record this pass (for higher-order gradients).</param>
    /// <param name="allowUnused">Return null for inputs the outputs do not depend on (else an error).</param>
    public static Tensor?[] Grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? gradOutputs = null,
        bool retainGraph = false, bool createGraph = false, bool allowUnused = false)
    {
        using var outputHandles = new HandleList(outputs, nameof(outputs));
        using var inputHandles = new HandleList(inputs, nameof(inputs));
        using var gradHandles = new HandleList(gradOutputs ?? [], nameof(gradOutputs), allowNull: true);
        var result = new IntPtr[inputHandles.Count];
        NativeError.Check(Native.ut_autograd_grad(outputHandles.Pointers, outputHandles.Count, gradHandles.Pointers, gradHandles.Count,
            inputHandles.Pointers, inputHandles.Count, Tensor.B(retainGraph), Tensor.B(createGraph), Tensor.B(allowUnused), result));
        return result.Select(Tensor.WrapOptional).ToArray();
    }
}

/// <summary>Restores the previous grad mode of its thread when disposed.</summary>
public sealed class GradModeScope : IDisposable
{
    private readonly bool previous;
    private readonly int threadId;
    private bool disposed;

    internal GradModeScope(bool enabled)
    {
        previous = NativeError.Check(Native.ut_set_grad_enabled(Tensor.B(enabled))) == 1;
        threadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>Restores the grad mode that was active when the scope opened.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        if (Environment.CurrentManagedThreadId != threadId)
        {
            throw new InvalidOperationException("A grad-mode scope must be disposed on the thread that opened it (grad mode is per thread).");
        }

        disposed = true;
        NativeError.Check(Native.ut_set_grad_enabled(Tensor.B(previous)));
    }
}

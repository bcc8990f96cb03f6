using UniCode.Torch.Interop;

namespace UniCode.Torch;

// Autograd on a single tensor. See Autograd for scopes and torch.autograd.grad.
public partial class Tensor
{
    /// <summary>Whether autograd records ops on this tensor (settable on leaves).</summary>
    public bool RequiresGrad
    {
        get => NativeError.Check(Native.ut_requires_grad(Handle)) == 1;
        set => NativeError.Check(Native.ut_set_requires_grad(Handle, B(value)));
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor (for chaining).</summary>
    /// <param name="requiresGrad">The new value.</param>
    public Tensor RequiresGradInPlace(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>True for tensors created by the user rather than by a recorded op.</summary>
    public bool IsLeaf => NativeError.Check(Native.ut_is_leaf(Handle)) == 1;

    /// <summary>
    /// The accumulated gradient, or null. Each read returns a new handle to the same gradient storage
    /// (dispose it or let a scope do so). Setting null clears it (PyTorch's <c>p.grad = None</c>).
    /// </summary>
    public Tensor? Grad
    {
        get
        {
            NativeError.Check(Native.ut_grad(Handle, out var pointer));
            return WrapOptional(pointer);
        }

        set => NativeError.Check(Native.ut_set_grad(Handle, Optional(value)));
    }

    /// <summary>Keeps the gradient of a non-leaf tensor after backward.</summary>
    public void RetainGrad() => NativeError.Check(Native.ut_retain_grad(Handle));

    /// <summary>Back-propagates from this tensor, accumulating into the leaves' <see cref="Grad"/>.</summary>
    /// <param name="gradient">d(loss)/d(this); may be omitted for a one-element tensor.</param>
    /// <param name="retainGraph">Keep the graph for another backward pass.</param>
    /// <param name="createGraph">Record the backward pass too (for higher-order gradients).</param>
    public void Backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false) =>
        NativeError.Check(Native.ut_backward(Handle, Optional(gradient), B(retainGraph), B(createGraph)));
}

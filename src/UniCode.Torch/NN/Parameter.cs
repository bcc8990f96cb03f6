using UniCode.Torch.Interop;

namespace UniCode.Torch.NN;

/// <summary>
/// A tensor that a module learns. It shares the data of the tensor it is made from, requires grad by
/// default, and belongs to its module rather than to any <see cref="DisposeScope"/>.
/// </summary>
public sealed class Parameter : Tensor
{
    /// <summary>Makes a parameter from <paramref name="data"/> (sharing its storage, cut from its graph).</summary>
    /// <param name="data">The initial values.</param>
    /// <param name="requiresGrad">Whether the optimizer trains it.</param>
    public Parameter(Tensor data, bool requiresGrad = true)
        : base(Native.ut_detach(H(data)), trackInScope: false)
    {
        RequiresGrad = requiresGrad;
    }
}

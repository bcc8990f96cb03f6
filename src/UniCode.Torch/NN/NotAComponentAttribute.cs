namespace UniCode.Torch.NN;

/// <summary>
/// Keeps a field of a <see cref="Module"/> out of its components: a tensor or module it only refers to (owned
/// elsewhere), a cache, or a collection the module registers itself with <c>RegisterModule</c>/<c>RegisterBuffer</c>.
/// Without it, every <see cref="Tensor"/>, <see cref="Parameter"/> and <see cref="Module"/> field is registered
/// automatically, and a field holding tensors or modules in a form that cannot be registered is an error.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = true)]
public sealed class NotAComponentAttribute : Attribute
{
}

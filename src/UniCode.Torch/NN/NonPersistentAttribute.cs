namespace UniCode.Torch.NN;

/// <summary>
/// Marks a tensor field of a <see cref="Module"/> as a non-persistent buffer: it is registered, moved by
/// <see cref="Module.To(Device)"/> and freed with the module, but left out of state dicts and checkpoints (PyTorch's
/// <c>register_buffer(..., persistent=False)</c>). On an auto-property, write <c>[field: NonPersistent]</c> or put
/// it on the property.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = true)]
public sealed class NonPersistentAttribute : Attribute
{
}

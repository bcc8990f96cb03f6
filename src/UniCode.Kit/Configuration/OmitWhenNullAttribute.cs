namespace UniCode.Kit.Configuration;

/// <summary>
/// Marks an optional setting that <see cref="ConfigHash"/> leaves out of the canonical JSON while it is null. A setting
/// added to a recipe after artifacts were cached under it takes this attribute, so that every recipe which does not
/// use the setting keeps its hash, and with it its cached artifact.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class OmitWhenNullAttribute : Attribute;

namespace UniCode.Torch;

/// <summary>Where a tensor lives. The values are libtorch's <c>c10::DeviceType</c> codes.</summary>
public enum DeviceType
{
    /// <summary>Host memory.</summary>
    Cpu = 0,

    /// <summary>An NVIDIA GPU (needs a CUDA build of libtorch, see environment.md).</summary>
    Cuda = 1,
}

/// <summary>A device: a type and an index (-1 = the current device of that type).</summary>
/// <param name="Type">The device type.</param>
/// <param name="Index">The device index, or -1.</param>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    /// <summary>The CPU.</summary>
    public static Device Cpu { get; } = new(DeviceType.Cpu);

    /// <summary>A CUDA device.</summary>
    /// <param name="index">The GPU index.</param>
    public static Device Cuda(int index = 0) => new(DeviceType.Cuda, index);

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:1</c>.</summary>
    /// <param name="text">The device name.</param>
    public static Device Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        var type = parts[0] switch
        {
            "cpu" => DeviceType.Cpu,
            "cuda" => DeviceType.Cuda,
            _ => throw new ArgumentException($"unknown device '{text}' (expected cpu, cuda or cuda:N)", nameof(text)),
        };
        if (parts.Length == 1)
        {
            return new Device(type);
        }

        return parts.Length == 2 && int.TryParse(parts[1], out var index) && index >= 0
            ? new Device(type, index)
            : throw new ArgumentException($"unknown device '{text}' (expected cpu, cuda or cuda:N)", nameof(text));
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var name = Type == DeviceType.Cpu ? "cpu" : "cuda";
        return Index < 0 ? name : $"{name}:{Index}";
    }
}

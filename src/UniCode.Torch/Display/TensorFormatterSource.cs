namespace UniCode.Torch.Display;

/// <summary>The notebook formatters of <see cref="Tensor"/> (the kernel creates this class through <see cref="TypeFormatterSourceAttribute"/>).</summary>
public sealed class TensorFormatterSource
{
    /// <summary>HTML (<see cref="TensorDisplay.ToHtml"/>) and plain text (<see cref="Tensor.ToString"/>).</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
        DisplayFormatter.For(typeof(Tensor), value => TensorDisplay.ToHtml((Tensor)value), value => value.ToString() ?? string.Empty);
}

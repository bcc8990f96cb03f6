namespace UniCode.Torch.NN;

/// <summary>
/// Applies its layers in order; intermediate handles are freed as it goes (autograd keeps what it needs).
/// </summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    [NotAComponent] // registered one by one, under their names
    private readonly List<Module<Tensor, Tensor>> layers = [];

    /// <summary>Layers named 0, 1, 2, ... (as PyTorch).</summary>
    /// <param name="layers">The layers.</param>
    public Sequential(params Module<Tensor, Tensor>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentOutOfRangeException.ThrowIfZero(layers.Length);
        for (var i = 0; i < layers.Length; i++)
        {
            this.layers.Add(RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]));
        }
    }

    /// <summary>Named layers.</summary>
    /// <param name="layers">Names and layers.</param>
    public Sequential(params (string Name, Module<Tensor, Tensor> Layer)[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentOutOfRangeException.ThrowIfZero(layers.Length);
        foreach (var (name, layer) in layers)
        {
            this.layers.Add(RegisterModule(name, layer));
        }
    }

    /// <summary>The layers.</summary>
    public IReadOnlyList<Module<Tensor, Tensor>> Layers => layers;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var x = input;
        foreach (var layer in layers)
        {
            var next = layer.Forward(x);
            if (!ReferenceEquals(x, input) && !ReferenceEquals(x, next))
            {
                x.Dispose();
            }

            x = next;
        }

        return x;
    }
}

using System.Collections;

namespace UniCode.Torch.NN;

/// <summary>A list of submodules, registered as 0, 1, 2, ... (e.g. a transformer's blocks).</summary>
/// <typeparam name="T">The module type.</typeparam>
public sealed class ModuleList<T> : Module, IReadOnlyList<T>
    where T : Module
{
    [NotAComponent] // registered one by one, as 0, 1, 2, ...
    private readonly List<T> items = [];

    /// <summary>Creates the list.</summary>
    /// <param name="modules">The modules.</param>
    public ModuleList(IEnumerable<T> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var module in modules)
        {
            Add(module);
        }
    }

    /// <summary>The number of modules.</summary>
    public int Count => items.Count;

    /// <summary>The module at <paramref name="index"/>.</summary>
    /// <param name="index">The position.</param>
    public T this[int index] => items[index];

    /// <summary>Appends and registers a module.</summary>
    /// <param name="module">The module.</param>
    public void Add(T module) => items.Add(RegisterModule(items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module));

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

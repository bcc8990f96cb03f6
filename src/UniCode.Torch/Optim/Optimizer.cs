using System.Globalization;
using UniCode.Torch.NN;
using UniCode.Torch.Serialization;

namespace UniCode.Torch.Optim;

/// <summary>
/// Base of the optimizers: parameter groups, per-parameter state tensors, zeroing gradients, and saving
/// and restoring state (so that a run resumes exactly).
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly List<ParameterGroup> groups;
    private readonly Dictionary<Parameter, Dictionary<string, Tensor>> state = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    /// <summary>Creates the optimizer over groups, filling unset group settings with the defaults.</summary>
    /// <param name="groups">The parameter groups.</param>
    /// <param name="learningRate">The default learning rate.</param>
    /// <param name="weightDecay">The default weight decay.</param>
    protected Optimizer(IEnumerable<ParameterGroup> groups, double learningRate, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(groups);
        OptionCheck.NonNegative(learningRate, "LearningRate");
        OptionCheck.NonNegative(weightDecay, "WeightDecay");
        this.groups = [.. groups];
        if (this.groups.Count == 0 || this.groups.All(g => g.Parameters.Count == 0))
        {
            throw new ArgumentException("an optimizer needs at least one parameter", nameof(groups));
        }

        foreach (var group in this.groups)
        {
            group.LearningRate = group.InitialLearningRate = group.RequestedLearningRate ?? learningRate;
            group.WeightDecay = group.RequestedWeightDecay ?? weightDecay;
        }
    }

    /// <summary>The parameter groups.</summary>
    public IReadOnlyList<ParameterGroup> ParameterGroups => groups;

    /// <summary>The first group's learning rate; setting it sets every group's.</summary>
    public double LearningRate
    {
        get => groups[0].LearningRate;
        set
        {
            foreach (var group in groups)
            {
                group.LearningRate = value;
            }
        }
    }

    /// <summary>Updates the parameters from their gradients (parameters without a gradient are skipped).</summary>
    public abstract void Step();

    /// <summary>Clears (or zeroes) the gradients of every parameter.</summary>
    /// <param name="setToNone">Drop the gradient tensors (true) or fill them with zeros.</param>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var parameter in groups.SelectMany(g => g.Parameters))
        {
            ClearGrad(parameter, setToNone);
        }
    }

    internal static void ClearGrad(Parameter parameter, bool setToNone)
    {
        if (setToNone)
        {
            parameter.Grad = null;
            return;
        }

        using var grad = parameter.Grad;
        grad?.ZeroInPlace();
    }

    /// <summary>The state tensor <paramref name="name"/> of a parameter, created by <paramref name="create"/> on first use.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="name">The state's name (e.g. <c>exp_avg</c>).</param>
    /// <param name="create">Makes the initial value.</param>
    protected Tensor State(Parameter parameter, string name, Func<Tensor> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!state.TryGetValue(parameter, out var entries))
        {
            entries = [];
            state[parameter] = entries;
        }

        if (!entries.TryGetValue(name, out var tensor))
        {
            tensor = create().DetachFromScope();
            entries[name] = tensor;
        }

        return tensor;
    }

    /// <summary>
    /// The optimizer's state as tensors named <c>state.{i}.{name}</c>, where i counts parameters across
    /// groups in order, and the group settings as strings (<c>group.{g}.lr</c>, <c>group.{g}.weight_decay</c>).
    /// The tensors are new handles on the live state.
    /// </summary>
    public (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Settings) StateDict()
    {
        var tensors = new Dictionary<string, Tensor>();
        var settings = new Dictionary<string, string> { ["optimizer"] = GetType().Name };
        var index = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            settings[$"group.{g}.lr"] = groups[g].LearningRate.ToString("R", CultureInfo.InvariantCulture);
            settings[$"group.{g}.initial_lr"] = groups[g].InitialLearningRate.ToString("R", CultureInfo.InvariantCulture);
            settings[$"group.{g}.weight_decay"] = groups[g].WeightDecay.ToString("R", CultureInfo.InvariantCulture);
            foreach (var parameter in groups[g].Parameters)
            {
                if (state.TryGetValue(parameter, out var entries))
                {
                    foreach (var (name, tensor) in entries)
                    {
                        tensors[$"state.{index}.{name}"] = tensor.Detach();
                    }
                }

                index++;
            }
        }

        return (tensors, settings);
    }

    /// <summary>Restores state saved by <see cref="StateDict"/> from an optimizer over the same parameters.</summary>
    /// <param name="tensors">The state tensors.</param>
    /// <param name="settings">The group settings.</param>
    /// <param name="source">A name for the state in error messages.</param>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> settings, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(settings);
        var origin = source ?? "the optimizer state";
        if (settings.TryGetValue("optimizer", out var kind) && kind != GetType().Name)
        {
            throw new ArgumentException($"{origin} belongs to a {kind} optimizer, not {GetType().Name}");
        }

        var parameters = groups.SelectMany(g => g.Parameters).ToList();
        foreach (var key in tensors.Keys)
        {
            var parts = key.Split('.', 3);
            if (parts.Length != 3 || parts[0] != "state" || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var i) || i < 0 || i >= parameters.Count)
            {
                throw new ArgumentException($"{origin}: unexpected entry '{key}' for an optimizer over {parameters.Count} parameters");
            }
        }

        for (var g = 0; g < groups.Count; g++)
        {
            groups[g].LearningRate = ReadSetting(settings, $"group.{g}.lr", origin);
            groups[g].InitialLearningRate = ReadSetting(settings, $"group.{g}.initial_lr", origin);
            groups[g].WeightDecay = ReadSetting(settings, $"group.{g}.weight_decay", origin);
        }

        ClearState();
        foreach (var (key, value) in tensors)
        {
            var parts = key.Split('.', 3);
            var parameter = parameters[int.Parse(parts[1], CultureInfo.InvariantCulture)];
            if (!state.TryGetValue(parameter, out var entries))
            {
                entries = [];
                state[parameter] = entries;
            }

            var name = parts[2];
            if (name != "step" && !value.Shape.SequenceEqual(parameter.Shape))
            {
                throw new ArgumentException(
                    $"{origin}: '{key}' has shape [{string.Join(", ", value.Shape)}] but its parameter has [{string.Join(", ", parameter.Shape)}]");
            }

            entries[name] = value.Clone().DetachFromScope();
        }
    }

    private static double ReadSetting(IReadOnlyDictionary<string, string> settings, string key, string origin) =>
        settings.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{origin}: missing or malformed setting '{key}'");

    /// <summary>Saves the state to a safetensors file (atomically).</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        using var scope = new DisposeScope();
        var (tensors, settings) = StateDict();
        SafeTensors.Save(path, tensors, settings);
    }

    /// <summary>Restores the state from a file written by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    public void Load(string path)
    {
        using var scope = new DisposeScope();
        var tensors = SafeTensors.Load(path, out var metadata);
        LoadStateDict(tensors, metadata, path);
    }

    private void ClearState()
    {
        foreach (var tensor in state.Values.SelectMany(e => e.Values))
        {
            tensor.Dispose();
        }

        state.Clear();
    }

    /// <summary>Frees the state tensors.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the state tensors.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposed && disposing)
        {
            ClearState();
            disposed = true;
        }
    }
}

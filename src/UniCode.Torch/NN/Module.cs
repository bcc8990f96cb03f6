using System.Text;
using UniCode.Torch.Serialization;

namespace UniCode.Torch.NN;

/// <summary>
/// A model or a piece of one: named parameters, buffers and submodules, a training flag, device moves and
/// state dicts. As in PyTorch, a module's fields are its components, registered automatically (no call is
/// needed in the constructor) the first time anything enumerates them (parameters, buffers, state dicts,
/// <c>To</c>, <c>Train</c>, <c>ToString</c>, <c>Dispose</c>):
/// <list type="bullet">
/// <item><see cref="Parameter"/> fields are parameters;</item>
/// <item>other <see cref="Tensor"/> fields are persistent buffers (saved in state dicts; <see cref="NonPersistentAttribute"/>
/// for one that is not saved);</item>
/// <item><see cref="Module"/> fields are submodules, and arrays or <see cref="IReadOnlyList{T}"/>s of modules are
/// submodules named <c>field.0</c>, <c>field.1</c>, ...;</item>
/// <item>a field that holds tensors or modules in another form (<c>List&lt;Tensor&gt;</c>, a dictionary, a tuple) is an
/// <see cref="InvalidOperationException"/> at first use, naming the field and its type; <see cref="NotAComponentAttribute"/>
/// opts a field out.</item>
/// </list>
/// Names are the field names (a leading underscore dropped; an auto-property's name for its backing field), in
/// declaration order. Registration takes the values the fields hold then: a component field reassigned later (or a
/// module list whose items change) raises <see cref="InvalidOperationException"/> at the next enumeration, because
/// the module owns what it registered (it moves, saves and frees it); update state in place (<c>CopyFrom</c>,
/// <c>SetData</c>) instead. <see cref="RegisterParameter"/>, <see cref="RegisterBuffer"/> and <see cref="RegisterModule{T}"/>
/// register components under computed names; <see cref="RegisterComponents"/> registers the fields at once (needed only
/// when a constructor creates a buffer inside a <see cref="DisposeScope"/> that ends before the first use).
/// </summary>
/// <remarks>
/// Memory: <c>Forward</c> never opens a <see cref="DisposeScope"/> and never disposes its input; the returned tensor
/// and its intermediates belong to the caller's scope. The code that loops (the training step, the sampling loop,
/// the evaluation batch) opens one scope per iteration and moves out what it keeps.
/// </remarks>
public abstract class Module : IDisposable
{
    private readonly List<KeyValuePair<string, Parameter>> parameters = [];
    private readonly List<KeyValuePair<string, Tensor>> buffers = [];
    private readonly HashSet<string> nonPersistentBuffers = [];
    private readonly List<KeyValuePair<string, Module>> modules = [];
    private readonly Lock registration = new();
    private (ComponentField Field, object? Value, object?[]? Items)[]? registeredFields;
    private bool disposed;

    /// <summary>True in training mode (dropout active, batch statistics used).</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Registers a parameter under <paramref name="name"/>.</summary>
    /// <param name="name">The name in state dicts.</param>
    /// <param name="parameter">The parameter.</param>
    protected void RegisterParameter(string name, Parameter parameter)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(parameter);
        parameters.Add(new(name, parameter));
    }

    /// <summary>Registers state that is saved but not trained (running statistics, EMA codebooks).</summary>
    /// <param name="name">The name in state dicts.</param>
    /// <param name="buffer">The tensor (taken out of any dispose scope).</param>
    /// <param name="persistent">Whether it goes into state dicts.</param>
    protected void RegisterBuffer(string name, Tensor buffer, bool persistent = true)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(buffer);
        AddBuffer(name, buffer, persistent);
    }

    /// <summary>Registers a submodule under <paramref name="name"/>.</summary>
    /// <param name="name">The name prefix in state dicts.</param>
    /// <param name="module">The submodule.</param>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(module);
        modules.Add(new(name, module));
        return module;
    }

    /// <summary>
    /// Registers the component fields now instead of at first use (see the class remarks); safe to call more
    /// than once. Needed only when a buffer field is created inside a dispose scope that ends before the module is
    /// first used.
    /// </summary>
    protected void RegisterComponents() => EnsureComponents(check: false);

    private void AddBuffer(string name, Tensor buffer, bool persistent)
    {
        buffer.DetachFromScope();
        buffers.Add(new(name, buffer));
        if (!persistent)
        {
            nonPersistentBuffers.Add(name);
        }
    }

    // Registers the fields on first use; afterwards checks that they still hold what was registered.
    private void EnsureComponents(bool check = true, bool strict = true)
    {
        lock (registration)
        {
            if (registeredFields is null)
            {
                registeredFields = RegisterFields(strict);
            }
            else if (check)
            {
                CheckFields(registeredFields);
            }
        }
    }

    private (ComponentField, object?, object?[]?)[] RegisterFields(bool strict)
    {
        var known = new HashSet<object>(
            parameters.Select(p => (object)p.Value).Concat(buffers.Select(b => b.Value)).Concat(modules.Select(m => m.Value)),
            ReferenceEqualityComparer.Instance);
        var snapshot = new List<(ComponentField, object?, object?[]?)>();
        foreach (var field in ComponentField.Of(GetType()))
        {
            if (field.Kind == ComponentKind.Unsupported)
            {
                if (strict)
                {
                    throw new InvalidOperationException(field.Problem);
                }

                continue;
            }

            var value = field.Field.GetValue(this);
            object?[]? items = null;
            switch (value)
            {
                case null:
                    break;
                case Parameter parameter when known.Add(parameter):
                    CheckName(field.Name);
                    parameters.Add(new(field.Name, parameter));
                    break;
                case Tensor buffer when buffer is not Parameter && known.Add(buffer):
                    if (buffer.IsDisposed)
                    {
                        if (strict)
                        {
                            throw new InvalidOperationException(
                                $"{GetType().Name}.{field.Field.Name} holds a disposed tensor when the module registers it as a buffer (at first use): " +
                                "it was probably created inside a DisposeScope that has ended. Create it with .DetachFromScope(), or call " +
                                "RegisterComponents() at the end of the constructor.");
                        }

                        break;
                    }

                    CheckName(field.Name);
                    AddBuffer(field.Name, buffer, field.Persistent);
                    break;
                case Module module when known.Add(module):
                    CheckName(field.Name);
                    modules.Add(new(field.Name, module));
                    break;
                case System.Collections.IEnumerable list when field.Kind == ComponentKind.ModuleList:
                    items = [.. list.Cast<object?>()];
                    for (var i = 0; i < items.Length; i++)
                    {
                        if (items[i] is Module item && known.Add(item))
                        {
                            var name = $"{field.Name}.{i}";
                            CheckName(name, allowDots: true);
                            modules.Add(new(name, item));
                        }
                        else if (items[i] is null && strict)
                        {
                            throw new InvalidOperationException($"{GetType().Name}.{field.Field.Name}[{i}] is null: a module list cannot hold null modules");
                        }
                    }

                    break;
            }

            snapshot.Add((field, value, items));
        }

        return [.. snapshot];
    }

    private void CheckFields((ComponentField Field, object? Value, object?[]? Items)[] snapshot)
    {
        foreach (var (field, value, items) in snapshot)
        {
            var now = field.Field.GetValue(this);
            var changed = !ReferenceEquals(now, value)
                || (items is not null && now is System.Collections.IEnumerable list && !list.Cast<object?>().SequenceEqual(items, ReferenceEqualityComparer.Instance));
            if (changed)
            {
                throw new InvalidOperationException(
                    $"{GetType().Name}.{field.Field.Name} no longer holds the {(items is null ? "component" : "modules")} registered from it: a module registers its " +
                    "component fields once and owns what they held (it saves, moves and frees it), so reassigning the field (or changing the list) " +
                    "would silently drop state. Update the tensor in place (CopyFrom, SetData, the *InPlace ops), or register dynamic components " +
                    "with RegisterBuffer/RegisterModule and mark the field [NotAComponent].");
            }
        }
    }

    private void CheckName(string name, bool allowDots = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!allowDots && name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"component name '{name}' must not contain '.'", nameof(name));
        }

        if (parameters.Any(p => p.Key == name) || buffers.Any(b => b.Key == name) || modules.Any(m => m.Key == name))
        {
            throw new ArgumentException($"{GetType().Name} already has a component named '{name}'", nameof(name));
        }
    }

    /// <summary>Parameters with their dotted names (e.g. <c>encoder.conv1.weight</c>).</summary>
    /// <param name="recurse">Include the submodules' parameters.</param>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters(bool recurse = true)
    {
        EnsureComponents();
        foreach (var (name, parameter) in parameters)
        {
            yield return (name, parameter);
        }

        if (recurse)
        {
            foreach (var (prefix, module) in modules)
            {
                foreach (var (name, parameter) in module.NamedParameters())
                {
                    yield return ($"{prefix}.{name}", parameter);
                }
            }
        }
    }

    /// <summary>All parameters (each once).</summary>
    /// <param name="recurse">Include the submodules' parameters.</param>
    public IEnumerable<Parameter> Parameters(bool recurse = true) =>
        NamedParameters(recurse).Select(p => p.Parameter).Distinct(ReferenceEqualityComparer.Instance).Cast<Parameter>();

    /// <summary>Buffers with their dotted names.</summary>
    /// <param name="recurse">Include the submodules' buffers.</param>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers(bool recurse = true)
    {
        EnsureComponents();
        foreach (var (name, buffer) in buffers)
        {
            yield return (name, buffer);
        }

        if (recurse)
        {
            foreach (var (prefix, module) in modules)
            {
                foreach (var (name, buffer) in module.NamedBuffers())
                {
                    yield return ($"{prefix}.{name}", buffer);
                }
            }
        }
    }

    /// <summary>The direct submodules with their names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren()
    {
        EnsureComponents();
        return modules.Select(m => (m.Key, m.Value)).ToList();
    }

    /// <summary>This module and every submodule, depth first, with dotted names ("" for this one).</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules()
    {
        EnsureComponents();
        yield return (string.Empty, this);
        foreach (var (prefix, child) in modules)
        {
            foreach (var (name, module) in child.NamedModules())
            {
                yield return (name.Length == 0 ? prefix : $"{prefix}.{name}", module);
            }
        }
    }

    /// <summary>The number of parameter elements.</summary>
    /// <param name="trainableOnly">Count only parameters that require grad.</param>
    public long ParameterCount(bool trainableOnly = false) =>
        Parameters().Where(p => !trainableOnly || p.RequiresGrad).Sum(p => p.NumElements);

    /// <summary>Sets training mode on this module and every submodule.</summary>
    /// <param name="training">True for training, false for evaluation.</param>
    public Module Train(bool training = true)
    {
        foreach (var (_, module) in NamedModules())
        {
            module.Training = training;
        }

        return this;
    }

    /// <summary>Sets evaluation mode (<c>Train(false)</c>).</summary>
    public Module Eval() => Train(false);

    /// <summary>Clears (or zeroes) every parameter's gradient.</summary>
    /// <param name="setToNone">Drop the gradient tensors (true) or fill them with zeros.</param>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var parameter in Parameters())
        {
            Optim.Optimizer.ClearGrad(parameter, setToNone);
        }
    }

    /// <summary>Moves every parameter and buffer to <paramref name="device"/>, keeping their identities.</summary>
    /// <param name="device">The device.</param>
    public Module To(Device device) => Convert(t => t.To(device));

    /// <summary>Converts every floating-point parameter and buffer to <paramref name="dtype"/>.</summary>
    /// <param name="dtype">A floating-point type.</param>
    public Module To(DType dtype)
    {
        if (!dtype.IsFloatingPoint())
        {
            throw new ArgumentException($"modules can only be converted to floating-point types, not {dtype}", nameof(dtype));
        }

        return Convert(t => t.DType.IsFloatingPoint() ? t.To(dtype) : t.Clone());
    }

    private Module Convert(Func<Tensor, Tensor> convert)
    {
        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        foreach (var tensor in Parameters().Cast<Tensor>().Concat(NamedBuffers().Select(b => b.Buffer)))
        {
            tensor.SetData(convert(tensor));
        }

        return this;
    }

    /// <summary>
    /// Parameters and persistent buffers by dotted name. The tensors share storage with the module;
    /// the dictionary's handles are new (dispose them, or open a scope, when done).
    /// </summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var state = new Dictionary<string, Tensor>();
        foreach (var (name, parameter) in NamedParameters())
        {
            state[name] = parameter.Detach();
        }

        foreach (var (name, module) in NamedModules())
        {
            foreach (var (bufferName, buffer) in module.buffers)
            {
                if (!module.nonPersistentBuffers.Contains(bufferName))
                {
                    state[name.Length == 0 ? bufferName : $"{name}.{bufferName}"] = buffer.Detach();
                }
            }
        }

        return state;
    }

    /// <summary>Copies values from a state dict into the parameters and buffers (shapes must match).</summary>
    /// <param name="state">Tensors by dotted name.</param>
    /// <param name="strict">Require exactly the module's keys (else copy what matches and ignore the rest).</param>
    /// <param name="source">A name for the state in error messages (e.g. the checkpoint's path).</param>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var scope = new DisposeScope();
        var own = StateDict();
        var origin = source is null ? "the state dict" : $"'{source}'";
        if (strict)
        {
            var missing = own.Keys.Except(state.Keys).ToList();
            var unexpected = state.Keys.Except(own.Keys).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                throw new ArgumentException(
                    $"{origin} does not match {GetType().Name}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]");
            }
        }

        using var noGrad = Autograd.NoGrad();
        foreach (var (name, target) in own)
        {
            if (!state.TryGetValue(name, out var value))
            {
                continue;
            }

            var expected = target.Shape;
            var actual = value.Shape;
            if (!expected.SequenceEqual(actual))
            {
                throw new ArgumentException(
                    $"{origin}: '{name}' has shape [{string.Join(", ", actual)}] but {GetType().Name} expects [{string.Join(", ", expected)}]");
            }

            target.CopyFrom(value);
        }
    }

    /// <summary>Saves the state dict as a safetensors file (atomically).</summary>
    /// <param name="path">The file.</param>
    /// <param name="metadata">Extra string metadata for the header.</param>
    public void Save(string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var scope = new DisposeScope();
        SafeTensors.Save(path, StateDict(), metadata);
    }

    /// <summary>Loads a safetensors file written by <see cref="Save"/> (or by PyTorch's safetensors).</summary>
    /// <param name="path">The file.</param>
    /// <param name="strict">Require exactly the module's keys.</param>
    public void Load(string path, bool strict = true)
    {
        using var scope = new DisposeScope();
        LoadStateDict(SafeTensors.Load(path), strict, path);
    }

    /// <summary>A one-line description of this module's settings (e.g. <c>in=4, out=8</c>), shown by ToString.</summary>
    protected virtual string ExtraRepresentation() => string.Empty;

    /// <summary>The module tree, as PyTorch prints it.</summary>
    public override string ToString()
    {
        EnsureComponents();
        var builder = new StringBuilder();
        builder.Append(DisplayName(GetType())).Append('(').Append(ExtraRepresentation());
        if (modules.Count > 0)
        {
            builder.AppendLine();
            foreach (var (name, module) in modules)
            {
                var child = module.ToString().Replace("\n", "\n  ", StringComparison.Ordinal);
                builder.Append("  (").Append(name).Append("): ").AppendLine(child);
            }
        }

        return builder.Append(')').ToString();
    }

    private static string DisplayName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(DisplayName))}>"
        : type.Name;

    /// <summary>Frees the parameters, buffers and submodules.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the parameters, buffers and submodules.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing)
        {
            return;
        }

        disposed = true;
        EnsureComponents(check: false, strict: false); // a module never used still frees its fields' components
        foreach (var (_, module) in modules)
        {
            module.Dispose();
        }

        foreach (var (_, parameter) in parameters)
        {
            parameter.Dispose();
        }

        foreach (var (_, buffer) in buffers)
        {
            buffer.Dispose();
        }
    }
}

/// <summary>A module with one input and one output: <c>Forward</c> is its equation.</summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class Module<TInput, TOutput> : Module
{
    /// <summary>Computes the module's output.</summary>
    /// <param name="input">The input.</param>
    public abstract TOutput Forward(TInput input);
}

/// <summary>A module with two inputs.</summary>
/// <typeparam name="TInput1">The first input type.</typeparam>
/// <typeparam name="TInput2">The second input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class Module<TInput1, TInput2, TOutput> : Module
{
    /// <summary>Computes the module's output.</summary>
    /// <param name="input1">The first input.</param>
    /// <param name="input2">The second input.</param>
    public abstract TOutput Forward(TInput1 input1, TInput2 input2);
}

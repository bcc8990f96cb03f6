using System.Reflection;
using System.Text;
using UniCode.Torch.Serialization;

namespace UniCode.Torch.NN;

/// <summary>
/// A model or a piece of one: named parameters, buffers and submodules, a training flag, device moves and
/// state dicts. As in PyTorch, a module's fields are its layers; the constructor creates them and calls
/// <see cref="RegisterComponents"/>, which names every <see cref="Parameter"/> and <see cref="Module"/>
/// field after the field (buffers are registered explicitly with <see cref="RegisterBuffer"/>).
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<KeyValuePair<string, Parameter>> parameters = [];
    private readonly List<KeyValuePair<string, Tensor>> buffers = [];
    private readonly HashSet<string> nonPersistentBuffers = [];
    private readonly List<KeyValuePair<string, Module>> modules = [];
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
        buffer.DetachFromScope();
        buffers.Add(new(name, buffer));
        if (!persistent)
        {
            nonPersistentBuffers.Add(name);
        }
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
    /// Registers every non-null <see cref="Parameter"/> and <see cref="Module"/> field of this object,
    /// in declaration order, named after the field (a leading underscore is dropped).
    /// </summary>
    protected void RegisterComponents()
    {
        var known = new HashSet<object>(parameters.Select(p => (object)p.Value).Concat(modules.Select(m => m.Value)), ReferenceEqualityComparer.Instance);
        foreach (var field in InstanceFields(GetType()))
        {
            var value = field.GetValue(this);
            if (value is null || known.Contains(value))
            {
                continue;
            }

            var name = field.Name.TrimStart('_');
            if (value is Parameter parameter)
            {
                RegisterParameter(name, parameter);
            }
            else if (value is Module module)
            {
                RegisterModule(name, module);
            }
        }
    }

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        var chain = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(Module); t = t.BaseType)
        {
            chain.Push(t);
        }

        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return chain.SelectMany(t => t.GetFields(flags).Where(f => !f.Name.Contains('<', StringComparison.Ordinal)).OrderBy(f => f.MetadataToken));
    }

    private void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('.', StringComparison.Ordinal))
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
    public IEnumerable<(string Name, Module Module)> NamedChildren() => modules.Select(m => (m.Key, m.Value));

    /// <summary>This module and every submodule, depth first, with dotted names ("" for this one).</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules()
    {
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

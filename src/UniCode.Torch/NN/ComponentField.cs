using System.Collections.Concurrent;
using System.Reflection;

namespace UniCode.Torch.NN;

/// <summary>What a module field holds, as far as registration is concerned.</summary>
internal enum ComponentKind
{
    /// <summary>A <see cref="Tensor"/> or <see cref="Parameter"/>: a parameter or a buffer, by its value.</summary>
    Tensor,

    /// <summary>A <see cref="Module"/>: a submodule.</summary>
    Module,

    /// <summary>An array or <see cref="IReadOnlyList{T}"/> of modules: submodules named field.0, field.1, ...</summary>
    ModuleList,

    /// <summary>Tensors or modules in a form that cannot be registered (an error at first use).</summary>
    Unsupported,
}

/// <summary>
/// One field of a module type that holds components, found by reflection once per type: every instance
/// field declared between <see cref="Module"/> and the concrete type, in declaration order, including
/// auto-property backing fields (named after the property).
/// </summary>
/// <param name="Field">The field.</param>
/// <param name="Name">The component name (a leading underscore dropped).</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Persistent">For tensors: whether a buffer goes into state dicts.</param>
internal sealed record ComponentField(FieldInfo Field, string Name, ComponentKind Kind, bool Persistent)
{
    private static readonly ConcurrentDictionary<Type, ComponentField[]> Cache = new();

    /// <summary>The component fields of a module type.</summary>
    /// <param name="type">A type derived from <see cref="Module"/>.</param>
    public static ComponentField[] Of(Type type) => Cache.GetOrAdd(type, Scan);

    /// <summary>The error for an <see cref="ComponentKind.Unsupported"/> field.</summary>
    public string Problem =>
        $"{Field.DeclaringType?.Name}.{Field.Name} has type {Display(Field.FieldType)}, which holds tensors or modules in a form a Module cannot " +
        "register (supported: Tensor, Parameter, Module, and arrays or IReadOnlyList<T> of modules). Register its items with " +
        "RegisterParameter/RegisterBuffer/RegisterModule under their own names, use ModuleList<T>, or mark the field [NotAComponent].";

    private static ComponentField[] Scan(Type type)
    {
        var chain = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(Module); t = t.BaseType)
        {
            chain.Push(t);
        }

        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var result = new List<ComponentField>();
        foreach (var declaring in chain)
        {
            foreach (var field in declaring.GetFields(flags).OrderBy(f => f.MetadataToken))
            {
                var property = BackedProperty(field);
                if (field.Name.Contains('<', StringComparison.Ordinal) && property is null)
                {
                    continue; // other compiler-generated fields (e.g. primary-constructor captures)
                }

                if (Has<NotAComponentAttribute>(field, property))
                {
                    continue;
                }

                var kind = KindOf(field.FieldType);
                if (kind is { } k)
                {
                    var name = (property?.Name ?? field.Name).TrimStart('_');
                    result.Add(new ComponentField(field, name, k, !Has<NonPersistentAttribute>(field, property)));
                }
            }
        }

        return [.. result];
    }

    private static ComponentKind? KindOf(Type type)
    {
        if (typeof(Tensor).IsAssignableFrom(type))
        {
            return ComponentKind.Tensor;
        }

        if (typeof(Module).IsAssignableFrom(type))
        {
            return ComponentKind.Module;
        }

        if (ModuleListElement(type) is not null)
        {
            return ComponentKind.ModuleList;
        }

        return Mentions(type, []) ? ComponentKind.Unsupported : null;
    }

    // T for T[] or a type implementing IReadOnlyList<T>, when T is a module type.
    private static Type? ModuleListElement(Type type)
    {
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            return type.GetArrayRank() == 1 && typeof(Module).IsAssignableFrom(element) ? element : null;
        }

        var lists = (type.IsInterface ? [type] : Array.Empty<Type>()).Concat(type.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>));
        return lists.Select(i => i.GetGenericArguments()[0]).FirstOrDefault(typeof(Module).IsAssignableFrom);
    }

    // Whether a type could hold tensors or modules: through its element type, generic arguments or (for
    // collections) what it enumerates. Delegates (e.g. Func<Tensor, Tensor>) hold code, not components.
    private static bool Mentions(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type) || typeof(Delegate).IsAssignableFrom(type))
        {
            return false;
        }

        if (typeof(Tensor).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type))
        {
            return true;
        }

        if (type.IsArray)
        {
            return Mentions(type.GetElementType()!, seen);
        }

        return type.IsGenericType && type.GetGenericArguments().Any(a => Mentions(a, seen));
    }

    private static PropertyInfo? BackedProperty(FieldInfo field)
    {
        const string suffix = ">k__BackingField";
        if (!field.Name.StartsWith('<') || !field.Name.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = field.Name[1..^suffix.Length];
        return field.DeclaringType?.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
    }

    private static bool Has<T>(FieldInfo field, PropertyInfo? property)
        where T : Attribute =>
        field.IsDefined(typeof(T), inherit: true) || (property?.IsDefined(typeof(T), inherit: true) ?? false);

    private static string Display(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>"
        : type.Name;
}

namespace UniCode.Kit.Tests.Architecture;

/// <summary>Type <see cref="From"/> uses type <see cref="To"/> (in a signature, a base type, an attribute or its IL).</summary>
/// <param name="From">The using type's full name (nested and compiler-generated types count as their outermost type).</param>
/// <param name="FromNamespace">Its namespace.</param>
/// <param name="To">The used type's full name.</param>
/// <param name="ToNamespace">Its namespace.</param>
internal sealed record TypeDependency(string From, string FromNamespace, string To, string ToNamespace)
{
    public override string ToString() => $"{From} -> {To}";
}

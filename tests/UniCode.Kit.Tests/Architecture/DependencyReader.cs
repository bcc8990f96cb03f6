using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace UniCode.Kit.Tests.Architecture;

/// <summary>
/// Reads which types each type of a compiled assembly uses, from its metadata alone (System.Reflection.Metadata,
/// nothing is loaded or run): base types and interfaces, field, method, property and local-variable signatures,
/// generic constraints, custom attributes, and every type, method and field token in the method bodies' IL.
/// </summary>
internal static class DependencyReader
{
    private static readonly OpCode?[] OneByte = new OpCode?[0x100];
    private static readonly OpCode?[] TwoByte = new OpCode?[0x100];

    static DependencyReader()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            var value = (ushort)op.Value;
            if (op.Size == 1)
            {
                OneByte[value] = op;
            }
            else
            {
                TwoByte[value & 0xFF] = op;
            }
        }
    }

    /// <summary>Every dependency between distinct types of <paramref name="assemblyPath"/> whose using type's namespace starts with <paramref name="namespacePrefix"/>.</summary>
    public static IReadOnlyList<TypeDependency> Read(string assemblyPath, string namespacePrefix)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var result = new HashSet<TypeDependency>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var (fromNamespace, fromName) = Outermost(reader, handle);
            if (!fromNamespace.StartsWith(namespacePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var used = new Collector(reader);
            CollectType(pe, reader, handle, used);
            foreach (var (ns, name) in used.Types)
            {
                var to = Full(ns, name);
                var from = Full(fromNamespace, fromName);
                if (to != from)
                {
                    result.Add(new TypeDependency(from, fromNamespace, to, ns));
                }
            }
        }

        return [.. result];
    }

    private static void CollectType(PEReader pe, MetadataReader reader, TypeDefinitionHandle handle, Collector used)
    {
        var type = reader.GetTypeDefinition(handle);
        used.Add(type.BaseType);
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            used.Add(reader.GetInterfaceImplementation(implementation).Interface);
        }

        used.AddAttributes(type.GetCustomAttributes());
        used.AddGenericParameters(type.GetGenericParameters());
        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            field.DecodeSignature(used, null);
            used.AddAttributes(field.GetCustomAttributes());
        }

        foreach (var propertyHandle in type.GetProperties())
        {
            var property = reader.GetPropertyDefinition(propertyHandle);
            property.DecodeSignature(used, null);
            used.AddAttributes(property.GetCustomAttributes());
        }

        foreach (var methodHandle in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(methodHandle);
            method.DecodeSignature(used, null);
            used.AddAttributes(method.GetCustomAttributes());
            used.AddGenericParameters(method.GetGenericParameters());
            foreach (var parameter in method.GetParameters())
            {
                used.AddAttributes(reader.GetParameter(parameter).GetCustomAttributes());
            }

            if (method.RelativeVirtualAddress != 0)
            {
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(used, null);
                }

                CollectIl(body.GetILReader(), used);
            }
        }
    }

    private static void CollectIl(BlobReader il, Collector used)
    {
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var op = first == 0xFE ? TwoByte[il.ReadByte()] : OneByte[first];
            if (op is not { } code)
            {
                throw new InvalidDataException($"unknown IL opcode 0x{first:X2} at offset {il.Offset - 1}");
            }

            switch (code.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.ReadByte();
                    break;
                case OperandType.InlineVar:
                    il.ReadUInt16();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.ReadInt64();
                    break;
                case OperandType.InlineSwitch:
                    var cases = il.ReadInt32();
                    for (var i = 0; i < cases; i++)
                    {
                        il.ReadInt32();
                    }

                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                    used.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                default:
                    il.ReadInt32(); // InlineBrTarget, InlineI, InlineString, ShortInlineR
                    break;
            }
        }
    }

    private static (string Namespace, string Name) Outermost(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        while (type.GetDeclaringType() is { IsNil: false } outer)
        {
            type = reader.GetTypeDefinition(outer);
        }

        return (reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    private static (string Namespace, string Name) Outermost(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        while (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
        }

        return (reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    private static string Full(string ns, string name) => ns.Length == 0 ? name : $"{ns}.{name}";

    // Decodes signatures for their side effect: every type named in them is recorded; the decoded "type" is unused.
    private sealed class Collector(MetadataReader reader) : ISignatureTypeProvider<bool, object?>
    {
        public HashSet<(string Namespace, string Name)> Types { get; } = [];

        public void Add(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    Types.Add(Outermost(reader, (TypeDefinitionHandle)handle));
                    break;
                case HandleKind.TypeReference:
                    Types.Add(Outermost(reader, (TypeReferenceHandle)handle));
                    break;
                case HandleKind.TypeSpecification:
                    reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    Add(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.FieldDefinition:
                    Add(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    Add(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }

                    break;
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Add(specification.Method);
                    specification.DecodeSignature(this, null);
                    break;
                case HandleKind.StandaloneSignature:
                    var signature = reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (signature.GetKind() == StandaloneSignatureKind.Method)
                    {
                        signature.DecodeMethodSignature(this, null);
                    }

                    break;
                default:
                    break; // module references and the like name no type
            }
        }

        public void AddAttributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var attribute in attributes)
            {
                Add(reader.GetCustomAttribute(attribute).Constructor);
            }
        }

        public void AddGenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (var parameter in parameters)
            {
                foreach (var constraint in reader.GetGenericParameter(parameter).GetConstraints())
                {
                    Add(reader.GetGenericParameterConstraint(constraint).Type);
                }
            }
        }

        public bool GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Add(handle);
            return true;
        }

        public bool GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
        {
            Add(handle);
            return true;
        }

        public bool GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            Add(handle);
            return true;
        }

        public bool GetArrayType(bool elementType, ArrayShape shape) => true;

        public bool GetByReferenceType(bool elementType) => true;

        public bool GetFunctionPointerType(MethodSignature<bool> signature) => true;

        public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => true;

        public bool GetGenericMethodParameter(object? genericContext, int index) => true;

        public bool GetGenericTypeParameter(object? genericContext, int index) => true;

        public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => true;

        public bool GetPinnedType(bool elementType) => true;

        public bool GetPointerType(bool elementType) => true;

        public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => true;

        public bool GetSZArrayType(bool elementType) => true;
    }
}

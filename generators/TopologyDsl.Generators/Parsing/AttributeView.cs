using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Parsing;

/// <summary>
/// One attribute application as the parser reads it: the attribute type's metadata name and the values
/// of its arguments, in the shapes <see cref="AttributeData"/> gives them (an enum as its underlying
/// value, an array as <c>ImmutableArray&lt;object?&gt;</c>). Either the compiler's bound
/// <see cref="AttributeData"/>, or values read straight from syntax by <see cref="SyntaxAttributes"/>.
/// </summary>
internal sealed class AttributeView
{
    private readonly Location? _location;

    /// <summary>A bound attribute.</summary>
    public AttributeView(AttributeData data)
    {
        Data = data;
        MetadataName = data.AttributeClass is { } type ? TopologyParser.MetadataName(type) : null;
        ConstructorArguments = ImmutableArray<object?>.Empty;
        NamedArguments = ImmutableArray<NamedArgument>.Empty;
        TypeArguments = ImmutableArray<RefSpec>.Empty;
        ConstructorArgumentCount = data.ConstructorArguments.Length;
        TypeArgumentCount = data.AttributeClass?.TypeArguments.Length ?? 0;
    }

    /// <summary>An attribute read from syntax (<see cref="ProgramSyntax"/>, <see cref="SyntaxAttributes"/>), its values already converted as the compiler would.</summary>
    public AttributeView(string metadataName, Location location, ImmutableArray<object?> constructorArguments,
        ImmutableArray<NamedArgument> namedArguments, ImmutableArray<RefSpec> typeArguments)
    {
        MetadataName = metadataName;
        _location = location;
        ConstructorArguments = constructorArguments;
        NamedArguments = namedArguments;
        TypeArguments = typeArguments;
        ConstructorArgumentCount = constructorArguments.Length;
        TypeArgumentCount = typeArguments.Length;
    }

    /// <summary>The bound attribute, or null when the view was read from syntax.</summary>
    public AttributeData? Data { get; }

    /// <summary>The attribute type's metadata name (<c>TopologyDsl.SubnetAttribute`1</c>), or null when it did not resolve.</summary>
    public string? MetadataName { get; }

    public int ConstructorArgumentCount { get; }

    public int TypeArgumentCount { get; }

    /// <summary>Read from syntax: the constructor's arguments in parameter order.</summary>
    public ImmutableArray<object?> ConstructorArguments { get; }

    /// <summary>Read from syntax: the properties set, in source order.</summary>
    public ImmutableArray<NamedArgument> NamedArguments { get; }

    /// <summary>Read from syntax: each type argument as a reference to a record.</summary>
    public ImmutableArray<RefSpec> TypeArguments { get; }

    /// <summary>A constructor argument's constant value (null for an array, a type or an error).</summary>
    public object? Argument(int index)
    {
        if (Data is null)
        {
            return index < ConstructorArguments.Length ? ConstructorArguments[index] : null;
        }

        var arguments = Data.ConstructorArguments;
        return index < arguments.Length && arguments[index].Kind is TypedConstantKind.Primitive or TypedConstantKind.Enum ? arguments[index].Value : null;
    }

    public Location? Location(CancellationToken cancellationToken) =>
        _location ?? Data?.ApplicationSyntaxReference?.GetSyntax(cancellationToken)?.GetLocation();
}

/// <summary>
/// A property an attribute read from syntax sets: its name and its value. A class rather than a
/// <c>KeyValuePair</c>: the framework's collections over a reference type are precompiled and shared,
/// while over each struct a fresh compiler process JIT-compiles them again.
/// </summary>
internal sealed record NamedArgument(string Name, object? Value);

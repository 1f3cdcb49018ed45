using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Parsing;

/// <summary>
/// Reads the constant arguments of one attribute application and, when a source map is being built,
/// records the syntax each came from. Tolerates every malformed shape (missing arguments, wrong
/// types, unresolved types): what cannot be read comes back as null. Reads a bound attribute
/// (<see cref="AttributeData"/>) or one read from syntax (<see cref="AttributeView"/>); a source map
/// is built from bound attributes only.
/// </summary>
internal sealed class AttributeReader
{
    private readonly AttributeView _view;
    private readonly AttributeData? _data;
    private readonly ModelPath _path;
    private readonly SourceMap? _map;
    private readonly AttributeSyntax? _syntax;

    public AttributeReader(AttributeData data, ModelPath path, SourceMap? map, CancellationToken cancellationToken)
        : this(new AttributeView(data), path, map, cancellationToken)
    {
    }

    public AttributeReader(AttributeView view, ModelPath path, SourceMap? map, CancellationToken cancellationToken)
    {
        _view = view;
        _data = view.Data;
        _path = path;
        _map = _data is null ? null : map;
        if (_map is not null)
        {
            _syntax = _data!.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            _map.Add(path, _syntax?.GetLocation());
        }
    }

    public ModelPath Path => _path;

    public object? Constructor(int index, string segment)
    {
        if (_map is not null)
        {
            _map.Add(_path.Child(segment), PositionalSyntax(index)?.Expression.GetLocation() ?? _syntax?.GetLocation());
        }

        if (_data is null)
        {
            return index < _view.ConstructorArguments.Length ? _view.ConstructorArguments[index] : null;
        }

        var arguments = _data.ConstructorArguments;
        return index < arguments.Length ? Read(arguments[index]) : null;
    }

    public string? ConstructorString(int index, string segment) => Constructor(index, segment) as string;

    public int ConstructorInt(int index, string segment) => Constructor(index, segment) is int value ? value : 0;

    public object? Named(string name, string segment)
    {
        if (_map is not null)
        {
            _map.Add(_path.Child(segment), NamedSyntax(name)?.Expression.GetLocation() ?? _syntax?.GetLocation());
        }

        if (_data is null)
        {
            foreach (var argument in _view.NamedArguments)
            {
                if (argument.Name == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        foreach (var pair in _data.NamedArguments)
        {
            if (pair.Key == name)
            {
                return Read(pair.Value);
            }
        }

        return null;
    }

    /// <summary>Whether the attribute sets the named property at all (even to its default).</summary>
    public bool HasNamed(string name)
    {
        if (_data is null)
        {
            return _view.NamedArguments.Any(argument => argument.Name == name);
        }

        // A loop, not Any: LINQ over the compiler's KeyValuePair structs is JIT-compiled anew by every fresh compiler process.
        foreach (var pair in _data.NamedArguments)
        {
            if (pair.Key == name)
            {
                return true;
            }
        }

        return false;
    }

    public string? NamedString(string name, string segment) => Named(name, segment) as string;

    public int NamedInt(string name, string segment, int fallback = 0) => Named(name, segment) is int value ? value : fallback;

    public bool NamedBool(string name, string segment) => Named(name, segment) is true;

    public long NamedLong(string name, string segment) => Named(name, segment) switch
    {
        long value => value,
        int value => value,
        _ => 0,
    };

    /// <summary>A string array; each element's path is <c>segment[i]</c>, located at that element of the array expression.</summary>
    public EquatableArray<string> NamedStrings(string name, string segment)
    {
        var value = Named(name, segment);
        if (_map is not null && NamedSyntax(name)?.Expression is { } expression)
        {
            var elements = expression switch
            {
                CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
                ArrayCreationExpressionSyntax array => array.Initializer?.Expressions.ToList(),
                ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions.ToList(),
                _ => null,
            };
            for (var i = 0; elements is not null && i < elements.Count; i++)
            {
                _map.Add(_path.Item(segment, i), elements[i].GetLocation());
            }
        }

        // Null elements are kept as empty strings so that indexes match the source.
        return value is ImmutableArray<object?> items ? items.Select(i => i as string ?? "").ToEquatableArray() : EquatableArray<string>.Empty;
    }

    /// <summary>
    /// A type argument of the attribute (the first unless <paramref name="index"/> says) as a reference
    /// to a record of the stack, or of another [Stack] class of the program (an import).
    /// </summary>
    public RefSpec TypeArgument(INamedTypeSymbol? stack, string segment, int index = 0)
    {
        if (_map is not null)
        {
            var generic = _syntax?.Name.DescendantNodesAndSelf().OfType<GenericNameSyntax>().FirstOrDefault();
            var argument = generic is { } g && index < g.TypeArgumentList.Arguments.Count ? g.TypeArgumentList.Arguments[index] : null;
            _map.Add(_path.Child(segment), argument?.GetLocation() ?? _syntax?.GetLocation());
        }

        if (_data is null || stack is null)
        {
            // Read from syntax, where every type argument resolved to a type (or the record was bound instead).
            return index < _view.TypeArguments.Length ? _view.TypeArguments[index] : new RefSpec("?", InStack: false, IsError: true);
        }

        var arguments = _data.AttributeClass is { } attributeClass ? attributeClass.TypeArguments : ImmutableArray<ITypeSymbol>.Empty;
        var type = index < arguments.Length ? arguments[index] : null;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return new RefSpec(type?.Name ?? "?", InStack: false, IsError: true);
        }

        var isError = _map is not null && !SatisfiesConstraints(type, index);
        var reference = Reference(type, stack, isError);
        if (_map is not null && reference.IsImport)
        {
            _map.Stacks.Add(((INamedTypeSymbol)type).ContainingType);
        }

        return reference;
    }

    /// <summary>A type named as a type argument, as a reference: a record of this stack, of another [Stack] class (an import), or anything else.</summary>
    public static RefSpec Reference(ITypeSymbol type, INamedTypeSymbol stack, bool isError = false)
    {
        var container = (type as INamedTypeSymbol)?.ContainingType;
        if (container is not null && SymbolEqualityComparer.Default.Equals(container, stack))
        {
            return new RefSpec(type.Name, InStack: true, isError);
        }

        if (container is { ContainingType: null, TypeParameters.Length: 0 } && TopologyParser.StackAttributeOf(container) is not null)
        {
            var ns = container.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
            return new RefSpec(type.Name, InStack: false, isError, StackSpec.KeyOf(ns, container.Name));
        }

        return new RefSpec(type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), InStack: false, isError);
    }

    /// <summary>
    /// Whether the type argument meets the attribute's constraint (IVpc, ISubnet, ...). When it does
    /// not, the compiler reports CS0311 at the same place and a TDSL201 would only repeat it. Checked
    /// for the analyzer only: it sees the compilation with the generated interfaces, the generator does not.
    /// </summary>
    private bool SatisfiesConstraints(ITypeSymbol type, int index)
    {
        var parameters = _data!.AttributeClass?.OriginalDefinition.TypeParameters ?? ImmutableArray<ITypeParameterSymbol>.Empty;
        var parameter = index < parameters.Length ? parameters[index] : null;
        return parameter is null || parameter.ConstraintTypes.All(c =>
            SymbolEqualityComparer.Default.Equals(type, c) || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, c)));
    }

    private static object? Read(TypedConstant constant) => constant.Kind switch
    {
        TypedConstantKind.Error => null,
        TypedConstantKind.Array => constant.IsNull ? null : constant.Values.Select(Read).ToImmutableArray(),
        TypedConstantKind.Type => null,
        _ => constant.Value,
    };

    private AttributeArgumentSyntax? PositionalSyntax(int index)
    {
        // No nullable structs (a SeparatedSyntaxList?, an ImmutableArray?): the framework's code over them is JIT-compiled by every fresh compiler process.
        if (_syntax?.ArgumentList is not { } list)
        {
            return null;
        }

        var arguments = list.Arguments;
        if (_data!.AttributeConstructor is { } constructor && index < constructor.Parameters.Length)
        {
            var parameter = constructor.Parameters[index].Name;
            var byName = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter);
            if (byName is not null)
            {
                return byName;
            }
        }

        var positional = arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        return index < positional.Count ? positional[index] : null;
    }

    private AttributeArgumentSyntax? NamedSyntax(string name) =>
        _syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
}

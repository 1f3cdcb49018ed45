using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Parsing;

/// <summary>Where the parser gets the attributes of the stack class and its records.</summary>
internal class AttributeSource
{
    /// <summary>The compiler's bound attributes (<see cref="ISymbol.GetAttributes"/>).</summary>
    public static readonly AttributeSource Bound = new();

    public virtual IReadOnlyList<AttributeView> Of(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.GetAttributes().Select(a => new AttributeView(a)).ToList();
}

/// <summary>
/// The attribute source of a stack the generator reads through the compiler (where its syntax reading,
/// <see cref="ProgramSyntax"/>, has a doubt) and of the analyzer's count of a stack over the quota: the
/// attributes of a stack's records read from their syntax, with the compiler's name lookup, so that they
/// are not bound. Binding done on the generator's compilation is lost: the compiler binds every attribute again in
/// the compilation that includes the generated code (the analyzer reads that one, and binds nothing
/// the compiler would not). Roslyn offers no syntax-level reading of attribute values, hence this class.
/// <para>
/// Only the plain forms are read: names that resolve, by ordinary name lookup at the record, to a
/// type; literals, constants (<c>EndpointServices.S3</c>, <c>Protocol.Tcp</c>) and arrays of them
/// as arguments; types named by (qualified) names as type arguments. A record with anything else
/// (a cast, <c>nameof</c>, a concatenation, an argument of the wrong type, a name that does not
/// resolve) is read from its bound attributes instead, so both ways give the same spec; tests run
/// both on every test stack and compare.
/// </para>
/// </summary>
internal sealed class SyntaxAttributes : AttributeSource
{
    private readonly INamedTypeSymbol _stack;
    private readonly Compilation _compilation;
    private readonly Dictionary<INamedTypeSymbol, IReadOnlyList<AttributeView>> _read = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Dictionary<Name, ImmutableArray<ISymbol>> _lookups = new();
    private readonly Dictionary<Name, ImmutableArray<ISymbol>> _members = new();
    private readonly Dictionary<Name, AttributeClass?> _attributeTypes = new();

    /// <summary>
    /// Where the record being read is declared: the start of the stack class's declaration that holds it.
    /// Names are looked up once per declaration, since two partial declarations of the stack may see
    /// different usings.
    /// </summary>
    private int _scope;

    public SyntaxAttributes(INamedTypeSymbol stack, Compilation compilation)
    {
        _stack = stack;
        _compilation = compilation;
    }

    /// <summary>How many records were read from syntax and how many bound (for tests and benchmarks).</summary>
    public int FromSyntax { get; private set; }

    public int BoundRecords { get; private set; }

    public override IReadOnlyList<AttributeView> Of(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(type, out var views))
        {
            return views;
        }

        // The stack class's own attributes are bound already: ForAttributeWithMetadataName read them.
        if (SymbolEqualityComparer.Default.Equals(type, _stack))
        {
            views = base.Of(type, cancellationToken);
        }
        else if (TryRead(type, cancellationToken) is { } read)
        {
            FromSyntax++;
            views = read;
        }
        else
        {
            BoundRecords++;
            views = base.Of(type, cancellationToken);
        }

        _read[type] = views;
        return views;
    }

    /// <summary>The record's attributes read from syntax, or null when one of them is not in a plain form.</summary>
    internal IReadOnlyList<AttributeView>? TryRead(INamedTypeSymbol record, CancellationToken cancellationToken)
    {
        // Lookup from the record's attributes starts in the stack's body: a record with type parameters
        // or nested types would put names of its own in between.
        if (!SymbolEqualityComparer.Default.Equals(record.ContainingType, _stack) || record.TypeParameters.Length > 0 || record.GetTypeMembers().Length > 0)
        {
            return null;
        }

        var views = new List<AttributeView>();
        foreach (var reference in record.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax { Parent: TypeDeclarationSyntax stackDeclaration } declaration)
            {
                return null;
            }

            _scope = stackDeclaration.SpanStart;
            foreach (var list in declaration.AttributeLists)
            {
                if (list.Target is not null && !list.Target.Identifier.IsKind(SyntaxKind.TypeKeyword))
                {
                    return null;
                }

                foreach (var attribute in list.Attributes)
                {
                    if (Read(attribute, declaration.SyntaxTree) is not { } view)
                    {
                        return null;
                    }

                    views.Add(view);
                }
            }
        }

        return views;
    }

    private AttributeView? Read(AttributeSyntax attribute, SyntaxTree tree)
    {
        if (AttributeType(attribute.Name, tree, attribute.SpanStart) is not { } attributeClass)
        {
            return null;
        }

        var (type, metadataName, ours) = attributeClass;
        if (!ours && metadataName != "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute")
        {
            // Nothing reads the values of other attributes; only their names matter (and they are not ours).
            return new AttributeView(metadataName, attribute.GetLocation(), ImmutableArray<object?>.Empty,
                ImmutableArray<NamedArgument>.Empty, ImmutableArray<RefSpec>.Empty);
        }

        var typeArguments = ImmutableArray<RefSpec>.Empty;
        if (RightmostName(attribute.Name) is GenericNameSyntax generic)
        {
            var resolved = ImmutableArray.CreateBuilder<RefSpec>(generic.TypeArgumentList.Arguments.Count);
            foreach (var argument in generic.TypeArgumentList.Arguments)
            {
                if (argument is not NameSyntax name || Resolve(name, tree, attribute.SpanStart) is not INamedTypeSymbol argumentType
                    || argumentType.TypeKind == TypeKind.Error)
                {
                    return null;
                }

                resolved.Add(AttributeReader.Reference(argumentType, _stack));
            }

            typeArguments = resolved.MoveToImmutable();
        }

        var arguments = attribute.ArgumentList is { } list ? list.Arguments : default;
        var positional = arguments.Where(a => a.NameEquals is null).ToList();
        var constructor = Constructor(type, positional);
        if (constructor is null)
        {
            return null;
        }

        // Constructor() has checked that an argument named with "name:" stands at its parameter's place.
        var values = new object?[constructor.Parameters.Length];
        for (var i = 0; i < positional.Count; i++)
        {
            if (!TryConstant(positional[i].Expression, constructor.Parameters[i].Type, tree, out var value))
            {
                return null;
            }

            values[i] = value;
        }

        var named = ImmutableArray.CreateBuilder<NamedArgument>();
        foreach (var argument in arguments.Where(a => a.NameEquals is not null))
        {
            var name = argument.NameEquals!.Name.Identifier.ValueText;
            var memberType = SettableMemberType(type, name);
            if (memberType is null || named.Any(n => n.Name == name) || !TryConstant(argument.Expression, memberType, tree, out var value))
            {
                return null;
            }

            named.Add(new NamedArgument(name, value));
        }

        return new AttributeView(metadataName, attribute.GetLocation(), ImmutableArray.Create(values), named.ToImmutable(), typeArguments);
    }

    /// <summary>The one constructor the arguments call: every parameter given once (none of ours is optional or params).</summary>
    private static IMethodSymbol? Constructor(INamedTypeSymbol type, List<AttributeArgumentSyntax> positional)
    {
        var candidates = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == positional.Count
            && c.Parameters.All(p => !p.IsParams && !p.IsOptional)).ToList();
        if (candidates.Count != 1)
        {
            return null;
        }

        // An argument named with "name:" is read only where it stands at its parameter's place (else bind).
        var constructor = candidates[0];
        for (var i = 0; i < positional.Count; i++)
        {
            if (positional[i].NameColon is { } nameColon && constructor.Parameters[i].Name != nameColon.Name.Identifier.ValueText)
            {
                return null;
            }
        }

        return constructor;
    }

    private static ITypeSymbol? SettableMemberType(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                switch (member)
                {
                    case IPropertySymbol { IsStatic: false, SetMethod: not null, Parameters.Length: 0 } property
                        when property.DeclaredAccessibility == Accessibility.Public && property.SetMethod.DeclaredAccessibility == Accessibility.Public:
                        return property.Type;
                    case IFieldSymbol { IsStatic: false, IsReadOnly: false, IsConst: false } field when field.DeclaredAccessibility == Accessibility.Public:
                        return field.Type;
                    default:
                        return null;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The value of a constant argument converted to the parameter's type as <see cref="AttributeData"/>
    /// gives it, for the plain forms only (false: bind the record instead).
    /// </summary>
    private bool TryConstant(ExpressionSyntax expression, ITypeSymbol target, SyntaxTree tree, out object? value)
    {
        value = null;
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        if (target is IArrayTypeSymbol { Rank: 1 } array)
        {
            var elements = expression switch
            {
                CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
                    collection.Elements.Select(e => ((ExpressionElementSyntax)e).Expression).ToList(),
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.ToList(),
                ArrayCreationExpressionSyntax { Initializer: { } initializer, Type.RankSpecifiers.Count: 1 } created
                    when created.Type.RankSpecifiers[0].Sizes.All(s => s is OmittedArraySizeExpressionSyntax)
                    && Resolve(created.Type.ElementType, tree, expression.SpanStart) is { } elementType
                    && SymbolEqualityComparer.Default.Equals(elementType, array.ElementType) => initializer.Expressions.ToList(),
                _ => null,
            };
            if (elements is null)
            {
                return expression.IsKind(SyntaxKind.NullLiteralExpression);
            }

            var items = new List<object?>();
            foreach (var element in elements)
            {
                if (!TryConstant(element, array.ElementType, tree, out var item))
                {
                    return false;
                }

                items.Add(item);
            }

            // new[] { ... } takes its element type from the elements; only strings are read.
            if (expression is ImplicitArrayCreationExpressionSyntax && (array.ElementType.SpecialType != SpecialType.System_String || items.Any(i => i is null)))
            {
                return false;
            }

            value = items.ToImmutableArray();
            return true;
        }

        var constant = expression switch
        {
            LiteralExpressionSyntax literal => Literal(literal),
            PrefixUnaryExpressionSyntax { OperatorToken.RawKind: (int)SyntaxKind.MinusToken, Operand: LiteralExpressionSyntax { Token.Value: int number } }
                when number != int.MinValue => new Constant(-number, null),
            PrefixUnaryExpressionSyntax { OperatorToken.RawKind: (int)SyntaxKind.MinusToken, Operand: LiteralExpressionSyntax { Token.Value: long number } } =>
                new Constant(-number, null),
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access => Field(access, tree),
            IdentifierNameSyntax identifier => Field(identifier, tree),
            InvocationExpressionSyntax invocation => NameOf(invocation, tree),
            _ => (Constant?)null,
        };
        if (constant is not { } c)
        {
            return false;
        }

        // A constant of an enum type goes only to a parameter of that type, as its underlying value.
        if (target.TypeKind == TypeKind.Enum)
        {
            if (!SymbolEqualityComparer.Default.Equals(c.Type, target))
            {
                return false;
            }

            value = c.Value;
            return true;
        }

        if (c.Type is not null && c.Type.TypeKind == TypeKind.Enum)
        {
            return false;
        }

        switch (target.SpecialType)
        {
            case SpecialType.System_String when c.Value is string or null:
                value = c.Value;
                return true;
            case SpecialType.System_Int32 when c.Value is int:
            case SpecialType.System_Boolean when c.Value is bool:
            case SpecialType.System_Int64 when c.Value is long:
                value = c.Value;
                return true;
            case SpecialType.System_Int64 when c.Value is int number:
                value = (long)number;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A constant and, for a field, its declared type (an enum member's is the enum).</summary>
    private sealed record Constant(object? Value, ITypeSymbol? Type);

    /// <summary>
    /// A name looked up in one scope of one file (with its arity, for attribute types). A class, not a tuple:
    /// a dictionary keyed by a struct is compiled again by every fresh compiler process.
    /// </summary>
    private sealed record Name(SyntaxTree Tree, int Scope, string Text, int Arity = 0);

    private static Constant? Literal(LiteralExpressionSyntax literal) => literal.Kind() switch
    {
        // Regular, verbatim and raw string literals alike: the token's value is the string.
        SyntaxKind.StringLiteralExpression => new Constant(literal.Token.ValueText, null),
        SyntaxKind.NumericLiteralExpression when literal.Token.Value is int or long => new Constant(literal.Token.Value, null),
        SyntaxKind.TrueLiteralExpression => new Constant(true, null),
        SyntaxKind.FalseLiteralExpression => new Constant(false, null),
        SyntaxKind.NullLiteralExpression => new Constant(null, null),
        _ => null,
    };

    /// <summary><c>Type.Member</c>: a constant field or an enum member.</summary>
    private Constant? Field(MemberAccessExpressionSyntax access, SyntaxTree tree)
    {
        if (access.Name is not IdentifierNameSyntax member || ResolveExpression(access.Expression, tree, access.SpanStart) is not INamedTypeSymbol type)
        {
            return null;
        }

        var fields = type.GetMembers(member.Identifier.ValueText);
        return fields.Length == 1 && fields[0] is IFieldSymbol { IsConst: true } field && field.DeclaredAccessibility == Accessibility.Public
            ? new Constant(field.ConstantValue, field.Type)
            : null;
    }

    /// <summary>
    /// <c>nameof(ImageId)</c>, as records name the stack's parameters: the name itself, when it names
    /// something in scope and no method called nameof hides the operator.
    /// </summary>
    private Constant? NameOf(InvocationExpressionSyntax invocation, SyntaxTree tree)
    {
        if (invocation.Expression is not IdentifierNameSyntax { Identifier.ValueText: "nameof" } operatorName
            || invocation.ArgumentList.Arguments is not [{ NameColon: null, RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax argument }]
            || Symbols(operatorName, tree).Length != 0 || Symbols(argument, tree).Length == 0)
        {
            return null;
        }

        return new Constant(argument.Identifier.ValueText, null);
    }

    private ImmutableArray<ISymbol> Symbols(IdentifierNameSyntax identifier, SyntaxTree tree)
    {
        var name = identifier.Identifier.ValueText;
        if (!_members.TryGetValue(new Name(tree, _scope, name), out var symbols))
        {
            symbols = Model(tree).LookupSymbols(identifier.SpanStart, container: null, name);
            _members[new Name(tree, _scope, name)] = symbols;
        }

        return symbols;
    }

    /// <summary>A type named in an expression: <c>Protocol</c> or <c>TopologyDsl.Protocol</c> (member accesses, not a qualified name).</summary>
    private INamespaceOrTypeSymbol? ResolveExpression(ExpressionSyntax expression, SyntaxTree tree, int position) => expression switch
    {
        NameSyntax name => Resolve(name, tree, position),
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax right } access =>
            ResolveExpression(access.Expression, tree, position) is { } left ? Member(left, right, suffix: "") : null,
        _ => null,
    };

    /// <summary>A constant named alone: <c>Tcp</c> under <c>using static TopologyDsl.Protocol;</c>, or a constant of the stack class.</summary>
    private Constant? Field(IdentifierNameSyntax identifier, SyntaxTree tree)
    {
        var symbols = Symbols(identifier, tree);
        return symbols.Length == 1 && symbols[0] is IFieldSymbol { IsConst: true } field
            ? new Constant(field.ConstantValue, field.Type)
            : null;
    }

    /// <summary>
    /// The attribute class a name denotes: C# looks up the name as written and with "Attribute" added,
    /// and reports an ambiguity when both are attribute classes; here any doubt means null (bind instead).
    /// </summary>
    /// <summary>An attribute class with its metadata name, and whether it is one of TopologyDsl's.</summary>
    private sealed record AttributeClass(INamedTypeSymbol Type, string MetadataName, bool Ours);

    private AttributeClass? AttributeType(NameSyntax name, SyntaxTree tree, int position)
    {
        // A stack names a few attribute classes many times over: each written name is resolved once per scope.
        // A simple name (the usual form) is keyed by its identifier and arity, without building its text.
        var key = name switch
        {
            IdentifierNameSyntax simple => new Name(tree, _scope, simple.Identifier.ValueText),
            GenericNameSyntax generic => new Name(tree, _scope, generic.Identifier.ValueText, generic.TypeArgumentList.Arguments.Count),
            _ => new Name(tree, _scope, name.ToString(), -1),
        };
        if (!_attributeTypes.TryGetValue(key, out var attributeClass))
        {
            attributeClass = ResolveAttributeType(name, tree, position) is { } type
                ? new AttributeClass(type, TopologyParser.MetadataName(type), type.ContainingAssembly?.Name == KnownNames.RuntimeAssembly)
                : null;
            _attributeTypes[key] = attributeClass;
        }

        return attributeClass;
    }

    private INamedTypeSymbol? ResolveAttributeType(NameSyntax name, SyntaxTree tree, int position)
    {
        var right = RightmostName(name);
        if (right is null || right.Identifier.ValueText.Length == 0 || name.ContainsDirectives || right.Identifier.IsVerbatimIdentifier())
        {
            return null;
        }

        var written = Resolve(name, tree, position, suffix: "");
        var suffixed = Resolve(name, tree, position, suffix: "Attribute");
        var candidates = new[] { written, suffixed }.OfType<INamedTypeSymbol>().Where(IsAttributeClass).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static bool IsAttributeClass(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "Attribute" && current.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    private static SimpleNameSyntax? RightmostName(NameSyntax name) => name switch
    {
        SimpleNameSyntax simple => simple,
        QualifiedNameSyntax qualified => qualified.Right,
        AliasQualifiedNameSyntax alias => alias.Name,
        _ => null,
    };

    /// <summary>
    /// The one namespace or type a name denotes at a position in the stack's body, by the compiler's
    /// own lookup (no attribute is bound). <paramref name="suffix"/> is appended to the rightmost name.
    /// </summary>
    private INamespaceOrTypeSymbol? Resolve(TypeSyntax name, SyntaxTree tree, int position, string suffix = "")
    {
        switch (name)
        {
            case IdentifierNameSyntax identifier:
            {
                // The stack's body is the innermost scope of its records' attributes (they have no type
                // parameters or nested types of their own): a record of the stack needs no lookup.
                var text = suffix.Length == 0 ? identifier.Identifier.ValueText : identifier.Identifier.ValueText + suffix;
                INamedTypeSymbol? nested = null;
                foreach (var member in _stack.GetTypeMembers(text))
                {
                    if (member.Arity == 0)
                    {
                        if (nested is not null)
                        {
                            return null;
                        }

                        nested = member;
                    }
                }

                return nested ?? Lookup(text, 0, tree, position);
            }
            case GenericNameSyntax generic:
                return Lookup(generic.Identifier.ValueText + suffix, generic.TypeArgumentList.Arguments.Count, tree, position) is INamedTypeSymbol definition
                    ? definition
                    : null;
            case QualifiedNameSyntax qualified:
                return Resolve(qualified.Left, tree, position) is { } left ? Member(left, qualified.Right, suffix) : null;
            case AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword } global:
                return Member(_compilation.GlobalNamespace, global.Name, suffix);
            case PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword }:
                return _compilation.GetSpecialType(SpecialType.System_String);
            default:
                return null;
        }
    }

    private static INamespaceOrTypeSymbol? Member(INamespaceOrTypeSymbol container, SimpleNameSyntax name, string suffix)
    {
        var arity = name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments.Count : 0;
        var found = container.GetMembers(name.Identifier.ValueText + suffix)
            .OfType<INamespaceOrTypeSymbol>()
            .Where(s => (s as INamedTypeSymbol)?.Arity == arity || (s.IsNamespace && arity == 0))
            .ToList();
        return found.Count == 1 ? found[0] : null;
    }

    private SemanticModel Model(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model))
        {
            model = _compilation.GetSemanticModel(tree);
            _models[tree] = model;
        }

        return model;
    }

    private INamespaceOrTypeSymbol? Lookup(string name, int arity, SyntaxTree tree, int position)
    {
        if (!_lookups.TryGetValue(new Name(tree, _scope, name), out var symbols))
        {
            symbols = Model(tree).LookupNamespacesAndTypes(position, container: null, name);
            _lookups[new Name(tree, _scope, name)] = symbols;
        }

        INamespaceOrTypeSymbol? found = null;
        foreach (var symbol in symbols)
        {
            if ((symbol is IAliasSymbol alias ? alias.Target : symbol) is INamespaceOrTypeSymbol candidate
                && ((candidate as INamedTypeSymbol)?.Arity == arity || (candidate.IsNamespace && arity == 0)))
            {
                if (found is not null)
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found;
    }
}

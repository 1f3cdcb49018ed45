using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TopologyDsl.Generators.Parsing;

/// <summary>
/// A [Stack] class as <see cref="TopologyParser"/> reads it: what it declares and the attributes of the class and
/// its nested types. Two readings give one: the compiler's symbols (<see cref="SymbolStack"/>, the analyzer, with a
/// source map) and the syntax of the class's declarations alone (<see cref="SyntaxStack"/>, the generator, which
/// asks the compiler nothing).
/// </summary>
internal abstract class StackSource
{
    public abstract string Name { get; }

    /// <summary>The containing namespace as written (<c>Shop.Network</c>), empty for the global namespace.</summary>
    public abstract string Namespace { get; }

    public abstract bool IsStatic { get; }

    /// <summary>Whether every declaration the user wrote says partial.</summary>
    public abstract bool IsPartial { get; }

    /// <summary>Nested in a type, or generic: the generator cannot add a partial declaration (TDSL012).</summary>
    public abstract bool NotTopLevel { get; }

    /// <summary>The compiler's symbol when the stack was read through symbols; type arguments of bound attributes resolve against it.</summary>
    public abstract INamedTypeSymbol? Symbol { get; }

    /// <summary>The class's first [Stack] attribute.</summary>
    public abstract AttributeView StackAttribute { get; }

    /// <summary>Every attribute of the class, in declaration order.</summary>
    public abstract IReadOnlyList<AttributeView> Attributes { get; }

    /// <summary>The nested types, in declaration order (as <see cref="INamespaceOrTypeSymbol.GetTypeMembers()"/> gives them).</summary>
    public abstract IReadOnlyList<RecordSource> Records { get; }

    /// <summary>The user's members that would clash with the generated <c>BuildTemplate()</c>, each with where it is declared.</summary>
    public abstract IReadOnlyList<NamedPlace> MembersNamedLikeGeneratedCode { get; }

    /// <summary>The identifier of the user's first declaration.</summary>
    public abstract Location? Identifier { get; }
}

/// <summary>A nested type of a stack class, as <see cref="TopologyParser"/> reads it.</summary>
internal abstract class RecordSource
{
    public abstract string Name { get; }

    /// <summary>A class (a record class included): our attributes apply to nothing else.</summary>
    public abstract bool IsClass { get; }

    public abstract bool IsRecord { get; }

    public abstract bool IsStatic { get; }

    public abstract bool IsGeneric { get; }

    /// <summary>Whether every declaration the user wrote says partial.</summary>
    public abstract bool IsPartial { get; }

    public abstract IReadOnlyList<AttributeView> Attributes { get; }

    public abstract Location? Identifier { get; }

    /// <summary>The identifier of the user's first declaration that does not say partial, where the code fix adds it.</summary>
    public abstract Location? NotPartialIdentifier { get; }
}

/// <summary>A member's name and where it is declared.</summary>
internal sealed record NamedPlace(string Name, Location? Location);

/// <summary>A stack read through the compiler's symbols; records' attributes come from an <see cref="AttributeSource"/>.</summary>
internal sealed class SymbolStack : StackSource
{
    private readonly INamedTypeSymbol _stack;
    private readonly AttributeData _stackAttribute;
    private readonly AttributeSource _attributes;
    private readonly CancellationToken _cancellationToken;
    private IReadOnlyList<AttributeView>? _own;
    private IReadOnlyList<RecordSource>? _records;

    public SymbolStack(INamedTypeSymbol stack, AttributeData stackAttribute, AttributeSource attributes, CancellationToken cancellationToken)
    {
        _stack = stack;
        _stackAttribute = stackAttribute;
        _attributes = attributes;
        _cancellationToken = cancellationToken;
    }

    public override string Name => _stack.Name;

    public override string Namespace => _stack.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";

    public override bool IsStatic => _stack.IsStatic;

    public override bool IsPartial => SymbolFacts.IsPartial(_stack, _cancellationToken);

    public override bool NotTopLevel => _stack.ContainingType is not null || _stack.TypeParameters.Length > 0;

    public override INamedTypeSymbol? Symbol => _stack;

    public override AttributeView StackAttribute => new(_stackAttribute);

    // The stack class's own attributes are always bound: ForAttributeWithMetadataName or the analyzer bound them already.
    public override IReadOnlyList<AttributeView> Attributes => _own ??= _stack.GetAttributes().Select(a => new AttributeView(a)).ToList();

    public override IReadOnlyList<RecordSource> Records =>
        _records ??= _stack.GetTypeMembers().Select(t => (RecordSource)new SymbolRecord(t, _attributes, _cancellationToken)).ToList();

    public override IReadOnlyList<NamedPlace> MembersNamedLikeGeneratedCode =>
        _stack.GetMembers(TopologyParser.GeneratedMethod).Where(m => !m.IsImplicitlyDeclared
            && m.Locations.Any(l => l.IsInSource && !SymbolFacts.IsGenerated(l.SourceTree!))
            && m is not IMethodSymbol { Parameters.Length: > 0 } and not IMethodSymbol { TypeParameters.Length: > 0 })
        .Select(m => new NamedPlace(m.Name, m.Locations.FirstOrDefault()))
        .ToList();

    public override Location? Identifier => SymbolFacts.IdentifierLocation(_stack, _cancellationToken);

    private sealed class SymbolRecord : RecordSource
    {
        private readonly INamedTypeSymbol _type;
        private readonly AttributeSource _attributes;
        private readonly CancellationToken _cancellationToken;

        public SymbolRecord(INamedTypeSymbol type, AttributeSource attributes, CancellationToken cancellationToken)
        {
            _type = type;
            _attributes = attributes;
            _cancellationToken = cancellationToken;
        }

        public override string Name => _type.Name;

        public override bool IsClass => _type.TypeKind == TypeKind.Class;

        public override bool IsRecord => _type.IsRecord;

        public override bool IsStatic => _type.IsStatic;

        public override bool IsGeneric => _type.TypeParameters.Length > 0;

        public override bool IsPartial => SymbolFacts.IsPartial(_type, _cancellationToken);

        public override IReadOnlyList<AttributeView> Attributes => _attributes.Of(_type, _cancellationToken);

        public override Location? Identifier => SymbolFacts.IdentifierLocation(_type, _cancellationToken);

        public override Location? NotPartialIdentifier
        {
            get
            {
                foreach (var reference in _type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(_cancellationToken) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                        && !SymbolFacts.IsGenerated(declaration.SyntaxTree))
                    {
                        return declaration.Identifier.GetLocation();
                    }
                }

                return Identifier;
            }
        }
    }
}

/// <summary>What the symbol reading asks of a type's declarations.</summary>
internal static class SymbolFacts
{
    /// <summary>A file the generator wrote (its hint names end so); the user's declarations are the others.</summary>
    public static bool IsGenerated(SyntaxTree tree) => tree.FilePath.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether every declaration of the type written by the user says partial.</summary>
    public static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration)
            {
                if (IsGenerated(declaration.SyntaxTree) && type.DeclaringSyntaxReferences.Length > 1)
                {
                    continue;
                }

                any = true;
                if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }
        }

        return any;
    }

    public static Location? IdentifierLocation(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // The user's declaration, not the partial one the generator adds.
        Location? generated = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is BaseTypeDeclarationSyntax declaration)
            {
                if (!IsGenerated(declaration.SyntaxTree))
                {
                    return declaration.Identifier.GetLocation();
                }

                generated ??= declaration.Identifier.GetLocation();
            }
        }

        return generated ?? type.Locations.FirstOrDefault();
    }
}

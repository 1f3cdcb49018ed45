using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Parsing;

// The generator's first step reads each source file's syntax into these values, asking the compiler nothing:
// the compiler charges the first semantic question of a build (binding the references, declaring the types) to
// whoever asks it, and that was most of the generator's time (benchmarks/TopologyDsl.Probes). The second step
// (SyntaxStack) resolves names across files. Every value is an equatable class, so unchanged files cost nothing
// downstream; a Location compares by file and span.

/// <summary>What one source file declares that the syntax reading of stacks needs.</summary>
/// <param name="Types">Every type declared directly in a namespace or the file, with its namespace: a user's type can hide one of TopologyDsl's names.</param>
/// <param name="Namespaces">Every namespace the file declares, with each of its prefixes (<c>A</c>, <c>A.B</c>).</param>
/// <param name="GlobalUsings">The file's <c>global using</c> directives, which every file sees.</param>
/// <param name="Classes">The file's class declarations: any may be a stack or part of one.</param>
internal sealed record SourceFile(EquatableArray<TypeName> Types, EquatableArray<string> Namespaces, EquatableArray<UsingRead> GlobalUsings,
    EquatableArray<ClassRead> Classes);

/// <summary>A type declared in a namespace (empty for the global namespace), with its arity, and whether it may be an attribute class (a class with a base list).</summary>
/// A <c>file</c> type is seen only in its own file, which the reading of other files cannot tell apart: <paramref name="IsFileLocal"/>.
internal sealed record TypeName(string Namespace, string Name, int Arity, bool MayBeAttribute, bool IsFileLocal = false);

/// <summary>A using directive: a namespace, a <c>using static</c> type, or an alias (only its name matters: an alias is never read through).</summary>
internal sealed record UsingRead(UsingKind Kind, string Name);

internal enum UsingKind
{
    Namespace,
    Static,
    Alias,
    /// <summary>A directive written in a form the syntax reading does not follow (a generic static type, say).</summary>
    Unreadable,
}

/// <summary>One level of name lookup: a namespace (or the file's top, with <paramref name="Namespace"/> empty) and the usings declared there.</summary>
internal sealed record ScopeLevel(string Namespace, EquatableArray<UsingRead> Usings, bool IsFile);

/// <summary>
/// One declaration of a class declared in a namespace (or of a class nested in one, that carries an attribute named like
/// [Stack]). Read from syntax alone.
/// </summary>
internal sealed record ClassRead(
    string Namespace,
    string Name,
    int Arity,
    string Container,
    bool IsPartial,
    bool IsStatic,
    bool HasBaseList,
    bool NamedLikeStack,
    EquatableArray<AttributeRead> Attributes,
    EquatableArray<NestedTypeRead> Types,
    EquatableArray<MemberRead> Members,
    EquatableArray<ScopeLevel> Scope,
    Location Identifier,
    EquatableArray<string> DisabledWarnings,
    bool DisablesAllWarnings,
    bool MembersRead)
{
    /// <summary>Declared in another type (<see cref="Container"/>, the types it is nested in), which a stack class must not be.</summary>
    public bool Nested => Container.Length > 0;

    /// <summary>The class as <see cref="StackSpec.Key"/> names it (nested classes and generic ones get a key no stack can have).</summary>
    public string Key => StackSpec.KeyOf(Namespace, Nested || Arity > 0 ? Container + "+" + Name + "`" + Arity : Name);
}

/// <summary>
/// A type declared in a stack class. Its own members (<paramref name="MemberNames"/>, with a record's positional parameters) and
/// base types are in scope for its attributes, between them and the stack's body.
/// </summary>
internal sealed record NestedTypeRead(string Name, int Arity, bool IsClass, bool IsRecord, bool IsStatic, bool IsPartial, bool HasNestedTypes,
    EquatableArray<AttributeRead> Attributes, Location Identifier, bool MayBeAttribute = false, SyntaxKind Shape = SyntaxKind.None,
    EquatableArray<string> MemberNames = default, bool HasBaseList = false);

/// <summary>
/// A member of a stack class other than a nested type: its name, whether it is a method with parameters or type
/// parameters (an overload of the generated <c>BuildTemplate()</c>), and for a constant of a predefined type its value.
/// </summary>
internal sealed record MemberRead(string Name, bool IsOverload, ConstantRead? Constant, Location Identifier, bool IsPartialMethod = false);

/// <summary>A constant of the stack: its type (string, int, long, bool) and value, or null where the initializer is not a literal.</summary>
internal sealed record ConstantRead(string Type, ValueRead Value);

/// <summary>An attribute as written.</summary>
/// <param name="Readable">False where a part is in a form the syntax reading does not follow (the whole stack is then read through the compiler).</param>
internal sealed record AttributeRead(NameRead Name, EquatableArray<NameRead> TypeArguments, EquatableArray<ArgumentRead> Arguments, bool Readable, Location Location);

/// <summary>A (qualified) name as written: its parts, and whether it starts with <c>global::</c>. Type arguments of the rightmost part are kept apart.</summary>
internal sealed record NameRead(EquatableArray<string> Parts, bool Global)
{
    public string Last => Parts[Parts.Count - 1];

    public override string ToString() => (Global ? "global::" : "") + string.Join(".", Parts);
}

/// <summary>An attribute argument: positional (with the parameter name of <c>name:</c>, if any) or a property set with <c>Name = value</c>.</summary>
internal sealed record ArgumentRead(string? ParameterName, string? PropertyName, ValueRead Value);

internal enum ValueKind
{
    /// <summary>A literal: string, int, long, bool or null.</summary>
    Literal,
    /// <summary>A name: a constant of the stack, an enum member, a constant of a static class.</summary>
    Name,
    /// <summary><c>nameof(X)</c>.</summary>
    NameOf,
    /// <summary>An array: a collection expression, <c>new[] { }</c> or <c>new string[] { }</c>.</summary>
    Array,
    /// <summary>Any other expression: the compiler reads it.</summary>
    Unreadable,
}

/// <summary>An argument's expression in the few forms read without the compiler.</summary>
/// <param name="ArrayForm">For an array: "collection", "implicit" or the element type as written.</param>
internal sealed record ValueRead(ValueKind Kind, object? Literal = null, NameRead? Name = null, EquatableArray<ValueRead> Items = default, string? ArrayForm = null)
{
    public static readonly ValueRead Unreadable = new(ValueKind.Unreadable);
}

/// <summary>The warnings a file's <c>#pragma warning disable</c> directives name, and whether one names none (all).</summary>
internal sealed record Pragmas(EquatableArray<string> Codes, bool All);

/// <summary>Reads a source file into a <see cref="SourceFile"/>.</summary>
internal static class SourceFileReader
{
    public static SourceFile Read(CompilationUnitSyntax root, CancellationToken cancellationToken)
    {
        var types = new List<TypeName>();
        var namespaces = new List<string>();
        var globals = new List<UsingRead>();
        var classes = new List<ClassRead>();
        foreach (var directive in root.Usings)
        {
            if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
            {
                globals.Add(Using(directive));
            }
        }

        var fileLevel = new ScopeLevel("", root.Usings.Where(u => !u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)).Select(Using).ToEquatableArray(), IsFile: true);
        var reader = new FileWalk(root, types, namespaces, classes, cancellationToken);
        reader.Members(root.Members, "", new[] { fileLevel });
        return new SourceFile(types.ToEquatableArray(), namespaces.Distinct().ToEquatableArray(), globals.ToEquatableArray(), classes.ToEquatableArray());
    }

    private static UsingRead Using(UsingDirectiveSyntax directive)
    {
        if (directive.Alias is { } alias)
        {
            return new UsingRead(UsingKind.Alias, alias.Name.Identifier.ValueText);
        }

        return directive.Name is { } name && Name(name) is { Global: false } read && read.Parts.Count > 0
            ? new UsingRead(directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) ? UsingKind.Static : UsingKind.Namespace, string.Join(".", read.Parts))
            : new UsingRead(UsingKind.Unreadable, directive.ToString());
    }

    /// <summary>A name made of identifiers only (no type arguments, no alias but <c>global::</c>), or null.</summary>
    public static NameRead? Name(NameSyntax name)
    {
        var parts = new List<string>();
        var global = false;
        if (!Collect(name, parts, ref global))
        {
            return null;
        }

        return new NameRead(parts.ToEquatableArray(), global);
    }

    private static bool Collect(NameSyntax name, List<string> parts, ref bool global)
    {
        switch (name)
        {
            case IdentifierNameSyntax identifier when !identifier.Identifier.IsMissing:
                parts.Add(identifier.Identifier.ValueText);
                return true;
            case QualifiedNameSyntax qualified:
                return Collect(qualified.Left, parts, ref global) && Collect(qualified.Right, parts, ref global);
            case AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword, Name: IdentifierNameSyntax right } when parts.Count == 0:
                global = true;
                parts.Add(right.Identifier.ValueText);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A namespace name as the compiler displays it: a keyword escaped with @, any other identifier as its value.</summary>
    public static string Display(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) is SyntaxKind.GlobalKeyword
            ? "@" + identifier
            : identifier;

    private sealed class FileWalk
    {
        private readonly CompilationUnitSyntax _root;
        private readonly List<TypeName> _types;
        private readonly List<string> _namespaces;
        private readonly List<ClassRead> _classes;
        private readonly CancellationToken _cancellationToken;
        private Pragmas? _pragmas;

        public FileWalk(CompilationUnitSyntax root, List<TypeName> types, List<string> namespaces, List<ClassRead> classes,
            CancellationToken cancellationToken)
        {
            _root = root;
            _types = types;
            _namespaces = namespaces;
            _classes = classes;
            _cancellationToken = cancellationToken;
        }

        public void Members(SyntaxList<MemberDeclarationSyntax> members, string ns, IReadOnlyList<ScopeLevel> scope)
        {
            foreach (var member in members)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax declaration:
                        Namespace(declaration, ns, scope);
                        break;
                    case BaseTypeDeclarationSyntax type:
                        _types.Add(new TypeName(ns, type.Identifier.ValueText, (type as TypeDeclarationSyntax)?.Arity ?? 0, MayBeAttribute(type),
                            type.Modifiers.Any(SyntaxKind.FileKeyword)));
                        if (type is ClassDeclarationSyntax c)
                        {
                            Class(c, ns, scope, container: "");
                        }
                        else if (type is TypeDeclarationSyntax other)
                        {
                            NestedStacks(other, ns, scope, container: "");
                        }

                        break;
                    case DelegateDeclarationSyntax d:
                        _types.Add(new TypeName(ns, d.Identifier.ValueText, d.Arity, false, d.Modifiers.Any(SyntaxKind.FileKeyword)));
                        break;
                }
            }
        }

        private void Namespace(BaseNamespaceDeclarationSyntax declaration, string outer, IReadOnlyList<ScopeLevel> scope)
        {
            var read = Name(declaration.Name);
            if (read is null || read.Global)
            {
                return;
            }

            // namespace A.B { } looks in A.B, then in A: one level per part, the usings on the innermost.
            var levels = new List<ScopeLevel>(scope);
            var ns = outer;
            for (var i = 0; i < read.Parts.Count; i++)
            {
                ns = ns.Length == 0 ? Display(read.Parts[i]) : ns + "." + Display(read.Parts[i]);
                _namespaces.Add(ns);
                var usings = i == read.Parts.Count - 1 ? declaration.Usings.Select(Using).ToEquatableArray() : EquatableArray<UsingRead>.Empty;
                levels.Insert(0, new ScopeLevel(ns, usings, IsFile: false));
            }

            Members(declaration.Members, ns, levels);
        }

        private void Class(ClassDeclarationSyntax declaration, string ns, IReadOnlyList<ScopeLevel> scope, string container)
        {
            var namedLikeStack = declaration.AttributeLists.Any(list => list.Attributes.Any(a => IsNamedLikeStack(a.Name)));
            // Every part of a class counts: one that does not say partial, a constant, a member named BuildTemplate. Nested
            // classes are read only where one of that name carries [Stack].
            _classes.Add(Read(declaration, ns, scope, container, namedLikeStack));

            NestedStacks(declaration, ns, scope, container);
        }

        /// <summary>
        /// A [Stack] class nested in a type, at any depth, is read too (the compiler reads it: TDSL012), with every other
        /// part of it.
        /// </summary>
        private void NestedStacks(TypeDeclarationSyntax declaration, string ns, IReadOnlyList<ScopeLevel> scope, string container)
        {
            var path = container.Length == 0 ? declaration.Identifier.ValueText : container + "." + declaration.Identifier.ValueText;
            var inner = declaration.Members.OfType<TypeDeclarationSyntax>().ToList();
            var stacks = inner.OfType<ClassDeclarationSyntax>().Where(c => c.AttributeLists.Any(list => list.Attributes.Any(a => IsNamedLikeStack(a.Name))))
                .Select(c => c.Identifier.ValueText).ToList();
            foreach (var type in inner)
            {
                if (type is ClassDeclarationSyntax c && stacks.Contains(c.Identifier.ValueText))
                {
                    _classes.Add(Read(c, ns, scope, path, c.AttributeLists.Any(list => list.Attributes.Any(a => IsNamedLikeStack(a.Name)))));
                }

                NestedStacks(type, ns, scope, path);
            }
        }

        private ClassRead Read(ClassDeclarationSyntax declaration, string ns, IReadOnlyList<ScopeLevel> scope, string container, bool namedLikeStack)
        {
            var types = new List<NestedTypeRead>();
            var members = new List<MemberRead>();

            // Only a partial declaration can be another part of a stack (else CS0260), so the members of any other class
            // that does not carry [Stack] are not read: it counts only as a part that does not say partial.
            var readMembers = namedLikeStack || declaration.Modifiers.Any(SyntaxKind.PartialKeyword);
            foreach (var member in readMembers ? declaration.Members : default)
            {
                switch (member)
                {
                    case BaseTypeDeclarationSyntax nestedType:
                        types.Add(Nested(nestedType));
                        break;
                    case DelegateDeclarationSyntax d:
                        types.Add(new NestedTypeRead(d.Identifier.ValueText, d.Arity, false, false, false, false, false, EquatableArray<AttributeRead>.Empty,
                            d.Identifier.GetLocation(), Shape: SyntaxKind.DelegateDeclaration));
                        break;
                    case MethodDeclarationSyntax method:
                        members.Add(new MemberRead(method.Identifier.ValueText, method.ParameterList.Parameters.Count > 0 || method.Arity > 0, null,
                            method.Identifier.GetLocation(), method.Modifiers.Any(SyntaxKind.PartialKeyword)));
                        break;
                    case PropertyDeclarationSyntax property:
                        members.Add(new MemberRead(property.Identifier.ValueText, false, null, property.Identifier.GetLocation()));
                        break;
                    case EventDeclarationSyntax e:
                        members.Add(new MemberRead(e.Identifier.ValueText, false, null, e.Identifier.GetLocation()));
                        break;
                    case BaseFieldDeclarationSyntax field:
                        var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                        var type = field.Declaration.Type is PredefinedTypeSyntax predefined ? predefined.Keyword.ValueText : null;
                        foreach (var variable in field.Declaration.Variables)
                        {
                            var constant = isConst && type is "string" or "int" or "long" or "bool" && variable.Initializer is { } initializer
                                ? new ConstantRead(type!, Value(initializer.Value))
                                : null;
                            members.Add(new MemberRead(variable.Identifier.ValueText, false, constant, variable.Identifier.GetLocation()));
                        }

                        break;
                    default:
                        // Constructors, operators, indexers, destructors: none can be named like a member a record's attribute reads.
                        break;
                }
            }

            var pragmas = Pragmas();
            return new ClassRead(ns, declaration.Identifier.ValueText, declaration.Arity, container,
                declaration.Modifiers.Any(SyntaxKind.PartialKeyword), declaration.Modifiers.Any(SyntaxKind.StaticKeyword), declaration.BaseList is not null,
                namedLikeStack, Attributes(declaration.AttributeLists), types.ToEquatableArray(), members.ToEquatableArray(), scope.ToEquatableArray(),
                declaration.Identifier.GetLocation(), pragmas.Codes, pragmas.All, readMembers);
        }

        private static NestedTypeRead Nested(BaseTypeDeclarationSyntax type)
        {
            var isRecord = type is RecordDeclarationSyntax;
            var isClass = type is ClassDeclarationSyntax || (type is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword));
            var hasNested = type is TypeDeclarationSyntax { Members: var members } && members.Any(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax);
            return new NestedTypeRead(type.Identifier.ValueText, (type as TypeDeclarationSyntax)?.Arity ?? 0, isClass, isRecord && isClass,
                type.Modifiers.Any(SyntaxKind.StaticKeyword), type.Modifiers.Any(SyntaxKind.PartialKeyword), hasNested, Attributes(type.AttributeLists),
                type.Identifier.GetLocation(), MayBeAttribute(type), type.Kind(), MemberNames(type), type.BaseList is not null);
        }

        /// <summary>The names a type declares: its members, enum members and a record's positional parameters.</summary>
        private static EquatableArray<string> MemberNames(BaseTypeDeclarationSyntax type)
        {
            var names = new List<string>();
            if (type is TypeDeclarationSyntax { ParameterList: { } parameters })
            {
                names.AddRange(parameters.Parameters.Select(p => p.Identifier.ValueText));
            }

            if (type is EnumDeclarationSyntax e)
            {
                names.AddRange(e.Members.Select(m => m.Identifier.ValueText));
            }

            if (type is TypeDeclarationSyntax declaration)
            {
                foreach (var member in declaration.Members)
                {
                    switch (member)
                    {
                        case BaseFieldDeclarationSyntax field:
                            names.AddRange(field.Declaration.Variables.Select(v => v.Identifier.ValueText));
                            break;
                        case MethodDeclarationSyntax method:
                            names.Add(method.Identifier.ValueText);
                            break;
                        case PropertyDeclarationSyntax property:
                            names.Add(property.Identifier.ValueText);
                            break;
                        case EventDeclarationSyntax ev:
                            names.Add(ev.Identifier.ValueText);
                            break;
                        case BaseTypeDeclarationSyntax nested:
                            names.Add(nested.Identifier.ValueText);
                            break;
                        case DelegateDeclarationSyntax d:
                            names.Add(d.Identifier.ValueText);
                            break;
                    }
                }
            }

            return names.ToEquatableArray();
        }

        /// <summary>Only a class that names a base type can derive from System.Attribute (a record class cannot).</summary>
        private static bool MayBeAttribute(BaseTypeDeclarationSyntax type) => type is ClassDeclarationSyntax { BaseList: not null };

        private static EquatableArray<AttributeRead> Attributes(SyntaxList<AttributeListSyntax> lists)
        {
            var read = new List<AttributeRead>();
            foreach (var list in lists)
            {
                // [type: ...] applies to the type as an unmarked list does; any other target is left to the compiler.
                var readable = list.Target is null || list.Target.Identifier.IsKind(SyntaxKind.TypeKeyword);
                foreach (var attribute in list.Attributes)
                {
                    read.Add(Attribute(attribute, readable));
                }
            }

            return read.ToEquatableArray();
        }

        private static AttributeRead Attribute(AttributeSyntax attribute, bool readable)
        {
            var name = attribute.Name;
            var typeArguments = EquatableArray<NameRead>.Empty;
            NameRead? read;
            switch (name)
            {
                case GenericNameSyntax generic:
                    read = new NameRead(EquatableArray.Create(generic.Identifier.ValueText), false);
                    typeArguments = TypeArguments(generic, ref readable);
                    break;
                case QualifiedNameSyntax { Right: GenericNameSyntax right } qualified:
                    read = Name(qualified.Left) is { } left ? new NameRead(left.Parts.Concat(new[] { right.Identifier.ValueText }).ToEquatableArray(), left.Global) : null;
                    typeArguments = TypeArguments(right, ref readable);
                    break;
                case AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword, Name: GenericNameSyntax right }:
                    read = new NameRead(EquatableArray.Create(right.Identifier.ValueText), true);
                    typeArguments = TypeArguments(right, ref readable);
                    break;
                default:
                    read = Name(name);
                    break;
            }

            // A verbatim identifier (@Vpc) is looked up without the Attribute suffix; a directive inside the name is left to the compiler.
            readable &= read is not null && !name.ContainsDirectives && !name.DescendantTokens().Any(t => t.IsVerbatimIdentifier());
            var arguments = new List<ArgumentRead>();
            foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
            {
                arguments.Add(new ArgumentRead(argument.NameColon?.Name.Identifier.ValueText, argument.NameEquals?.Name.Identifier.ValueText, Value(argument.Expression)));
            }

            return new AttributeRead(read ?? new NameRead(EquatableArray.Create("?"), false), typeArguments, arguments.ToEquatableArray(), readable, attribute.GetLocation());
        }

        private static EquatableArray<NameRead> TypeArguments(GenericNameSyntax generic, ref bool readable)
        {
            var names = new List<NameRead>();
            foreach (var argument in generic.TypeArgumentList.Arguments)
            {
                if (argument is NameSyntax name && Name(name) is { } read)
                {
                    names.Add(read);
                }
                else
                {
                    readable = false;
                }
            }

            return names.ToEquatableArray();
        }

        /// <summary>The forms of an argument read without the compiler; anything else is <see cref="ValueRead.Unreadable"/>.</summary>
        public static ValueRead Value(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    return literal.Kind() switch
                    {
                        // Regular, verbatim and raw string literals alike: the token's value is the string.
                        SyntaxKind.StringLiteralExpression => new ValueRead(ValueKind.Literal, literal.Token.ValueText),
                        SyntaxKind.NumericLiteralExpression when literal.Token.Value is int or long => new ValueRead(ValueKind.Literal, literal.Token.Value),
                        SyntaxKind.TrueLiteralExpression => new ValueRead(ValueKind.Literal, true),
                        SyntaxKind.FalseLiteralExpression => new ValueRead(ValueKind.Literal, false),
                        SyntaxKind.NullLiteralExpression => new ValueRead(ValueKind.Literal, null),
                        _ => ValueRead.Unreadable,
                    };
                case PrefixUnaryExpressionSyntax { OperatorToken.RawKind: (int)SyntaxKind.MinusToken, Operand: LiteralExpressionSyntax { Token.Value: int number } }
                    when number != int.MinValue:
                    return new ValueRead(ValueKind.Literal, -number);
                case PrefixUnaryExpressionSyntax { OperatorToken.RawKind: (int)SyntaxKind.MinusToken, Operand: LiteralExpressionSyntax { Token.Value: long number } }
                    when number != long.MinValue:
                    return new ValueRead(ValueKind.Literal, -number);
                case IdentifierNameSyntax identifier:
                    return new ValueRead(ValueKind.Name, Name: new NameRead(EquatableArray.Create(identifier.Identifier.ValueText), false));
                case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                    return MemberName(access) is { } name ? new ValueRead(ValueKind.Name, Name: name) : ValueRead.Unreadable;
                case InvocationExpressionSyntax
                {
                    Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" },
                    ArgumentList.Arguments: [{ NameColon: null, RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax argument }],
                }:
                    return new ValueRead(ValueKind.NameOf, Name: new NameRead(EquatableArray.Create(argument.Identifier.ValueText), false));
                case CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax):
                    return Array(collection.Elements.Select(e => ((ExpressionElementSyntax)e).Expression), "collection");
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return Array(implicitArray.Initializer.Expressions, "implicit");
                case ArrayCreationExpressionSyntax { Initializer: { } initializer, Type: { RankSpecifiers.Count: 1, ElementType: PredefinedTypeSyntax element } type }
                    when type.RankSpecifiers[0].Sizes.All(s => s is OmittedArraySizeExpressionSyntax):
                    return Array(initializer.Expressions, element.Keyword.ValueText);
                default:
                    return ValueRead.Unreadable;
            }
        }

        private static ValueRead Array(IEnumerable<ExpressionSyntax> elements, string form) =>
            new(ValueKind.Array, Items: elements.Select(Value).ToEquatableArray(), ArrayForm: form);

        /// <summary><c>A.B.C</c> as an expression (member accesses over a name), or null.</summary>
        private static NameRead? MemberName(ExpressionSyntax expression)
        {
            var parts = new List<string>();
            var global = false;
            while (expression is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax right } access)
            {
                parts.Insert(0, right.Identifier.ValueText);
                expression = access.Expression;
            }

            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    parts.Insert(0, identifier.Identifier.ValueText);
                    break;
                case AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword, Name: IdentifierNameSyntax name }:
                    parts.Insert(0, name.Identifier.ValueText);
                    global = true;
                    break;
                default:
                    return null;
            }

            return new NameRead(parts.ToEquatableArray(), global);
        }

        private static bool IsNamedLikeStack(NameSyntax name) => name switch
        {
            IdentifierNameSyntax { Identifier.ValueText: "Stack" or "StackAttribute" } => true,
            QualifiedNameSyntax qualified => IsNamedLikeStack(qualified.Right),
            AliasQualifiedNameSyntax alias => IsNamedLikeStack(alias.Name),
            _ => false,
        };

        /// <summary>The warnings a <c>#pragma warning disable</c> of the file names (read once per file).</summary>
        private Pragmas Pragmas()
        {
            if (_pragmas is null)
            {
                var codes = new List<string>();
                var all = false;
                if (_root.ContainsDirectives)
                {
                    for (var directive = _root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
                    {
                        if (directive is PragmaWarningDirectiveTriviaSyntax pragma && pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
                        {
                            all |= pragma.ErrorCodes.Count == 0;
                            codes.AddRange(pragma.ErrorCodes.Select(code => code.ToString().Trim()));
                        }
                    }
                }

                _pragmas = new Pragmas(codes.Distinct().ToEquatableArray(), all);
            }

            return _pragmas;
        }
    }
}

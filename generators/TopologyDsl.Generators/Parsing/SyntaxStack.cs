using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Emit;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Parsing;

/// <summary>
/// What the generator's syntax reading gives for one [Stack] class: its input and the declaration diagnostics the
/// generator reports, or, where the syntax leaves a doubt, where the class is, for the compiler to read it instead.
/// </summary>
internal sealed record StackRead(StackInput? Input, ImmutableArray<Diagnostic> Diagnostics, Location? BindAt = null);

/// <summary>
/// Reads every [Stack] class of the program from the syntax of its files (<see cref="SourceFile"/>), resolving names
/// the way C# does for the forms users write: our attribute classes, enums and constants through the usings in scope
/// (global usings included), a record through the stack's nested types, another stack's record through the
/// namespaces. The runtime library's API comes from <see cref="RuntimeApi"/>, so the compiler is asked nothing.
/// <para>
/// Where a name could mean something else (a user's type or namespace of the same name, an alias, a base class, a
/// <c>using static</c> of a type we do not know) or an argument is not a plain constant, the stack is left to the
/// compiler (<see cref="StackRead.BindAt"/>): one unsure name makes the whole stack bound, so a stack is always
/// read one way. Only a type in a referenced assembly that hides one of ours in the user's own namespace escapes
/// this reading; the analyzer does this reading too, compares it with the compiler's and reports TDSL021 then.
/// </para>
/// </summary>
internal sealed class ProgramSyntax
{
    /// <summary>Every type declared in the program's files, by namespace, name and arity, with whether it may be an attribute class.</summary>
    private readonly Dictionary<string, bool> _userTypes = new(System.StringComparer.Ordinal);

    /// <summary>The keys of <see cref="_userTypes"/> that a <c>file</c> type declares: seen from its own file only, so a doubt from any other.</summary>
    private readonly HashSet<string> _fileLocalTypes = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _namespaces = new(System.StringComparer.Ordinal);
    private readonly List<UsingRead> _globalUsings = new();
    private readonly Dictionary<string, Group> _groups = new(System.StringComparer.Ordinal);
    private readonly List<Group> _order = new();

    private ProgramSyntax(IEnumerable<SourceFile> files)
    {
        foreach (var file in files)
        {
            foreach (var type in file.Types)
            {
                var key = TypeKey(type.Namespace, type.Name, type.Arity);
                _userTypes[key] = type.MayBeAttribute || (_userTypes.TryGetValue(key, out var may) && may);
                if (type.IsFileLocal)
                {
                    _fileLocalTypes.Add(key);
                }
            }

            foreach (var ns in file.Namespaces)
            {
                _namespaces.Add(ns);
            }

            _globalUsings.AddRange(file.GlobalUsings);
            foreach (var declaration in file.Classes)
            {
                if (!_groups.TryGetValue(declaration.Key, out var group))
                {
                    group = new Group(declaration.Key);
                    _groups[declaration.Key] = group;
                    _order.Add(group);
                }

                group.Declarations.Add(declaration);
            }
        }
    }

    /// <summary>Every [Stack] class of the program, read from syntax, in the order its files come.</summary>
    public static ImmutableArray<StackRead> Read(IEnumerable<SourceFile> files, CompilationOptions? options, CancellationToken cancellationToken)
    {
        var program = new ProgramSyntax(files);

        // First which classes are stacks (another stack's records resolve through them), then each stack.
        foreach (var group in program._order)
        {
            group.StackAttribute = program.StackAttributeOf(group, cancellationToken);
        }

        var reads = ImmutableArray.CreateBuilder<StackRead>();
        foreach (var group in program._order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (group.StackAttribute is { } attribute)
            {
                reads.Add(program.ReadStack(group, attribute, options, cancellationToken));
            }
        }

        return reads.ToImmutable();
    }

    private static string TypeKey(string ns, string name, int arity) => ns + "\u0001" + name + "\u0001" + arity;

    private static string Combine(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    /// <summary>The class's first attribute that names TopologyDsl's [Stack] (null when none does, or when it is unsure: then the stack is bound).</summary>
    private StackFound? StackAttributeOf(Group group, CancellationToken cancellationToken)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var attribute in declaration.Attributes)
            {
                var aliased = attribute.Name.Parts.Count == 1 && !attribute.Name.Global && IsAlias(declaration, attribute.Name.Last);
                if (!IsNamedLikeStack(attribute.Name) && !aliased)
                {
                    continue;
                }

                // A nested class is no stack the generator can extend (TDSL012), an alias may name [Stack], and without the
                // runtime's table nothing is sure: the compiler reads those.
                if (declaration.Nested || aliased || !RuntimeApi.DeclaresType("StackAttribute", 0)
                    || _fileLocalTypes.Contains(TypeKey(declaration.Namespace, declaration.Name, declaration.Arity)))
                {
                    return new StackFound(declaration, Sure: false);
                }

                var resolver = new Resolver(this, group, declaration, cancellationToken);
                var metadataName = resolver.AttributeClass(attribute);
                if (resolver.Unsure)
                {
                    return new StackFound(declaration, Sure: false);
                }

                if (metadataName == KnownNames.Stack)
                {
                    return new StackFound(declaration, Sure: true);
                }
            }
        }

        return null;
    }

    private static bool IsNamedLikeStack(NameRead name) => name.Last is "Stack" or "StackAttribute";

    private readonly Dictionary<ScopeLevel, List<UsingRead>> _resolvedUsings = new();

    /// <summary>
    /// The usings of a namespace block with their names resolved as C# resolves them: from the block's namespace outwards,
    /// so that <c>using Shared;</c> inside <c>namespace MyNetwork.Spoke</c> means <c>MyNetwork.Shared</c> where the project
    /// declares it. A file's usings are resolved from the global namespace, as written.
    /// </summary>
    private List<UsingRead> Resolved(ScopeLevel level)
    {
        if (!_resolvedUsings.TryGetValue(level, out var resolved))
        {
            resolved = level.Usings.Select(u => u.Kind is UsingKind.Namespace or UsingKind.Static ? u with { Name = ResolveFrom(level.Namespace, u.Name) } : u).ToList();
            _resolvedUsings[level] = resolved;
        }

        return resolved;
    }

    private string ResolveFrom(string ns, string name)
    {
        var dot = name.IndexOf('.');
        var first = dot < 0 ? name : name.Substring(0, dot);
        for (var scope = ns; scope.Length > 0; scope = scope.LastIndexOf('.') is var i and > 0 ? scope.Substring(0, i) : "")
        {
            if (_namespaces.Contains(Combine(scope, first)) || _userTypes.ContainsKey(TypeKey(scope, first, 0)))
            {
                return Combine(scope, name);
            }
        }

        return name;
    }

    /// <summary>Whether a using alias of that name is in scope of the declaration.</summary>
    private bool IsAlias(ClassRead declaration, string name) =>
        declaration.Scope.Any(level => level.Usings.Any(u => u.Kind == UsingKind.Alias && u.Name == name))
        || _globalUsings.Any(u => u.Kind == UsingKind.Alias && u.Name == name);

    private StackRead ReadStack(Group group, StackFound found, CompilationOptions? options, CancellationToken cancellationToken)
    {
        var bindAt = new StackRead(null, ImmutableArray<Diagnostic>.Empty, found.Declaration.Identifier);
        if (!found.Sure || !group.Complete || group.Declarations.Any(d => d.HasBaseList))
        {
            return bindAt;
        }

        var source = new SyntaxStack(this, group, cancellationToken);
        if (source.Unsure)
        {
            return bindAt;
        }

        var spec = TopologyParser.Parse(source, withSourceMap: false, cancellationToken).Spec;
        var diagnostics = TopologyParser.DeclarationDiagnostics(source, cancellationToken);
        var hidden = options is null || found.Declaration.Identifier.SourceTree is not { } tree
            ? EquatableArray<string>.Empty
            : Notes.HiddenIds(options, tree, cancellationToken);
        var silenced = Notes.SilencedIds(group.Declarations.Any(d => d.DisablesAllWarnings), group.Declarations.SelectMany(d => d.DisabledWarnings),
            source.Attributes.Concat(source.Records.SelectMany(r => r.Attributes)), hidden);
        return new StackRead(new StackInput(spec, silenced), diagnostics);
    }

    /// <summary>The declarations of one class, in file order, with its nested types and members by name (read once, looked up often).</summary>
    private sealed class Group
    {
        private Dictionary<string, bool>? _types;
        private HashSet<string>? _conflicts;
        private Dictionary<string, List<MemberRead>>? _members;

        public Group(string key) => Key = key;

        public string Key { get; }

        public List<ClassRead> Declarations { get; } = new();

        public StackFound? StackAttribute { get; set; }

        public bool IsStack => StackAttribute is not null;

        /// <summary>Whether every declaration's members were read (a declaration that is neither partial nor [Stack] has them unread).</summary>
        public bool Complete => Declarations.All(d => d.MembersRead);

        /// <summary>Whether the class declares a nested type of that name and arity.</summary>
        public bool DeclaresType(string name, int arity) => Types().ContainsKey(name + "`" + arity);

        /// <summary>
        /// Whether the class declares one nested type of that name and arity: declared once, or in parts that all say partial
        /// and are of one kind (else CS0101, and a reference to it is ambiguous).
        /// </summary>
        public bool DeclaresSoleType(string name, int arity)
        {
            Types();
            return DeclaresType(name, arity) && !_conflicts!.Contains(name + "`" + arity);
        }

        /// <summary>Whether a nested type of that name and arity may be an attribute class.</summary>
        public bool DeclaresAttributeLike(string name, int arity) => Types().TryGetValue(name + "`" + arity, out var may) && may;

        /// <summary>Whether the class declares a member or nested type of that name.</summary>
        public bool DeclaresMember(string name) => Members().ContainsKey(name) || Types().ContainsKey(name + "`0");

        /// <summary>The members of that name (nested types aside), in declaration order.</summary>
        public IReadOnlyList<MemberRead> MembersNamed(string name) => Members().TryGetValue(name, out var found) ? found : (IReadOnlyList<MemberRead>)System.Array.Empty<MemberRead>();

        private Dictionary<string, bool> Types()
        {
            if (_types is null)
            {
                var types = new Dictionary<string, bool>(System.StringComparer.Ordinal);
                var first = new Dictionary<string, NestedTypeRead>(System.StringComparer.Ordinal);
                var conflicts = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var declaration in Declarations)
                {
                    foreach (var type in declaration.Types)
                    {
                        var key = type.Name + "`" + type.Arity;
                        types[key] = type.MayBeAttribute || (types.TryGetValue(key, out var may) && may);
                        if (first.TryGetValue(key, out var earlier))
                        {
                            if (!type.IsPartial || !earlier.IsPartial || type.Shape != earlier.Shape)
                            {
                                conflicts.Add(key);
                            }
                        }
                        else
                        {
                            first[key] = type;
                        }
                    }
                }

                _conflicts = conflicts;
                _types = types;
            }

            return _types;
        }

        private Dictionary<string, List<MemberRead>> Members()
        {
            if (_members is null)
            {
                var members = new Dictionary<string, List<MemberRead>>(System.StringComparer.Ordinal);
                foreach (var declaration in Declarations)
                {
                    foreach (var member in declaration.Members)
                    {
                        if (!members.TryGetValue(member.Name, out var list))
                        {
                            list = new List<MemberRead>();
                            members[member.Name] = list;
                        }

                        list.Add(member);
                    }
                }

                _members = members;
            }

            return _members;
        }
    }

    /// <summary>The declaration that carries a class's [Stack], and whether its name surely means ours.</summary>
    private sealed record StackFound(ClassRead Declaration, bool Sure);

    /// <summary>What a name denotes, as far as the syntax tells.</summary>
    private enum Found
    {
        None,
        Ours,
        Stack,
        UserType,
        Namespace,
        Unsure,
    }

    /// <summary>
    /// A name's meaning: for <see cref="Found.Stack"/> the stack's key, for <see cref="Found.Namespace"/> the namespace, for
    /// SuppressMessage its metadata name; and whether a user's type found may be an attribute class.
    /// </summary>
    private sealed record Meaning(Found Kind, string Name = "", bool MayBeAttribute = true)
    {
        public static readonly Meaning None = new(Found.None);
        public static readonly Meaning Unsure = new(Found.Unsure);
    }

    /// <summary>A stack class's members, attribute values and type arguments, read from syntax through <see cref="Resolver"/>.</summary>
    private sealed class SyntaxStack : StackSource
    {
        private readonly Group _group;
        private readonly List<AttributeView> _attributes = new();
        private readonly List<RecordSource> _records = new();
        private readonly List<NamedPlace> _generatedNames = new();

        public SyntaxStack(ProgramSyntax program, Group group, CancellationToken cancellationToken)
        {
            _group = group;
            var first = group.Declarations[0];
            Name = first.Name;
            Namespace = first.Namespace;
            IsStatic = group.Declarations.Any(d => d.IsStatic);
            IsPartial = group.Declarations.All(d => d.IsPartial);
            NotTopLevel = first.Nested || first.Arity > 0;
            Identifier = first.Identifier;

            var records = new Dictionary<string, SyntaxRecord>(System.StringComparer.Ordinal);
            foreach (var declaration in group.Declarations)
            {
                var resolver = new Resolver(program, group, declaration, cancellationToken);
                foreach (var attribute in declaration.Attributes)
                {
                    _attributes.Add(resolver.View(attribute));
                }

                foreach (var type in declaration.Types)
                {
                    var key = type.Name + "`" + type.Arity;
                    if (!records.TryGetValue(key, out var record))
                    {
                        record = new SyntaxRecord(type);
                        records[key] = record;
                        _records.Add(record);
                    }
                    else
                    {
                        // Two declarations of one name make one type only when both say partial and are of one kind (else CS0101, and
                        // the compiler's two types are what it reads).
                        Unsure |= !type.IsPartial || !record.First.IsPartial || type.Shape != record.First.Shape;
                    }

                    record.Add(type, type.Attributes.Select(resolver.View));

                    // A record's own type parameters, members and base types come between the stack's body and its attributes.
                    Unsure |= type.Attributes.Count > 0 && (type.Arity > 0 || type.HasNestedTypes || type.HasBaseList
                        || (type.MemberNames.Count > 0 && NamesUsed(type.Attributes).Any(type.MemberNames.Contains)));
                }

                Unsure |= resolver.Unsure;

                // GetMembers order: by place in the file, members and nested types together.
                // A partial method's two parts are one member, and so are a partial type's.
                var places = declaration.Members.Where(m => m.Name == TopologyParser.GeneratedMethod && !m.IsOverload
                        && (!m.IsPartialMethod || group.MembersNamed(m.Name).First(p => p.IsPartialMethod) == m))
                    .Select(m => m.Identifier)
                    .Concat(declaration.Types.Where(t => t.Name == TopologyParser.GeneratedMethod && ReferenceEquals(records[t.Name + "`" + t.Arity].First, t))
                        .Select(t => t.Identifier))
                    .OrderBy(l => l.SourceSpan.Start);
                _generatedNames.AddRange(places.Select(l => new NamedPlace(TopologyParser.GeneratedMethod, l)));
            }

            StackAttribute = _attributes.FirstOrDefault(a => a.MetadataName == KnownNames.Stack) ?? _attributes[0];
        }

        /// <summary>Whether a name or value could not be read for sure: then the compiler reads the stack.</summary>
        public bool Unsure { get; }

        /// <summary>The first part of every name the attributes use: what a member of the record could hide.</summary>
        private static IEnumerable<string> NamesUsed(EquatableArray<AttributeRead> attributes)
        {
            foreach (var attribute in attributes)
            {
                yield return attribute.Name.Parts[0];
                foreach (var argument in attribute.TypeArguments)
                {
                    yield return argument.Parts[0];
                }

                foreach (var argument in attribute.Arguments)
                {
                    foreach (var name in NamesIn(argument.Value))
                    {
                        yield return name;
                    }
                }
            }
        }

        private static IEnumerable<string> NamesIn(ValueRead value) =>
            value.Kind == ValueKind.Array ? value.Items.SelectMany(NamesIn)
            : value.Name is { } name ? new[] { name.Parts[0] }
            : System.Array.Empty<string>();

        public override string Name { get; }

        public override string Namespace { get; }

        public override bool IsStatic { get; }

        public override bool IsPartial { get; }

        public override bool NotTopLevel { get; }

        public override INamedTypeSymbol? Symbol => null;

        public override AttributeView StackAttribute { get; }

        public override IReadOnlyList<AttributeView> Attributes => _attributes;

        public override IReadOnlyList<RecordSource> Records => _records;

        public override IReadOnlyList<NamedPlace> MembersNamedLikeGeneratedCode => _generatedNames;

        public override Location? Identifier { get; }
    }

    /// <summary>A nested type of a stack, over all its declarations.</summary>
    private sealed class SyntaxRecord : RecordSource
    {
        private readonly List<AttributeView> _attributes = new();
        private readonly NestedTypeRead _first;
        private bool _isStatic;
        private bool _isPartial = true;
        private Location? _notPartial;

        public SyntaxRecord(NestedTypeRead first) => _first = first;

        public NestedTypeRead First => _first;

        public void Add(NestedTypeRead declaration, IEnumerable<AttributeView> attributes)
        {
            _attributes.AddRange(attributes);
            _isStatic |= declaration.IsStatic;
            if (!declaration.IsPartial)
            {
                _isPartial = false;
                _notPartial ??= declaration.Identifier;
            }
        }

        public override string Name => _first.Name;

        public override bool IsClass => _first.IsClass;

        public override bool IsRecord => _first.IsRecord;

        public override bool IsStatic => _isStatic;

        public override bool IsGeneric => _first.Arity > 0;

        public override bool IsPartial => _isPartial;

        public override IReadOnlyList<AttributeView> Attributes => _attributes;

        public override Location? Identifier => _first.Identifier;

        public override Location? NotPartialIdentifier => _notPartial ?? _first.Identifier;
    }

    /// <summary>
    /// Resolves names written in one declaration of a stack class, as C# looks them up from the stack's body: its nested
    /// types and members, then each namespace out to the file, each with the usings declared there (global usings with the
    /// file's). Anything it cannot decide sets <see cref="Unsure"/>.
    /// </summary>
    private sealed class Resolver
    {
        private const string SuppressMessageNamespace = "System.Diagnostics.CodeAnalysis";

        private readonly ProgramSyntax _program;
        private readonly Group _group;
        private readonly ClassRead _declaration;
        private readonly CancellationToken _cancellationToken;

        public Resolver(ProgramSyntax program, Group group, ClassRead declaration, CancellationToken cancellationToken)
        {
            _program = program;
            _group = group;
            _declaration = declaration;
            _cancellationToken = cancellationToken;
        }

        public bool Unsure { get; private set; }

        private T Doubt<T>(T value)
        {
            Unsure = true;
            return value;
        }

        /// <summary>The attribute read as the parser reads a bound one.</summary>
        public AttributeView View(AttributeRead attribute)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var metadataName = AttributeClass(attribute);
            if (metadataName is null)
            {
                // Not one of ours: nothing reads its values.
                return Foreign("?" + attribute.Name, attribute);
            }

            if (metadataName == Notes.SuppressMessage)
            {
                return SuppressMessage(attribute);
            }

            var api = RuntimeApi.Attribute(metadataName.Substring(RuntimeApi.Namespace.Length + 1).Split('`')[0], attribute.TypeArguments.Count);
            if (api is null)
            {
                return Doubt(Foreign(metadataName, attribute));
            }

            var typeArguments = attribute.TypeArguments.Select(Reference).ToImmutableArray();
            var positional = attribute.Arguments.Where(a => a.PropertyName is null).ToList();
            var candidates = api.Constructors.Where(c => c.Count == positional.Count && c.All(p => !p.IsOptionalOrParams)).ToList();
            if (candidates.Count != 1)
            {
                return Doubt(Foreign(metadataName, attribute));
            }

            var constructor = candidates[0];
            var values = new object?[constructor.Count];
            for (var i = 0; i < positional.Count; i++)
            {
                // An argument named with "name:" is read only where it stands at its parameter's place.
                if (positional[i].ParameterName is { } parameter && parameter != constructor[i].Name)
                {
                    return Doubt(Foreign(metadataName, attribute));
                }

                values[i] = Value(positional[i].Value, constructor[i].Type);
            }

            var named = ImmutableArray.CreateBuilder<NamedArgument>();
            foreach (var argument in attribute.Arguments.Where(a => a.PropertyName is not null))
            {
                var type = api.Settable(argument.PropertyName!);
                if (type is null || named.Any(n => n.Name == argument.PropertyName))
                {
                    return Doubt(Foreign(metadataName, attribute));
                }

                named.Add(new NamedArgument(argument.PropertyName!, Value(argument.Value, type)));
            }

            return new AttributeView(metadataName, attribute.Location, ImmutableArray.Create(values), named.ToImmutable(), typeArguments);
        }

        private static AttributeView Foreign(string metadataName, AttributeRead attribute) =>
            new(metadataName, attribute.Location, ImmutableArray<object?>.Empty, ImmutableArray<NamedArgument>.Empty, ImmutableArray<RefSpec>.Empty);

        /// <summary>[SuppressMessage("category", "TDSL117:Title", Justification = "...")]: its two strings (the rest is not read).</summary>
        private AttributeView SuppressMessage(AttributeRead attribute)
        {
            var positional = attribute.Arguments.Where(a => a.PropertyName is null).ToList();
            if (positional.Count != 2 || positional.Any(a => a.ParameterName is not null) || attribute.TypeArguments.Count != 0)
            {
                return Doubt(Foreign(Notes.SuppressMessage, attribute));
            }

            var text = new ApiType(ApiTypeKind.String);
            var values = positional.Select(a => Value(a.Value, text)).ToImmutableArray();
            foreach (var argument in attribute.Arguments.Where(a => a.PropertyName is not null))
            {
                if (argument.PropertyName is not ("Justification" or "MessageId" or "Scope" or "Target"))
                {
                    Unsure = true;
                }

                Value(argument.Value, text);
            }

            return new AttributeView(Notes.SuppressMessage, attribute.Location, values, ImmutableArray<NamedArgument>.Empty, ImmutableArray<RefSpec>.Empty);
        }

        /// <summary>
        /// The metadata name of the attribute class a name denotes: ours, SuppressMessage, or null for any other (or none).
        /// C# looks up the name as written and with "Attribute" added; when both are attribute classes it is an error.
        /// </summary>
        public string? AttributeClass(AttributeRead attribute)
        {
            if (!attribute.Readable)
            {
                return Doubt<string?>(null);
            }

            var arity = attribute.TypeArguments.Count;
            var name = attribute.Name;
            var last = name.Last;
            var found = new List<string>();
            foreach (var candidate in new[] { last, last + "Attribute" })
            {
                var meaning = name.Parts.Count == 1 && !name.Global
                    ? Type(candidate, arity)
                    : Qualified(name, candidate, arity);
                switch (meaning.Kind)
                {
                    case Found.Ours when meaning.Name == Notes.SuppressMessage:
                        found.Add(Notes.SuppressMessage);
                        break;
                    case Found.Ours when RuntimeApi.Attribute(candidate, arity) is { } api:
                        found.Add(api.MetadataName);
                        break;
                    case Found.Ours or Found.None or Found.Namespace:
                        break;
                    case Found.UserType or Found.Stack when !meaning.MayBeAttribute:
                        // The nearest type of that name is not an attribute class: this form of the name gives none.
                        break;
                    default:
                        // A user's type or a stack class as an attribute, or a doubt: the compiler decides.
                        return Doubt<string?>(null);
                }
            }

            return found.Count switch
            {
                0 => null,
                1 => found[0],
                _ => Doubt<string?>(null),
            };
        }

        /// <summary>A qualified attribute name: <c>TopologyDsl.Vpc</c>, <c>global::TopologyDsl.VpcAttribute</c>, <c>System.Diagnostics.CodeAnalysis.SuppressMessage</c>.</summary>
        private Meaning Qualified(NameRead name, string last, int arity)
        {
            var ns = NamespaceOf(name.Parts.Take(name.Parts.Count - 1).ToList(), name.Global);
            if (ns is null)
            {
                return Meaning.Unsure;
            }

            return InNamespace(ns, last, arity);
        }

        /// <summary>A type of a namespace: ours in TopologyDsl, SuppressMessageAttribute, a user's type, or none.</summary>
        private Meaning InNamespace(string ns, string name, int arity)
        {
            // A type of the project wins over one of a referenced assembly of the same name (CS0436).
            if (_program._fileLocalTypes.Contains(TypeKey(ns, name, arity)))
            {
                return Meaning.Unsure;
            }

            if (_program._userTypes.TryGetValue(TypeKey(ns, name, arity), out var mayBeAttribute))
            {
                return arity == 0 && _program._groups.TryGetValue(Combine(ns, name), out var group) && group.IsStack
                    ? new Meaning(Found.Stack, Combine(ns, name), MayBeAttribute: false)
                    : new Meaning(Found.UserType, MayBeAttribute: mayBeAttribute);
            }

            if (ns == RuntimeApi.Namespace && RuntimeApi.DeclaresType(name, arity))
            {
                return new Meaning(Found.Ours);
            }

            if (ns == SuppressMessageNamespace && name == "SuppressMessageAttribute" && arity == 0)
            {
                return new Meaning(Found.Ours, Notes.SuppressMessage);
            }

            return Meaning.None;
        }

        /// <summary>
        /// The namespace a dotted prefix names, or null when unsure: its first part must not be a type or alias in scope, nor a
        /// namespace nested in one the stack is declared in.
        /// </summary>
        private string? NamespaceOf(IReadOnlyList<string> parts, bool global)
        {
            if (parts.Count == 0)
            {
                return null;
            }

            var joined = string.Join(".", parts.Select(SourceFileReader.Display));
            if (global)
            {
                return joined;
            }

            var first = Type(parts[0], 0);
            return first.Kind switch
            {
                Found.Namespace when first.Name == SourceFileReader.Display(parts[0]) => joined,
                Found.None => joined,
                _ => null,
            };
        }

        /// <summary>
        /// A simple name as a type (or, for the first part of a qualified name, a namespace): the stack's nested types, then
        /// each namespace and its usings, inner first.
        /// </summary>
        private Meaning Type(string name, int arity)
        {
            if (_group.DeclaresType(name, arity))
            {
                return new Meaning(Found.UserType, MayBeAttribute: _group.DeclaresAttributeLike(name, arity));
            }

            var unknownPassed = false;
            foreach (var level in Levels())
            {
                var declared = InNamespace(level.Namespace, name, arity);
                if (declared.Kind != Found.None)
                {
                    return unknownPassed ? Meaning.Unsure : declared;
                }

                var nested = Combine(level.Namespace, SourceFileReader.Display(name));
                if (arity == 0 && _program._namespaces.Contains(nested))
                {
                    return new Meaning(Found.Namespace, nested);
                }

                var fromUsings = Usings(level, name, arity);
                if (fromUsings.Kind != Found.None)
                {
                    return unknownPassed ? Meaning.Unsure : fromUsings;
                }

                unknownPassed |= ImportsUnknown(level);
            }

            return Meaning.None;
        }

        /// <summary>What the usings of one level make a name denote: one match, none, or a doubt (an alias, two matches, a directive not followed).</summary>
        private Meaning Usings(ScopeLevel level, string name, int arity)
        {
            Meaning? found = null;
            foreach (var directive in UsingsOf(level))
            {
                switch (directive.Kind)
                {
                    case UsingKind.Alias when directive.Name == name:
                    case UsingKind.Unreadable:
                        return Meaning.Unsure;
                    case UsingKind.Namespace:
                        var meaning = InNamespace(directive.Name, name, arity);
                        if (meaning.Kind != Found.None)
                        {
                            // Two directives that reach the same type (a global using and the file's) are no ambiguity.
                            if (found is not null && found != meaning)
                            {
                                return Meaning.Unsure;
                            }

                            found = meaning;
                        }

                        break;
                    case UsingKind.Static when RuntimeTypeOf(directive.Name) is null:
                        // A using static brings a type's nested types into scope; we know only ours.
                        return Meaning.Unsure;
                }
            }

            return found ?? Meaning.None;
        }

        private IEnumerable<UsingRead> UsingsOf(ScopeLevel level) => level.IsFile ? level.Usings.Concat(_program._globalUsings) : _program.Resolved(level);

        /// <summary>The simple name of a type of the runtime's namespace that <paramref name="name"/> denotes in full (<c>TopologyDsl.Protocol</c>), or null.</summary>
        private string? RuntimeTypeOf(string name)
        {
            var prefix = RuntimeApi.Namespace + ".";
            if (!name.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return null;
            }

            var simple = name.Substring(prefix.Length);
            return simple.IndexOf('.') < 0 && RuntimeApi.DeclaresType(simple, 0) && !_program._userTypes.ContainsKey(TypeKey(RuntimeApi.Namespace, simple, 0))
                ? simple
                : null;
        }

        /// <summary>
        /// Whether a level imports a namespace the project does not declare (a referenced assembly's): at an inner level, it could
        /// hold a type of the name that hides one found further out.
        /// </summary>
        private bool ImportsUnknown(ScopeLevel level) =>
            !level.IsFile && _program.Resolved(level).Any(u => u.Kind == UsingKind.Namespace && u.Name != RuntimeApi.Namespace && !_program._namespaces.Contains(u.Name));

        private IEnumerable<ScopeLevel> Levels() => _declaration.Scope;

        /// <summary>A type argument as a reference to a record: of this stack (<c>Net</c>, <c>ShopStack.Net</c>) or of another stack (<c>Network.Vpc</c>).</summary>
        private RefSpec Reference(NameRead name)
        {
            var unsure = new RefSpec(name.ToString(), InStack: false, IsError: true);
            if (name.Parts.Count == 1 && !name.Global)
            {
                return _group.DeclaresSoleType(name.Last, 0) ? new RefSpec(name.Last, InStack: true, IsError: false) : Doubt(unsure);
            }

            var container = name.Parts.Take(name.Parts.Count - 1).ToList();
            string? key;
            if (container.Count == 1 && !name.Global)
            {
                var meaning = Type(container[0], 0);
                key = meaning.Kind == Found.Stack ? meaning.Name : null;
            }
            else
            {
                var ns = NamespaceOf(container.Take(container.Count - 1).ToList(), name.Global);
                key = ns is null ? null : InNamespace(ns, container[container.Count - 1], 0) is { Kind: Found.Stack } stack ? stack.Name : null;
            }

            if (key is null || !_program._groups.TryGetValue(key, out var group) || !group.Complete || !group.DeclaresSoleType(name.Last, 0))
            {
                return Doubt(unsure);
            }

            return key == _group.Key ? new RefSpec(name.Last, InStack: true, IsError: false) : new RefSpec(name.Last, InStack: false, IsError: false, key);
        }

        /// <summary>An argument's value converted to the parameter's type, in the shapes <see cref="AttributeData"/> gives.</summary>
        private object? Value(ValueRead value, ApiType target)
        {
            switch (value.Kind)
            {
                case ValueKind.Array:
                    if (target.Kind != ApiTypeKind.StringArray
                        || (value.ArrayForm is not ("collection" or "implicit" or "string"))
                        || (value.ArrayForm == "implicit" && value.Items.Any(i => i.Kind != ValueKind.Literal || i.Literal is not string)))
                    {
                        return Doubt<object?>(null);
                    }

                    var text = new ApiType(ApiTypeKind.String);
                    return value.Items.Select(i => Value(i, text)).ToImmutableArray();
                case ValueKind.Literal:
                    return value.Literal is null && target.Kind == ApiTypeKind.StringArray ? null : Convert(value.Literal, null, target);
                case ValueKind.NameOf:
                    // nameof(Ami), as records name the stack's parameters: the stack must declare the name, and no method called nameof hides the operator.
                    return target.Kind == ApiTypeKind.String && !_group.DeclaresMember("nameof") && _group.DeclaresMember(value.Name!.Last)
                        ? value.Name.Last
                        : Doubt<object?>(null);
                case ValueKind.Name:
                    return Constant(value.Name!) is { } constant ? Convert(constant.Value, constant.Enum, target) : Doubt<object?>(null);
                default:
                    return Doubt<object?>(null);
            }
        }

        /// <summary>A constant's value as the parameter takes it; an enum member only to a parameter of its enum.</summary>
        private object? Convert(object? value, string? enumName, ApiType target)
        {
            if (target.Kind == ApiTypeKind.Enum)
            {
                return enumName is not null && enumName == target.EnumMetadataName ? value : Doubt<object?>(null);
            }

            if (enumName is not null)
            {
                return Doubt<object?>(null);
            }

            return (target.Kind, value) switch
            {
                (ApiTypeKind.String, string or null) => value,
                (ApiTypeKind.Int32, int) => value,
                (ApiTypeKind.Int64, long) => value,
                (ApiTypeKind.Int64, int number) => (long)number,
                (ApiTypeKind.Boolean, bool) => value,
                _ => Doubt<object?>(null),
            };
        }

        /// <summary>A constant and, for an enum member, its enum's metadata name.</summary>
        private sealed record ConstantValue(object? Value, string? Enum);

        /// <summary>A name as a constant: the stack's own (<c>Cidr</c>, <c>ShopStack.Cidr</c>), an enum member (<c>Protocol.Tcp</c>, or <c>Tcp</c> under <c>using static</c>), or a constant of one of our static classes.</summary>
        private ConstantValue? Constant(NameRead name)
        {
            if (name.Parts.Count == 1 && !name.Global)
            {
                if (_group.DeclaresMember(name.Last))
                {
                    return StackConstant(name.Last);
                }

                ConstantValue? found = null;
                var unknownPassed = false;
                foreach (var level in Levels())
                {
                    foreach (var directive in UsingsOf(level))
                    {
                        if (directive.Kind != UsingKind.Static)
                        {
                            continue;
                        }

                        if (RuntimeTypeOf(directive.Name) is not { } type)
                        {
                            return null;
                        }

                        if (Member(type, name.Last) is { } member)
                        {
                            // The same member through two directives (a global using static and the file's) is no ambiguity.
                            if (found is not null && found != member)
                            {
                                return null;
                            }

                            found = member;
                        }
                    }

                    if (found is not null)
                    {
                        return unknownPassed ? null : found;
                    }

                    unknownPassed |= ImportsUnknown(level);
                }

                return null;
            }

            var container = name.Parts.Take(name.Parts.Count - 1).ToList();
            Meaning meaning;
            if (container.Count == 1 && !name.Global)
            {
                meaning = Type(container[0], 0);
            }
            else
            {
                var ns = NamespaceOf(container.Take(container.Count - 1).ToList(), name.Global);
                meaning = ns is null ? Meaning.Unsure : InNamespace(ns, container[container.Count - 1], 0);
            }

            return meaning.Kind switch
            {
                Found.Ours => Member(container[container.Count - 1], name.Last),
                Found.Stack when meaning.Name == _group.Key => StackConstant(name.Last),
                _ => null,
            };
        }

        /// <summary>A member of one of our enums or static classes.</summary>
        private static ConstantValue? Member(string type, string member)
        {
            if (RuntimeApi.IsEnum(type, out var enumName))
            {
                return RuntimeApi.TryEnumMember(type, member, out var number) ? new ConstantValue(number, enumName) : null;
            }

            return RuntimeApi.TryConstant(type, member, out var value, out _) ? new ConstantValue(value, null) : null;
        }

        /// <summary>A constant of the stack class with a literal value (of a predefined type).</summary>
        private ConstantValue? StackConstant(string name)
        {
            var members = _group.MembersNamed(name);
            var found = members.Count == 1 ? members[0] : null;
            if (found?.Constant is not { Value: { Kind: ValueKind.Literal } literal } constant || _group.DeclaresType(name, 0))
            {
                return null;
            }

            return (constant.Type, literal.Literal) switch
            {
                ("string", string or null) or ("int", int) or ("long", long) or ("bool", bool) => new ConstantValue(literal.Literal, null),
                ("long", int number) => new ConstantValue((long)number, null),
                _ => null,
            };
        }
    }
}

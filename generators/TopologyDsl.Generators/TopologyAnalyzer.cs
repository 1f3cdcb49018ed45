using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Parsing;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators;

/// <summary>
/// Reports every finding of the validator at the argument that caused it. A symbol action on the
/// [Stack] class sees the whole topology of the stack and of the stacks it imports from (parsed
/// through the type arguments' symbols, once per compilation), so even rules that span stacks show
/// live in the IDE. Only what needs every stack of the compilation waits for the compilation-end
/// action: duplicate stack and export names, conflicts between stacks that do not import from
/// each other (two application stacks with overlapping subnets in the network stack's VPC), and
/// the quotas per region counted over the stacks of the program in each region (TDSL311, TDSL312).
/// The analyzer starts per compilation: where TopologyDsl is not referenced it registers nothing,
/// and elsewhere it compares attribute classes with symbols resolved once, so types that carry
/// none of our attributes cost one look at their attribute list.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TopologyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticCatalog.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (AnalysisState.Create(start.Compilation, start.Options) is not { } state)
            {
                return;
            }

            start.RegisterSymbolAction(state.AnalyzeType, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(state.AnalyzeProgram);
            start.RegisterOperationAction(state.AnalyzeSynthCall, OperationKind.Invocation);
        });
    }

    /// <summary>
    /// What one compilation's analysis shares: the attribute types, resolved once, the project
    /// files and the build options, and the stacks parsed so far (each parsed once, however many
    /// stacks import from it).
    /// </summary>
    private sealed class AnalysisState
    {
        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options;
        private readonly ValidationOptions _validation;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ParseResult> _parsed = new(SymbolEqualityComparer.Default);

        /// <summary>Our attribute types, resolved at the first action that needs them (<see cref="Create"/> says why not sooner).</summary>
        private RuntimeTypes? _types;

        /// <summary>
        /// The stacks of this compilation's symbol actions, each with its parse. Values between our code and the
        /// framework's collections are classes (as <see cref="Validated"/>): the framework's code over reference types
        /// is precompiled and shared, while over each struct a fresh compiler process JIT-compiles it again.
        /// </summary>
        private readonly ConcurrentDictionary<INamedTypeSymbol, ParseResult> _stacks = new(SymbolEqualityComparer.Default);

        /// <summary>Each stack's findings from its symbol action, with the stacks it was validated with: the compilation-end check of unrelated stacks starts from them instead of validating again.</summary>
        private readonly ConcurrentDictionary<StackSpec, Validated> _validated = new(ReferenceComparer.Instance);

        private AnalysisState(Compilation compilation, AnalyzerOptions options, RuntimeTypes? types)
        {
            _compilation = compilation;
            _types = types;
            _options = options;
            _validation = BuildOptions.Validation(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        }

        /// <summary>The runtime library's types the analyzer compares with: [Stack], the resource attributes and SynthCommand.</summary>
        private sealed class RuntimeTypes
        {
            public RuntimeTypes(INamedTypeSymbol? stack, Dictionary<INamedTypeSymbol, string> resources, INamedTypeSymbol? synthCommand)
            {
                Stack = stack;
                Resources = resources;
                SynthCommand = synthCommand;
            }

            public INamedTypeSymbol? Stack { get; }

            public Dictionary<INamedTypeSymbol, string> Resources { get; }

            public INamedTypeSymbol? SynthCommand { get; }
        }

        /// <summary>
        /// The state for a compilation that references TopologyDsl, or null for one that does not. Where a reference's file or
        /// project is named TopologyDsl, nothing is resolved here: the compiler's first semantic question (binding every
        /// reference, declaring every type) is charged by its clock to whoever asks first, and the generator no longer
        /// asks. The symbol actions come once the compiler has declared the types, so resolving ours then costs a lookup.
        /// A compilation with no such reference is checked exactly, which binds its references: it may still reference the
        /// runtime under another file name.
        /// </summary>
        public static AnalysisState? Create(Compilation compilation, AnalyzerOptions options)
        {
            foreach (var reference in compilation.References)
            {
                if (reference switch
                    {
                        PortableExecutableReference { FilePath: { } path } => System.IO.Path.GetFileNameWithoutExtension(path) == KnownNames.RuntimeAssembly,
                        CompilationReference { Compilation.AssemblyName: var name } => name == KnownNames.RuntimeAssembly,
                        _ => false,
                    })
                {
                    return new AnalysisState(compilation, options, types: null);
                }
            }

            var types = Resolve(compilation);
            return types.Stack is null ? null : new AnalysisState(compilation, options, types);
        }

        private RuntimeTypes Types => _types ??= Resolve(_compilation);

        private static RuntimeTypes Resolve(Compilation compilation)
        {
            // The types are looked up in the runtime library only: Compilation.GetTypeByMetadataName
            // would search every referenced assembly, type forwarders included, to find them.
            IAssemblySymbol? runtime = null;
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Name == KnownNames.RuntimeAssembly)
                {
                    runtime = assembly;
                    break;
                }
            }

            var resources = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
            if (runtime?.GetTypeByMetadataName(KnownNames.Stack) is not { } stack)
            {
                return new RuntimeTypes(null, resources, null);
            }

            foreach (var metadataName in TopologyParser.ResourceAttributeNames)
            {
                if (runtime.GetTypeByMetadataName(metadataName) is { } type)
                {
                    resources[type] = TopologyParser.ResourceAttributeDisplay(metadataName);
                }
            }

            return new RuntimeTypes(stack, resources, runtime.GetTypeByMetadataName(KnownNames.SynthCommand));
        }

        /// <summary>The runtime's <c>TopologyDsl.Cli.SynthCommand</c>, whose calls TDSL020 checks.</summary>
        public INamedTypeSymbol? SynthCommand => Types.SynthCommand;

        /// <summary>
        /// TDSL020: a call of <c>SynthCommand.Run</c> that passes stacks as <c>X.BuildTemplate()</c> arguments must pass every
        /// stack of the program those import from, directly or through one another (read from the records' type arguments,
        /// which name the imported records). A call that passes templates any other way is not checked.
        /// </summary>
        public void AnalyzeSynthCall(OperationAnalysisContext context)
        {
            var call = (IInvocationOperation)context.Operation;
            if (call.TargetMethod.Name != "Run" || SynthCommand is null || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, SynthCommand)
                || call.Arguments.FirstOrDefault(a => a.Parameter is { IsParams: true }) is not { } templates)
            {
                return;
            }

            var values = templates.Value switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                ICollectionExpressionOperation collection => collection.Elements,
                _ => default,
            };
            if (values.IsDefault)
            {
                return;
            }

            var passed = new List<INamedTypeSymbol>();
            foreach (var value in values)
            {
                if (value is not IInvocationOperation { Instance: null, Arguments.Length: 0 } build || build.TargetMethod.Name != "BuildTemplate"
                    || !build.TargetMethod.ContainingType.GetAttributes().Any(IsStack))
                {
                    return;
                }

                passed.Add(build.TargetMethod.ContainingType);
            }

            var given = new HashSet<INamedTypeSymbol>(passed, SymbolEqualityComparer.Default);
            var reported = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var queue = new Queue<INamedTypeSymbol>(passed);
            var seen = new HashSet<INamedTypeSymbol>(passed, SymbolEqualityComparer.Default);
            while (queue.Count > 0)
            {
                var importer = queue.Dequeue();
                foreach (var imported in ImportsOf(importer))
                {
                    if (!seen.Add(imported))
                    {
                        continue;
                    }

                    queue.Enqueue(imported);
                    if (!given.Contains(imported) && imported.DeclaringSyntaxReferences.Length > 0 && reported.Add(imported))
                    {
                        // At the call's arguments: a params argument has no syntax of its own.
                        var place = call.Syntax is InvocationExpressionSyntax { ArgumentList: { } list } ? list : call.Syntax;
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StackNotSynthesized, place.GetLocation(),
                            StackNameOf(importer), StackNameOf(imported), imported.Name));
                    }
                }
            }
        }

        /// <summary>The stack classes whose records the stack's records name as type arguments of their attributes, in source order.</summary>
        private List<INamedTypeSymbol> ImportsOf(INamedTypeSymbol stack)
        {
            var imports = new List<INamedTypeSymbol>();
            foreach (var record in stack.GetTypeMembers())
            {
                foreach (var attribute in record.GetAttributes())
                {
                    foreach (var argument in attribute.AttributeClass?.TypeArguments ?? ImmutableArray<ITypeSymbol>.Empty)
                    {
                        if (argument.ContainingType is { } owner && !SymbolEqualityComparer.Default.Equals(owner, stack)
                            && !imports.Contains(owner, SymbolEqualityComparer.Default) && owner.GetAttributes().Any(IsStack))
                        {
                            imports.Add(owner);
                        }
                    }
                }
            }

            return imports;
        }

        /// <summary>The name a stack deploys under (its [Stack] argument), or its class's name when that is not a constant.</summary>
        private string StackNameOf(INamedTypeSymbol stack) =>
            stack.GetAttributes().FirstOrDefault(IsStack) is { ConstructorArguments: [{ Value: string name }, ..] } ? name : stack.Name;

        public void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            // A record nested in a stack is the stack's to check. Its attributes are not bound here: the
            // stack's own analysis binds them when it needs them, and a stack over the quota never does.
            // A class nested in a stack may be a misplaced [Stack] (TDSL004), still checked below.
            if (type.IsRecord && type.ContainingType is { } container && container.GetAttributes().Any(IsStack))
            {
                return;
            }

            var attributes = type.GetAttributes();
            if (attributes.IsEmpty)
            {
                return;
            }

            foreach (var attribute in attributes)
            {
                if (IsStack(attribute))
                {
                    AnalyzeStack(context, type);
                    return;
                }
            }

            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass?.OriginalDefinition is not { } definition || !Types.Resources.TryGetValue(definition, out var display))
                {
                    continue;
                }

                // Anything else nested in a stack is the stack's to check too.
                if (type.ContainingType?.GetAttributes().Any(IsStack) == true)
                {
                    return;
                }

                var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ResourceOutsideStack, location, type.Name, display));
                return;
            }
        }

        private bool IsStack(AttributeData attribute) => Types.Stack is { } stack && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, stack);

        private string? ReadFile(string path, CancellationToken cancellationToken) =>
            StackIndex.FindFile(_options.AdditionalFiles, f => f.Path, path)?.GetText(cancellationToken)?.ToString();

        /// <summary>The stack's parse, from the cache when another stack's analysis parsed it already.</summary>
        private ParseResult? Parse(INamedTypeSymbol stack, CancellationToken cancellationToken)
        {
            if (_parsed.TryGetValue(stack, out var result))
            {
                return result;
            }

            var attribute = stack.GetAttributes().FirstOrDefault(IsStack);
            return attribute is null ? null : _parsed.GetOrAdd(stack, TopologyParser.Parse(stack, attribute, withSourceMap: true, cancellationToken));
        }

        /// <summary>The stacks <paramref name="stack"/> imports from, directly or through them, in key order.</summary>
        private EquatableArray<StackSpec> Imported(INamedTypeSymbol stack, ParseResult result, CancellationToken cancellationToken)
        {
            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default) { stack };
            var queue = new Queue<ParseResult>();
            queue.Enqueue(result);
            var imported = new List<StackSpec>();
            while (queue.Count > 0)
            {
                foreach (var other in queue.Dequeue().SourceMap!.Stacks)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (seen.Add(other) && Parse(other, cancellationToken) is { } parsed)
                    {
                        imported.Add(parsed.Spec);
                        queue.Enqueue(parsed);
                    }
                }
            }

            return imported.OrderBy(s => s.Key, System.StringComparer.Ordinal).ToEquatableArray();
        }

        /// <summary>
        /// How many attributes the stack's nested types carry, counted in its syntax: the cheap sign of a
        /// stack near the resource quota (most resources come from one attribute each), which decides
        /// whether <see cref="ReportOverQuota"/> is worth a read. A stack with fewer that still breaks the
        /// quota is stopped by the validator, as before.
        /// </summary>
        private static int AttributesOfRecords(INamedTypeSymbol stack, CancellationToken cancellationToken)
        {
            var count = 0;
            foreach (var reference in stack.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration)
                {
                    foreach (var member in declaration.Members)
                    {
                        if (member is BaseTypeDeclarationSyntax nested)
                        {
                            foreach (var list in nested.AttributeLists)
                            {
                                count += list.Attributes.Count;
                            }
                        }
                    }
                }
            }

            return count;
        }

        /// <summary>
        /// Past CloudFormation's quota nothing of a stack can deploy: counts its resources on a spec
        /// read from the records' syntax, as the generator reads it (no attribute is bound), and, when
        /// there are too many, reports TDSL302 once on the stack's name, skipping the binding, the
        /// per-argument source map and the rules. Tried only for stacks whose records carry more attributes
        /// than the quota has resources (<see cref="AttributesOfRecords"/>), so a usual stack is not read
        /// twice. Returns whether it reported.
        /// </summary>
        private static bool ReportOverQuota(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData stackAttribute)
        {
            var spec = TopologyParser.Parse(type, stackAttribute, withSourceMap: false, new SyntaxAttributes(type, context.Compilation), context.CancellationToken).Spec;
            var resources = StackPlan.ResourceCount(spec);
            if (resources <= NamingRules.MaxResources || spec.ParseFindings.Count > 0)
            {
                return false;
            }

            var names = new SourceMap(type.Locations.FirstOrDefault() ?? Location.None);
            new AttributeReader(stackAttribute, ModelPath.Stack, names, context.CancellationToken).ConstructorString(0, "name");
            var finding = NamingRules.TooManyResources(spec, resources);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.Get(finding.Id), names.Resolve(finding.Path), finding.Arguments.Cast<object>().ToArray()));
            return true;
        }

        /// <summary>
        /// TDSL021: the generator reads stacks from syntax (<see cref="ProgramSyntax"/>); where it read this one so (and did
        /// not leave it to the compiler), its reading must be this one, through the compiler. The analyzer does the syntax
        /// reading again, once per compilation, rather than trust a digest in the generated file: in an IDE that runs
        /// generators only on save, that file lags behind the code.
        /// </summary>
        private void CheckGeneratedReading(SymbolAnalysisContext context, ParseResult result)
        {
            var read = SyntaxReads(context.CancellationToken).FirstOrDefault(r => r.Input?.Spec.Key == result.Spec.Key)?.Input?.Spec;
            if (read is not null && !Readings.Agree(result.Spec, read))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StackReadDifferently, result.SourceMap!.Resolve(ModelPath.Stack.Child("class")),
                    result.Spec.ClassName, Readings.Difference(result.Spec, read)));
            }
        }

        /// <summary>The syntax reading, once per compilation (a class, not a nullable struct, which a fresh compiler would JIT-compile).</summary>
        private TopologyGenerator.StackReads? _syntaxReads;

        /// <summary>The generator's reading of every stack, from the files the user wrote (not what the generator wrote).</summary>
        private ImmutableArray<StackRead> SyntaxReads(CancellationToken cancellationToken)
        {
            if (_syntaxReads is not { } reads)
            {
                var files = _compilation.SyntaxTrees.Where(t => !TopologyGenerator.IsOwnOutput(t))
                    .Select(t => SourceFileReader.Read((CompilationUnitSyntax)t.GetRoot(cancellationToken), cancellationToken));
                reads = new TopologyGenerator.StackReads(ProgramSyntax.Read(files, _compilation.Options, cancellationToken));
                _syntaxReads = reads;
            }

            return reads.Reads;
        }

        private void AnalyzeStack(SymbolAnalysisContext context, INamedTypeSymbol type)
        {
            if (AttributesOfRecords(type, context.CancellationToken) > NamingRules.MaxResources
                && type.GetAttributes().FirstOrDefault(IsStack) is { } stackAttribute
                && ReportOverQuota(context, type, stackAttribute))
            {
                return;
            }

            var result = Parse(type, context.CancellationToken)!;
            _stacks.TryAdd(type, result);
            CheckGeneratedReading(context, result);
            var imported = Imported(type, result, context.CancellationToken);
            var findings = TopologyValidator.Validate(result.Spec, imported, path => ReadFile(path, context.CancellationToken), _validation);
            _validated[result.Spec] = new Validated(imported, findings);
            foreach (var finding in findings)
            {
                if (!DiagnosticCatalog.ReportedByGenerator.Contains(finding.Id))
                {
                    context.ReportDiagnostic(ToDiagnostic(finding, result.SourceMap!, ParsedMap));
                }
            }

            // Edits that replace an instance, against the committed template (the package's build
            // targets pass templates/*.yaml as additional files; TDSL333).
            if (Committed(_options.AdditionalFiles, result.Spec.StackName, context.CancellationToken) is { } committed)
            {
                foreach (var finding in ChangeRules.Check(result.Spec, committed))
                {
                    context.ReportDiagnostic(ToDiagnostic(finding, result.SourceMap!, ParsedMap));
                }
            }
        }

        /// <summary>
        /// What needs every stack of the compilation: names unique in an account and region, conflicts between unrelated
        /// stacks, the quotas per region, and what a stack's reachability rules find with the routes other stacks add to the route tables its paths take.
        /// </summary>
        public void AnalyzeProgram(CompilationAnalysisContext context)
        {
            var parsed = _stacks.Values.ToList();
            var maps = parsed.GroupBy(r => r.Spec.Key).ToDictionary(g => g.Key, g => g.First().SourceMap!, System.StringComparer.Ordinal);
            var specs = parsed.Select(r => r.Spec).ToList();
            System.Func<StackSpec, EquatableArray<StackSpec>, EquatableArray<Finding>?> validated =
                (stack, imported) => _validated.TryGetValue(stack, out var known) && known.Imported == imported ? known.Findings : null;
            var siblings = ProgramRules.CheckSiblings(specs, path => ReadFile(path, context.CancellationToken), _validation, validated);
            var routed = ProgramRules.CheckRouted(specs, path => ReadFile(path, context.CancellationToken), _validation, validated);
            // A stack that routes into a table on another's paths is often also its sibling (both import the table's
            // stack): the two checks can find one thing, reported once. Both views may also break a rule that the stack's
            // own view (reported live) breaks already at that place, with another reason (TDSL244: "no route toward the
            // internet" alone, "no public IP" with another stack's route to the internet gateway): one diagnostic per
            // rule and place, the live one first, as the generator keeps (TopologyValidator.Beyond).
            var places = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var spec in specs)
            {
                if (_validated.TryGetValue(spec, out var known))
                {
                    places.UnionWith(known.Findings.Select(f => spec.Key + " " + TopologyValidator.Place(f)));
                }
            }

            var viewed = siblings.Concat(routed).Where(f => places.Add(f.StackKey + " " + TopologyValidator.Place(f.Finding)));
            foreach (var finding in ProgramRules.Check(specs, path => ReadFile(path, context.CancellationToken)).Concat(viewed).Distinct())
            {
                if (!DiagnosticCatalog.ReportedByGenerator.Contains(finding.Finding.Id))
                {
                    context.ReportDiagnostic(ToDiagnostic(finding.Finding, maps[finding.StackKey], key => maps.TryGetValue(key, out var map) ? map : null));
                }
            }
        }

        /// <summary>
        /// The source map of a stack parsed in this compilation, by key: for a stack's own analysis, the stacks it imports
        /// from are parsed with it, which are the only other stacks its findings' second places can be in. Asked only for
        /// a finding whose second place is another stack's, so the look-up walks the parsed stacks.
        /// </summary>
        private SourceMap? ParsedMap(string key)
        {
            foreach (var parsed in _parsed.Values)
            {
                if (parsed.Spec.Key == key)
                {
                    return parsed.SourceMap;
                }
            }

            return null;
        }

        /// <summary>
        /// The diagnostic of a finding of the stack whose source map is <paramref name="map"/>. A second place in another
        /// stack (<see cref="Finding.RelatedStack"/>) resolves in that stack's map (<paramref name="mapOf"/>), at the record's
        /// own argument; when that stack's source is not at hand (a stack of a referenced assembly) the diagnostic has no
        /// second place rather than one at an unrelated spot of the reporting stack.
        /// </summary>
        private static Diagnostic ToDiagnostic(Finding finding, SourceMap map, System.Func<string, SourceMap?> mapOf)
        {
            var descriptor = DiagnosticCatalog.Get(finding.Id);
            var place = finding.Related is not { } r ? null
                : finding.RelatedStack is not { } stack ? map.Resolve(r)
                : mapOf(stack)?.Resolve(r) is { IsInSource: true } elsewhere ? elsewhere
                : null;
            var related = place is null ? null : new[] { place };
            var properties = finding.Suggestion is { } suggestion
                ? ImmutableDictionary<string, string?>.Empty.Add(Finding.SuggestionProperty, suggestion)
                : null;
            return Diagnostic.Create(descriptor, map.Resolve(finding.Path), related, properties, finding.Arguments.Cast<object>().ToArray());
        }

        /// <summary>A stack's findings from its symbol action and the stacks it was validated with.</summary>
        private sealed record Validated(EquatableArray<StackSpec> Imported, EquatableArray<Finding> Findings);
    }

    /// <summary>Facts read once per version of a template file: the IDE keeps the same AdditionalText while the file is unchanged.</summary>
    private static readonly ConditionalWeakTable<AdditionalText, CommittedTemplate> Templates = new();

    private static CommittedTemplate? Committed(ImmutableArray<AdditionalText> files, string stackName, CancellationToken cancellationToken)
    {
        var file = files.FirstOrDefault(f => CommittedTemplate.IsTemplateOf(f.Path, stackName));
        if (file is null)
        {
            return null;
        }

        if (Templates.TryGetValue(file, out var known))
        {
            return known;
        }

        var text = file.GetText(cancellationToken)?.ToString();
        return text is null ? null : Templates.GetValue(file, _ => CommittedTemplate.Read(text));
    }
}

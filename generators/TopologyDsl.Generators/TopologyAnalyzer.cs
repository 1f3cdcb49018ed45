using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Parsing;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators;

/// <summary>
/// Reports every finding of the validator at the argument that caused it. A symbol action on the
/// [Stack] class sees the whole topology, so even rules that span resources show live in the IDE.
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
        });
    }

    /// <summary>
    /// What one compilation's analysis shares: the attribute types, resolved once, the project
    /// files and the build options. A cache of parsed stacks, for rules that follow references into other stacks, belongs here.
    /// </summary>
    private sealed class AnalysisState
    {
        private readonly INamedTypeSymbol _stack;
        private readonly Dictionary<INamedTypeSymbol, string> _resources;
        private readonly AnalyzerOptions _options;
        private readonly ValidationOptions _validation;

        private AnalysisState(INamedTypeSymbol stack, Dictionary<INamedTypeSymbol, string> resources, AnalyzerOptions options)
        {
            _stack = stack;
            _resources = resources;
            _options = options;
            _validation = BuildOptions.Validation(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        }

        /// <summary>The state for a compilation that references TopologyDsl, or null for one that does not.</summary>
        public static AnalysisState? Create(Compilation compilation, AnalyzerOptions options)
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

            if (runtime?.GetTypeByMetadataName(KnownNames.Stack) is not { } stack)
            {
                return null;
            }

            var resources = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
            foreach (var (metadataName, display) in TopologyParser.ResourceAttributeNames)
            {
                if (runtime.GetTypeByMetadataName(metadataName) is { } type)
                {
                    resources[type] = display;
                }
            }

            return new AnalysisState(stack, resources, options);
        }

        public void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var attributes = type.GetAttributes();
            if (attributes.IsEmpty)
            {
                return;
            }

            foreach (var attribute in attributes)
            {
                if (IsStack(attribute))
                {
                    AnalyzeStack(context, type, attribute);
                    return;
                }
            }

            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass?.OriginalDefinition is not { } definition || !_resources.TryGetValue(definition, out var display))
                {
                    continue;
                }

                // A resource nested in a stack is the stack's to check.
                if (type.ContainingType?.GetAttributes().Any(IsStack) == true)
                {
                    return;
                }

                var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ResourceOutsideStack, location, type.Name, display));
                return;
            }
        }

        private bool IsStack(AttributeData attribute) => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _stack);

        /// <summary>
        /// Past CloudFormation's quota nothing of a stack can deploy: counts its resources on a spec
        /// read without a source map and, when there are too many, reports TDSL302 once on the stack's
        /// name, skipping the per-argument source map and the rules. Tried only for stacks with many
        /// records (a smaller stack rarely breaks the quota, and the validator stops there too), so a
        /// usual stack is not read twice. Returns whether it reported.
        /// </summary>
        private static bool ReportOverQuota(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData stackAttribute)
        {
            var spec = TopologyParser.Parse(type, stackAttribute, withSourceMap: false, context.CancellationToken).Spec;
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

        private void AnalyzeStack(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData stackAttribute)
        {
            if (type.GetTypeMembers().Length > NamingRules.MaxResources / 2 && ReportOverQuota(context, type, stackAttribute))
            {
                return;
            }

            var result = TopologyParser.Parse(type, stackAttribute, withSourceMap: true, context.CancellationToken);
            var map = result.SourceMap!;
            var additional = _options.AdditionalFiles;
            var findings = TopologyValidator.Validate(result.Spec, path =>
                StackIndex.FindFile(additional, f => f.Path, path)?.GetText(context.CancellationToken)?.ToString(), _validation);

            foreach (var finding in findings)
            {
                if (DiagnosticCatalog.ReportedByGenerator.Contains(finding.Id))
                {
                    continue;
                }

                var descriptor = DiagnosticCatalog.Get(finding.Id);
                var related = finding.Related is { } r ? new[] { map.Resolve(r) } : null;
                var properties = finding.Suggestion is { } suggestion
                    ? ImmutableDictionary<string, string?>.Empty.Add(Finding.SuggestionProperty, suggestion)
                    : null;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, map.Resolve(finding.Path), related, properties, finding.Arguments.Cast<object>().ToArray()));
            }

            // Edits that replace an instance, against the committed template (the package's build
            // targets pass templates/*.yaml as additional files; TDSL333).
            if (Committed(additional, result.Spec.StackName, context.CancellationToken) is { } committed)
            {
                foreach (var finding in ChangeRules.Check(result.Spec, committed))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.Get(finding.Id), map.Resolve(finding.Path), finding.Arguments.Cast<object>().ToArray()));
                }
            }
        }
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

using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
/// [Stack] class sees the whole topology of the stack and of the stacks it imports from (parsed
/// through the type arguments' symbols), so even rules that span stacks show live in the IDE. Only
/// what needs every stack of the compilation waits for the compilation-end action: duplicate stack
/// and export names, and conflicts between stacks that do not import from each other (two
/// application stacks with overlapping subnets in the network stack's VPC).
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
            // Nothing to do in a compilation that does not reference the library.
            if (start.Compilation.GetTypeByMetadataName(KnownNames.Stack) is null)
            {
                return;
            }

            var program = new ProgramState();
            start.RegisterSymbolAction(context => AnalyzeType(context, program), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(context => AnalyzeProgram(context, program));
        });
    }

    /// <summary>The stacks parsed in one compilation: each is parsed once, however many stacks import from it.</summary>
    private sealed class ProgramState
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, ParseResult> _parsed = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<INamedTypeSymbol, byte> Stacks { get; } = new(SymbolEqualityComparer.Default);

        public ParseResult? Parse(INamedTypeSymbol stack, CancellationToken cancellationToken)
        {
            if (_parsed.TryGetValue(stack, out var result))
            {
                return result;
            }

            if (TopologyParser.StackAttributeOf(stack) is not { } attribute)
            {
                return null;
            }

            return _parsed.GetOrAdd(stack, TopologyParser.Parse(stack, attribute, withSourceMap: true, cancellationToken));
        }

        /// <summary>The stacks <paramref name="stack"/> imports from, directly or through them.</summary>
        public EquatableArray<StackSpec> Imported(INamedTypeSymbol stack, ParseResult result, CancellationToken cancellationToken)
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
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ProgramState program)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (TopologyParser.StackAttributeOf(type) is not null)
        {
            AnalyzeStack(context, type, program);
            return;
        }

        if (type.ContainingType is { } container && TopologyParser.StackAttributeOf(container) is not null)
        {
            return;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (TopologyParser.IsResourceAttribute(attribute, out var display))
            {
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ResourceOutsideStack, location, type.Name, display));
                return;
            }
        }
    }

    private static void AnalyzeStack(SymbolAnalysisContext context, INamedTypeSymbol type, ProgramState program)
    {
        program.Stacks.TryAdd(type, 0);
        var result = program.Parse(type, context.CancellationToken)!;
        var imported = program.Imported(type, result, context.CancellationToken);
        var additional = context.Options.AdditionalFiles;
        var findings = TopologyValidator.Validate(result.Spec, imported, path =>
            StackIndex.FindFile(additional, f => f.Path, path)?.GetText(context.CancellationToken)?.ToString(),
            BuildOptions.Validation(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions));

        foreach (var finding in findings)
        {
            context.ReportDiagnostic(ToDiagnostic(finding, result.SourceMap!));
        }
    }

    private static void AnalyzeProgram(CompilationAnalysisContext context, ProgramState program)
    {
        var parsed = program.Stacks.Keys
            .Select(s => program.Parse(s, context.CancellationToken))
            .Where(r => r is not null)
            .Select(r => r!)
            .ToList();
        var maps = parsed.GroupBy(r => r.Spec.Key).ToDictionary(g => g.Key, g => g.First().SourceMap!, System.StringComparer.Ordinal);
        var specs = parsed.Select(r => r.Spec).ToList();
        var additional = context.Options.AdditionalFiles;
        var siblings = ProgramRules.CheckSiblings(specs, path =>
            StackIndex.FindFile(additional, f => f.Path, path)?.GetText(context.CancellationToken)?.ToString(),
            BuildOptions.Validation(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions));
        foreach (var finding in ProgramRules.Check(specs).Concat(siblings))
        {
            context.ReportDiagnostic(ToDiagnostic(finding.Finding, maps[finding.StackKey]));
        }
    }

    private static Diagnostic ToDiagnostic(Finding finding, SourceMap map)
    {
        var descriptor = DiagnosticCatalog.Get(finding.Id);
        var related = finding.Related is { } r ? new[] { map.Resolve(r) } : null;
        var properties = finding.Suggestion is { } suggestion
            ? ImmutableDictionary<string, string?>.Empty.Add(Finding.SuggestionProperty, suggestion)
            : null;
        return Diagnostic.Create(descriptor, map.Resolve(finding.Path), related, properties, finding.Arguments.Cast<object>().ToArray());
    }
}

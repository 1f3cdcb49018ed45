using System.Collections.Immutable;
using System.Linq;
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
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TopologyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticCatalog.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var stackAttribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && TopologyParser.MetadataName(c) == KnownNames.Stack);
        if (stackAttribute is not null)
        {
            AnalyzeStack(context, type, stackAttribute);
            return;
        }

        var containerIsStack = type.ContainingType?.GetAttributes()
            .Any(a => a.AttributeClass is { } c && TopologyParser.MetadataName(c) == KnownNames.Stack) == true;
        if (containerIsStack)
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

    private static void AnalyzeStack(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData stackAttribute)
    {
        var result = TopologyParser.Parse(type, stackAttribute, withSourceMap: true, context.CancellationToken);
        var map = result.SourceMap!;
        var additional = context.Options.AdditionalFiles;
        var findings = TopologyValidator.Validate(result.Spec, path =>
            StackIndex.FindFile(additional, f => f.Path, path)?.GetText(context.CancellationToken)?.ToString(),
            BuildOptions.Validation(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions));

        foreach (var finding in findings)
        {
            var descriptor = DiagnosticCatalog.Get(finding.Id);
            var related = finding.Related is { } r ? new[] { map.Resolve(r) } : null;
            var properties = finding.Suggestion is { } suggestion
                ? ImmutableDictionary<string, string?>.Empty.Add(Finding.SuggestionProperty, suggestion)
                : null;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, map.Resolve(finding.Path), related, properties, finding.Arguments.Cast<object>().ToArray()));
        }
    }
}

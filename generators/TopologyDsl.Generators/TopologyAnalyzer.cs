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

        // Edits that replace an instance, against the committed template (the package's build targets
        // pass templates/*.yaml as additional files; TDSL333).
        if (Committed(additional, result.Spec.StackName, context.CancellationToken) is { } committed)
        {
            foreach (var finding in ChangeRules.Check(result.Spec, committed))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.Get(finding.Id), map.Resolve(finding.Path), finding.Arguments.Cast<object>().ToArray()));
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

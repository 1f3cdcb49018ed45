using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Emit;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Parsing;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators;

/// <summary>
/// Turns each [Stack] class into code that builds its CloudFormation template. Reports nothing:
/// <see cref="TopologyAnalyzer"/> reports the same findings at the exact argument, live in the IDE.
/// The generator validates only to skip emitting a template for a stack with errors.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TopologyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var stacks = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.Stack,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, cancellationToken) => new StackInput(
                    TopologyParser.Parse((INamedTypeSymbol)syntax.TargetSymbol, syntax.Attributes[0], withSourceMap: false, cancellationToken).Spec,
                    Notes.HiddenInfoIds(syntax.SemanticModel.Compilation.Options, syntax.TargetNode.SyntaxTree, cancellationToken)))
            .WithTrackingName(TrackingNames.ParseStack);

        var files = context.AdditionalTextsProvider
            .Select(static (text, cancellationToken) => new ProjectFile(text.Path.Replace('\\', '/'), text.GetText(cancellationToken)?.ToString() ?? ""))
            .Collect()
            .Select(static (all, _) => all.OrderBy(f => f.Path, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.ProjectFiles);

        // Quotas an account may have raised, from build properties (ValidationOptions): a small equatable record.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => BuildOptions.Validation(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        // Every stack of the program, then each with what it needs of the others: a stack's input
        // changes only when it, a stack it imports from, or what others import from it changes.
        var program = stacks.Collect()
            .Select(static (all, _) => all.OrderBy(s => s.Spec.Key, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Program);
        var linked = program
            .SelectMany(static (all, _) => Link(all))
            .WithTrackingName(TrackingNames.Link);

        var inputs = linked.Combine(files).Combine(options)
            .Select(static (pair, _) => Assemble(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Assemble);

        // A stack class that is not a partial top-level class cannot take generated members; the
        // analyzer reports it (TDSL003, TDSL004) and nothing is generated, so no compiler error piles on.
        var output = inputs
            .Where(static input => input.Stack.IsPartial && !input.Stack.ParseFindings.Any(f => f.Id == DiagnosticDescriptors.StackNotTopLevel.Id))
            .Select(static (input, _) => TopologyEmitter.Emit(input))
            .WithTrackingName(TrackingNames.Render);

        context.RegisterSourceOutput(output, static (production, file) =>
            production.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8)));
    }

    /// <summary>Each stack of the program with the stacks it imports from, the records it exports and the program-wide findings about it.</summary>
    internal static ImmutableArray<LinkedStack> Link(EquatableArray<StackInput> all)
    {
        var specs = all.Select(s => s.Spec).ToList();
        var byKey = specs.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First(), System.StringComparer.Ordinal);
        var exports = ProgramRules.Exports(specs).ToLookup(e => e.Owner.Key, e => e.Record);
        var programFindings = ProgramRules.Check(specs).ToLookup(f => f.StackKey, f => f.Finding);
        return all.Select(input => new LinkedStack(input.Spec, ProgramRules.Imported(input.Spec, byKey), exports[input.Spec.Key].ToEquatableArray(),
            programFindings[input.Spec.Key].ToEquatableArray(), input.HiddenInfoIds)).ToImmutableArray();
    }

    /// <summary>
    /// Validates the stack, with the stacks it imports from, and keeps only the project files it
    /// reads, so an edit to any other file changes nothing downstream. Info findings (which
    /// <c>dotnet build</c> does not print) travel on as notes that <c>synth</c> prints, except those
    /// the project set to <c>none</c> or <c>silent</c>.
    /// </summary>
    internal static RenderInput Assemble(LinkedStack linked, EquatableArray<ProjectFile> files, ValidationOptions? options = null)
    {
        var stack = linked.Stack;
        var hiddenInfoIds = linked.HiddenInfoIds;
        var findings = linked.ProgramFindings.Concat(TopologyValidator.Validate(stack, linked.Imported, files, options)).ToList();
        var notes = findings
            .Where(f => Notes.IsInfo(f.Id) && !hiddenInfoIds.Contains(f.Id))
            .Select(f => new NoteSpec(f.Id, Notes.Message(f)));
        var firstError = findings.FirstOrDefault(f => DiagnosticCatalog.IsError(f.Id))?.Id;
        var used = stack.Resources.OfType<InstanceSpec>()
            .Where(i => !string.IsNullOrEmpty(i.UserData))
            .Select(i => StackIndex.FindFile(files, f => f.Path, i.UserData!))
            .Where(f => f is not null)
            .Select(f => f!)
            .Distinct()
            .OrderBy(f => f.Path, System.StringComparer.Ordinal);
        return new RenderInput(stack, firstError, used.ToEquatableArray(), notes.ToEquatableArray(), linked.Imported, linked.Exports);
    }
}

using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
/// Turns each [Stack] class into code that builds its CloudFormation template. Reports only the
/// declaration problems of DiagnosticCatalog.ReportedByGenerator: <see cref="TopologyAnalyzer"/>
/// reports every other finding at the exact argument, live in the IDE.
/// The generator validates only to skip emitting a template for a stack with errors.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TopologyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Each file's syntax, read without asking the compiler anything (ProgramSyntax says why and how), then every
        // [Stack] class of the program from those readings: its input and the declaration diagnostics the generator reports.
        var sourceFiles = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is CompilationUnitSyntax,
                static (syntax, cancellationToken) => SourceFileReader.Read((CompilationUnitSyntax)syntax.Node, cancellationToken))
            .WithTrackingName(TrackingNames.ReadFile);
        var compilationOptions = context.CompilationProvider.Select(static (compilation, _) => compilation.Options);
        var readFromSyntax = sourceFiles.Collect()
            .Select(static (all, _) => new SourceFiles(all.ToEquatableArray()))
            .Combine(compilationOptions)
            .SelectMany(static (pair, cancellationToken) => ProgramSyntax.Read(pair.Left.Files, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.ReadStack);

        // A stack whose syntax leaves a doubt (an alias, a user's type named like ours, a computed argument) is read
        // through the compiler instead; only those pay for its first semantic question.
        var bound = readFromSyntax.Where(static r => r.BindAt is not null)
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => Bind(pair.Left.BindAt!, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.BindStack);
        var read = readFromSyntax.Where(static r => r.BindAt is null).Collect().Select(static (all, _) => new StackReads(all))
            .Combine(bound.Collect().Select(static (all, _) => new StackReads(all)))
            .SelectMany(static (pair, _) => pair.Left.Reads.AddRange(pair.Right.Reads));

        var stacks = read.Where(static r => r.Input is not null).Select(static (r, _) => r.Input!).WithTrackingName(TrackingNames.ParseStack);

        // Committed templates (templates/*.yaml, for the analyzer's TDSL333) are not read here: the
        // generator never needs them, and synth rewriting one must not re-run validation.
        var files = context.AdditionalTextsProvider
            .Where(static text => !CommittedTemplate.IsTemplatePath(text.Path))
            .Select(static (text, cancellationToken) => new ProjectFile(text.Path.Replace('\\', '/'), text.GetText(cancellationToken)?.ToString() ?? ""))
            .Collect()
            .Select(static (all, _) => new ProjectFiles(all.OrderBy(f => f.Path, System.StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.ProjectFiles);

        // Quotas an account may have raised, from build properties (ValidationOptions): a small equatable record.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => BuildOptions.Validation(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        // Every stack of the program, then each with what it needs of the others: a stack's input
        // changes only when it, a stack it imports from, what others import from it, or a stack that
        // routes into the route tables its paths take (or what that one imports) changes.
        var program = stacks.Collect()
            .Select(static (all, _) => new ProgramStacks(all.OrderBy(s => s.Spec.Key, System.StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Program);
        // The files too: a boot script's ${Group} uses a group (TDSL425). An edit to a file re-runs the
        // link, whose output stays equal unless such a use changed, so nothing downstream re-runs for it.
        var linked = program.Combine(files)
            .SelectMany(static (pair, _) => Link(pair.Left.Stacks, pair.Right.Files))
            .WithTrackingName(TrackingNames.Link);

        // Every value between the steps is a class: Roslyn's step tables over reference types share one
        // compiled form, while each struct (a tuple, an EquatableArray) is compiled again when a fresh
        // compiler starts, as every build does with the compiler server off.
        var shared = files.Combine(options).Select(static (pair, _) => new AssembleContext(pair.Left.Files, pair.Right));
        var inputs = linked.Combine(shared)
            .Select(static (pair, _) => Assemble(pair.Left, pair.Right.Files, pair.Right.Options))
            .WithTrackingName(TrackingNames.Assemble);

        // A stack class that is not a partial top-level class, or that has a member named like the
        // generated method, cannot take generated members; the declaration check below reports it
        // (TDSL003, TDSL004, TDSL012) and nothing is generated, so no error appears in generated code.
        var output = inputs
            .Where(static input => input.Stack.IsPartial && !input.Stack.ParseFindings.Any(f =>
                f.Id == DiagnosticDescriptors.StackNotTopLevel.Id || f.Id == DiagnosticDescriptors.StackMemberNameTaken.Id))
            .Select(static (input, _) => TopologyEmitter.Emit(input))
            .WithTrackingName(TrackingNames.Render);

        context.RegisterSourceOutput(output, static (production, file) =>
            production.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8)));

        // The one thing the generator reports: a stack or resource type it cannot extend
        // (DiagnosticCatalog.ReportedByGenerator). Every reference to such a type fails to compile,
        // and a command-line build stops at those errors before running the analyzer. A second
        // output that carries the diagnostics themselves, as System.Text.Json's generator does, so
        // the source output above keeps its equatable, position-free model.
        var declarations = read.Where(static r => !r.Diagnostics.IsEmpty).WithTrackingName(TrackingNames.CheckDeclarations);

        context.RegisterSourceOutput(declarations, static (production, r) =>
        {
            foreach (var diagnostic in r.Diagnostics)
            {
                production.ReportDiagnostic(diagnostic);
            }
        });
    }

    /// <summary>
    /// A stack read through the compiler: the class declared at <paramref name="at"/>, its records' attributes read from
    /// syntax where they are plain (<see cref="SyntaxAttributes"/>) and bound where not.
    /// </summary>
    internal static StackRead Bind(Location at, Compilation compilation, CancellationToken cancellationToken)
    {
        if (at.SourceTree is not { } tree || !compilation.ContainsSyntaxTree(tree)
            || tree.GetRoot(cancellationToken).FindNode(at.SourceSpan).AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault() is not { } declaration
            || compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol stack
            || TopologyParser.StackAttributeOf(stack) is not { } stackAttribute)
        {
            // Named like [Stack], but not TopologyDsl's.
            return new StackRead(null, ImmutableArray<Diagnostic>.Empty);
        }

        var attributes = new SyntaxAttributes(stack, compilation);
        var input = new StackInput(TopologyParser.Parse(stack, stackAttribute, withSourceMap: false, attributes, cancellationToken).Spec,
            Notes.SilencedIds(stack, compilation.Options, tree, cancellationToken, attributes));
        return new StackRead(input, TopologyParser.DeclarationDiagnostics(stack, attributes, cancellationToken));
    }

    /// <summary>Whether a tree is one this generator wrote (the compiler puts them under a folder named after the generator).</summary>
    internal static bool IsOwnOutput(SyntaxTree tree) => tree.FilePath.Contains(typeof(TopologyGenerator).FullName!);

    // Collected values are wrapped in classes before they are combined: a tuple holding an ImmutableArray would be a
    // struct instantiation of Roslyn's step tables that every fresh compiler process JIT-compiles again.

    /// <summary>Every source file's syntax reading, in the compilation's order.</summary>
    internal sealed record SourceFiles(EquatableArray<SourceFile> Files);

    /// <summary>Stacks read one way (from syntax, or through the compiler).</summary>
    internal sealed record StackReads(ImmutableArray<StackRead> Reads);

    /// <summary>Every stack of the program, in key order.</summary>
    internal sealed record ProgramStacks(EquatableArray<StackInput> Stacks);

    /// <summary>The project's files (boot scripts), in path order.</summary>
    internal sealed record ProjectFiles(EquatableArray<ProjectFile> Files);

    /// <summary>What every stack's assembly reads besides the stack: the project's files and the build's quota options.</summary>
    internal sealed record AssembleContext(EquatableArray<ProjectFile> Files, ValidationOptions? Options);

    /// <summary>
    /// Each stack of the program with the stacks it imports from, the records it exports, the stacks that
    /// route into the route tables its paths take or associate its subnets with theirs (<see cref="ProgramRules.Routing"/>) and the program-wide findings about it.
    /// </summary>
    internal static ImmutableArray<LinkedStack> Link(EquatableArray<StackInput> all, EquatableArray<ProjectFile> files)
    {
        var specs = all.Select(s => s.Spec).ToList();
        var byKey = specs.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First(), System.StringComparer.Ordinal);
        var exports = ProgramRules.Exports(specs).ToLookup(e => e.Owner.Key, e => e.Record);
        var routers = ProgramRules.RoutersByTable(specs, byKey);
        var associators = ProgramRules.AssociatorsBySubnet(specs, byKey);
        var programFindings = ProgramRules.Check(specs, path => StackIndex.FindFile(files, path)).ToLookup(f => f.StackKey, f => f.Finding);
        return all.Select(input =>
        {
            var imported = ProgramRules.Imported(input.Spec, byKey);
            return new LinkedStack(input.Spec, imported, exports[input.Spec.Key].ToEquatableArray(), programFindings[input.Spec.Key].ToEquatableArray(),
                input.SilencedIds, ProgramRules.Routing(input.Spec, imported, routers, associators, byKey));
        }).ToImmutableArray();
    }

    /// <summary>
    /// Validates the stack, with the stacks it imports from, and keeps only the project files it
    /// reads, so an edit to any other file changes nothing downstream. Info findings (which
    /// <c>dotnet build</c> does not print) travel on as notes that <c>synth</c> prints, except those
    /// the project silenced (<see cref="Notes.SilencedIds"/>).
    /// </summary>
    internal static RenderInput Assemble(LinkedStack linked, EquatableArray<ProjectFile> files, ValidationOptions? options = null)
    {
        var stack = linked.Stack;
        var silencedIds = linked.SilencedIds;
        var findings = linked.ProgramFindings.Concat(TopologyValidator.Validate(stack, linked.Imported, files, options, linked.Routing)).ToList();
        var notes = findings
            .Where(f => Notes.IsInfo(f.Id) && !silencedIds.Contains(f.Id))
            .Select(f => new NoteSpec(f.Id, Notes.Message(f)));
        // An error the project silenced (a quota AWS raised, say) does not stop the template: the build passed.
        var firstError = findings.FirstOrDefault(f => DiagnosticCatalog.IsError(f.Id) && !silencedIds.Contains(f.Id))?.Id;
        var used = stack.Resources.OfType<InstanceSpec>()
            .Where(i => !string.IsNullOrEmpty(i.UserData))
            .Select(i => StackIndex.FindFile(files, f => f.Path, i.UserData!))
            .Where(f => f is not null)
            .Select(f => f!)
            .Distinct()
            .OrderBy(f => f.Path, System.StringComparer.Ordinal);
        return new RenderInput(stack, firstError, used.ToEquatableArray(), notes.ToEquatableArray(), linked.Imported, linked.Exports, linked.Routing);
    }
}

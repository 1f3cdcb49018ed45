using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TopologyDsl.Probes;

/// <summary>
/// Finds the <c>[Stack]</c> classes of a compilation and asks the compiler about them one question,
/// chosen by the analyzer config key <c>topologydsl_probe</c> (a global config the script passes), each
/// deeper than the one before:
/// <list type="bullet">
/// <item><c>syntax</c>: none; the classes are found from syntax alone.</item>
/// <item><c>declarations</c>: whether the compilation declares a type of a given name (the declaration table).</item>
/// <item><c>references</c>: the runtime library among the referenced assemblies, and one of its types (binds every reference).</item>
/// <item><c>declared</c>: the stack class's symbol and its nested types (the source assembly's declarations).</item>
/// <item><c>lookup</c>: one name looked up at the stack class as C# resolves it, through the file's usings.</item>
/// <item><c>attributes</c>: the stack class's attributes bound, as <c>ForAttributeWithMetadataName</c> (which TopologyDsl's
/// generator uses) binds them once it has matched <c>[Stack]</c> by name, to compare their class with <c>TopologyDsl.StackAttribute</c>.</item>
/// </list>
/// Whatever the mode, it adds one comment-only file, so the program compiles the same.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FirstQuestionProbe : IIncrementalGenerator
{
    private const string StackAttribute = "TopologyDsl.StackAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var mode = context.AnalyzerConfigOptionsProvider.Select(static (provider, _) =>
            provider.GlobalOptions.TryGetValue("topologydsl_probe", out var value) ? value : "syntax");

        var bySyntax = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { AttributeLists.Count: > 0 } declaration
                    && declaration.AttributeLists.Any(list => list.Attributes.Any(a => a.Name.ToString() is "Stack" or "StackAttribute")),
                static (syntax, _) => syntax)
            .Collect();
        // The mode must be known before any question is asked, so no step of its own may ask one (as
        // ForAttributeWithMetadataName would, whatever the mode): every question is asked below.
        var answers = mode.Combine(context.CompilationProvider).Combine(bySyntax)
            .Select(static (input, _) => Ask(input.Left.Left, input.Left.Right, input.Right));
        context.RegisterSourceOutput(answers, static (production, found) => production.AddSource("probe.g.cs", "// " + string.Join(", ", found)));
    }

    private static ImmutableArray<string> Ask(string mode, Compilation compilation, ImmutableArray<GeneratorSyntaxContext> stacks) =>
        stacks.Select(stack =>
        {
            var declaration = (ClassDeclarationSyntax)stack.Node;
            return mode switch
            {
                "declarations" => declaration.Identifier.ValueText + ":" + compilation.ContainsSymbolsWithName("SubnetAttribute", SymbolFilter.Type),
                "references" => declaration.Identifier.ValueText + ":" + compilation.SourceModule.ReferencedAssemblySymbols
                    .FirstOrDefault(a => a.Name == "TopologyDsl")?.GetTypeByMetadataName(StackAttribute)?.GetMembers().Length,
                "declared" => declaration.Identifier.ValueText + ":" + (stack.SemanticModel.GetDeclaredSymbol(declaration) as INamedTypeSymbol)?.GetTypeMembers().Length,
                "attributes" => declaration.Identifier.ValueText + ":" + stack.SemanticModel.GetDeclaredSymbol(declaration)?.GetAttributes()
                    .Count(a => a.AttributeClass?.ToDisplayString() == StackAttribute),
                "lookup" => declaration.Identifier.ValueText + ":" + stack.SemanticModel.LookupSymbols(declaration.SpanStart, container: null, "SubnetAttribute").Length,
                _ => declaration.Identifier.ValueText,
            };
        }).ToImmutableArray();
}

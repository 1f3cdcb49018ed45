using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopologyDsl.Generators.Emit;
using TopologyDsl.Generators.Parsing;
using Xunit;

namespace TopologyDsl.Generators.Tests.Infrastructure;

/// <summary>
/// The generator reads stacks from syntax alone (<see cref="ProgramSyntax"/>), and binds a stack only where the
/// syntax leaves a doubt, then with its records' attributes read from syntax where plain (<see cref="SyntaxAttributes"/>);
/// the analyzer reads the compiler's bound attributes. Every test that runs the generator checks, through this
/// class, that the readings of every stack give the same spec, notes and declaration diagnostics.
/// </summary>
internal static class ParserEquivalence
{
    /// <summary>The stacks the syntax reading read itself and those it left to the compiler (by key, or by class name for the latter).</summary>
    public sealed record SyntaxReading(List<string> Read, List<string> Bound);

    /// <summary>Reads every stack of the compilation as the generator does, asserts each stack it read agrees with the bound reading, and says which it read.</summary>
    public static SyntaxReading CheckSyntax(Compilation compilation)
    {
        var files = compilation.SyntaxTrees.Select(t => SourceFileReader.Read((CompilationUnitSyntax)t.GetRoot(), CancellationToken.None)).ToImmutableArray();
        var reads = ProgramSyntax.Read(files, compilation.Options, CancellationToken.None);
        var result = new SyntaxReading([], []);
        var stacks = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
                .Select(d => compilation.GetSemanticModel(t).GetDeclaredSymbol(d)))
            .OfType<INamedTypeSymbol>()
            .Where(s => TopologyParser.StackAttributeOf(s) is not null)
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();
        foreach (var read in reads)
        {
            if (read.Input is not { } input)
            {
                var node = read.BindAt!.SourceTree!.GetRoot().FindNode(read.BindAt.SourceSpan);
                result.Bound.Add(node.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().First().Identifier.ValueText);
                continue;
            }

            // Nested stack classes (TDSL012) have no metadata name of that form: matched by namespace and name.
            var stack = Assert.Single(stacks, s => s.Name == input.Spec.ClassName
                && (s.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "") == input.Spec.Namespace);
            var attribute = TopologyParser.StackAttributeOf(stack);
            Assert.NotNull(attribute);
            var tree = attribute.ApplicationSyntaxReference!.SyntaxTree;
            Assert.Equal(TopologyParser.Parse(stack, attribute, withSourceMap: false, CancellationToken.None).Spec, input.Spec);
            Assert.Equal(Notes.SilencedIds(stack, compilation.Options, tree, CancellationToken.None), input.SilencedIds);
            Assert.Equal(TopologyParser.DeclarationDiagnostics(stack, CancellationToken.None).Select(d => d.ToString()),
                read.Diagnostics.Select(d => d.ToString()));
            result.Read.Add(input.Spec.Key);
        }

        // Every [Stack] class is read one way or the other (a class the syntax left to the compiler may turn out no stack).
        Assert.All(stacks, stack => Assert.True(
            result.Read.Any(key => key.EndsWith(stack.Name, System.StringComparison.Ordinal)) || result.Bound.Contains(stack.Name),
            $"stack {stack.Name} was neither read from syntax nor left to the compiler"));
        return result;
    }

    /// <summary>Parses every [Stack] class of the compilation both ways, asserts they agree, and returns the syntax readers used.</summary>
    public static List<SyntaxAttributes> Check(Compilation compilation)
    {
        CheckSyntax(compilation);
        var readers = new List<SyntaxAttributes>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol stack || TopologyParser.StackAttributeOf(stack) is not { } attribute
                    || !TopologyParser.IsFirstStackDeclaration(stack, declaration))
                {
                    continue;
                }

                // The syntax reading first, on a fresh compilation, so that nothing it reads has been bound by the other.
                // The same trees (and declaration) in a new compilation: its symbols have bound nothing yet.
                var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);
                var freshStack = (INamedTypeSymbol)fresh.GetSemanticModel(tree).GetDeclaredSymbol(declaration)!;
                var reader = new SyntaxAttributes(freshStack, fresh);
                var fromSyntax = TopologyParser.Parse(freshStack, TopologyParser.StackAttributeOf(freshStack)!, withSourceMap: false, reader, CancellationToken.None).Spec;
                var syntaxNotes = Notes.SilencedIds(freshStack, fresh.Options, tree, CancellationToken.None, reader);
                var syntaxDeclarations = TopologyParser.DeclarationDiagnostics(freshStack, reader, CancellationToken.None).Select(d => d.ToString()).ToList();

                var bound = TopologyParser.Parse(stack, attribute, withSourceMap: false, CancellationToken.None).Spec;
                var boundNotes = Notes.SilencedIds(stack, compilation.Options, tree, CancellationToken.None);
                var boundDeclarations = TopologyParser.DeclarationDiagnostics(stack, CancellationToken.None).Select(d => d.ToString()).ToList();

                Assert.Equal(bound, fromSyntax);
                Assert.Equal(boundNotes, syntaxNotes);
                Assert.Equal(boundDeclarations, syntaxDeclarations);
                readers.Add(reader);
            }
        }

        return readers;
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopologyDsl.Generators.Emit;
using TopologyDsl.Generators.Parsing;
using Xunit;

namespace TopologyDsl.Generators.Tests.Infrastructure;

/// <summary>
/// The generator reads records' attributes from syntax (<see cref="SyntaxAttributes"/>), the analyzer
/// from the compiler's bound attributes. Every test that runs the generator checks, through this
/// class, that both readings of every stack give the same spec, notes and declaration diagnostics.
/// </summary>
internal static class ParserEquivalence
{
    /// <summary>Parses every [Stack] class of the compilation both ways, asserts they agree, and returns the syntax readers used.</summary>
    public static List<SyntaxAttributes> Check(Compilation compilation)
    {
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

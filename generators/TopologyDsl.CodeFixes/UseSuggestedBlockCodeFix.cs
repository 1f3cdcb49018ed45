using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TopologyDsl.CodeFixes;

/// <summary>
/// Writes in the block the analyzer suggests: the network address for a block with host bits set
/// (TDSL103), the next free block of the same size for an overlapping subnet (TDSL107), the short
/// name of an endpoint service written with its region (TDSL240, <c>"com.amazonaws.eu-west-1.ssm"</c> to <c>"ssm"</c>), the
/// nearest known instance type for an unknown one (TDSL417, <c>"t3.mirco"</c> to <c>"t3.micro"</c>). The analyzer
/// computes the value from the model and passes it in the diagnostic's properties; this fix only
/// replaces the string literal it points at; for two subnets with one IPv6 index (TDSL143), the
/// next index no subnet of the VPC takes, in place of the number. Fix All applies every suggestion of one ID together
/// (the equivalence key is the ID alone); the analyzer gives the overlapping subnets of one VPC
/// distinct free blocks, each reserving its own, so that no two of them receive the same block.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedBlockCodeFix)), Shared]
public sealed class UseSuggestedBlockCodeFix : CodeFixProvider
{
    /// <summary>The key the analyzer stores the suggested value under (Finding.SuggestionProperty).</summary>
    public const string SuggestionProperty = "Suggestion";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["TDSL103", "TDSL107", "TDSL143", "TDSL240", "TDSL417"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SuggestionProperty, out var suggestion) || suggestion is null)
            {
                continue;
            }

            // TDSL143 (two subnets with one IPv6 index) points at a number, the others at a block.
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (diagnostic.Id == "TDSL143")
            {
                if (node is ExpressionSyntax number && int.TryParse(suggestion, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Use the free IPv6 index {suggestion}", token => ReplaceNumber(context.Document, number, index, token), equivalenceKey: diagnostic.Id),
                        diagnostic);
                }

                continue;
            }

            if (node is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var title = diagnostic.Id switch
            {
                "TDSL103" => $"Use the network address {suggestion}",
                "TDSL240" => $"Use the service name {suggestion}",
                "TDSL417" => $"Use the instance type {suggestion}",
                _ => $"Use the free block {suggestion}",
            };
            context.RegisterCodeFix(
                CodeAction.Create(title, token => Replace(context.Document, literal, suggestion, token), equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }

    /// <summary>Writes <paramref name="value"/> as a literal in place of <paramref name="expression"/> (TDSL143 here, TDSL141 in <see cref="RenumberAclRuleCodeFix"/>).</summary>
    internal static async Task<Document> ReplaceNumber(Document document, ExpressionSyntax expression, int value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value)).WithTriviaFrom(expression);
        return document.WithSyntaxRoot(root!.ReplaceNode(expression, replacement));
    }

    private static async Task<Document> Replace(Document document, LiteralExpressionSyntax literal, string value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root!.ReplaceNode(literal, replacement));
    }
}

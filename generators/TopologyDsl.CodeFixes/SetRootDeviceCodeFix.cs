using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TopologyDsl.CodeFixes;

/// <summary>
/// Sets an instance's RootDevice to its image's root device (TDSL416), which the analyzer passes in the diagnostic's
/// properties: in place of the RootDevice string the diagnostic points at, or, when it points at ImageId (the record
/// keeps the default /dev/xvda), as a new named argument <c>RootDevice = "/dev/sda1"</c> at the end of the [Instance]
/// attribute. Fix All sets every one (the equivalence key is the ID).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetRootDeviceCodeFix)), Shared]
public sealed class SetRootDeviceCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["TDSL416"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UseSuggestedBlockCodeFix.SuggestionProperty, out var device) || device is null)
            {
                continue;
            }

            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var argument = node?.FirstAncestorOrSelf<AttributeArgumentSyntax>();
            if (argument?.NameEquals?.Name.Identifier.ValueText == "RootDevice")
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use the image's root device {device}", token => Replace(context.Document, argument, device, token), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }
            else if (argument?.Parent?.Parent is AttributeSyntax attribute)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Set RootDevice to the image's root device {device}", token => Add(context.Document, attribute, device, token), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }
        }
    }

    private static LiteralExpressionSyntax Literal(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

    private static async Task<Document> Replace(Document document, AttributeArgumentSyntax argument, string device, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return document.WithSyntaxRoot(root!.ReplaceNode(argument.Expression, Literal(device).WithTriviaFrom(argument.Expression)));
    }

    private static async Task<Document> Add(Document document, AttributeSyntax attribute, string device, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var added = SyntaxFactory.AttributeArgument(Literal(device))
            .WithNameEquals(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("RootDevice"), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)));
        var list = attribute.ArgumentList!;
        var arguments = list.Arguments.Add(added);

        // The separator Add puts before the new argument, written as C# writes it: ", ".
        var separator = arguments.GetSeparator(arguments.SeparatorCount - 1);
        var updated = list.WithArguments(arguments.ReplaceSeparator(separator, separator.WithTrailingTrivia(SyntaxFactory.Space)));
        return document.WithSyntaxRoot(root!.ReplaceNode(list, updated));
    }
}

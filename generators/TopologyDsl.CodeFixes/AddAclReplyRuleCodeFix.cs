using System.Collections.Generic;
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
/// Adds the rule a network ACL needs for the replies of the connections it allows (TDSL252): the
/// analyzer writes the whole attribute, with the next free rule number, into the diagnostic's
/// properties, and this fix appends it to the attribute list that holds the rule the diagnostic is
/// on. Fix All adds each distinct rule once per list (two rules to one block need one reply rule).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddAclReplyRuleCodeFix)), Shared]
public sealed class AddAclReplyRuleCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["TDSL252"];

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await AddAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Suggestion(diagnostic) is not { } attribute || root is null || ListOf(root, diagnostic) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Add [{attribute}]", token => AddAsync(context.Document, [diagnostic], token), equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }

    private static string? Suggestion(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(UseSuggestedBlockCodeFix.SuggestionProperty, out var text) && text is { Length: > 0 } && text.IndexOf('(') > 0 ? text : null;

    private static AttributeListSyntax? ListOf(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeListSyntax>();

    private static async Task<Document> AddAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var additions = new Dictionary<AttributeListSyntax, List<string>>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (Suggestion(diagnostic) is { } text && ListOf(root, diagnostic) is { } list)
            {
                if (!additions.TryGetValue(list, out var texts))
                {
                    additions.Add(list, texts = []);
                }

                if (!texts.Contains(text))
                {
                    texts.Add(text);
                }
            }
        }

        var fixedRoot = root.ReplaceNodes(additions.Keys, (original, _) =>
        {
            var attributes = original.Attributes.ToList();
            attributes.AddRange(additions[original].Select(Parse));
            var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), attributes.Count - 1);
            return original.WithAttributes(SyntaxFactory.SeparatedList(attributes, separators));
        });
        return document.WithSyntaxRoot(fixedRoot);
    }

    private static AttributeSyntax Parse(string text)
    {
        var open = text.IndexOf('(');
        return SyntaxFactory.Attribute(SyntaxFactory.ParseName(text.Substring(0, open)), SyntaxFactory.ParseAttributeArgumentList(text.Substring(open)));
    }
}

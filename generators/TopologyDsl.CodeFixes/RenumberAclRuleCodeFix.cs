using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TopologyDsl.CodeFixes;

/// <summary>
/// Renumbers the later of two network ACL rules with one number in one direction (TDSL141). The
/// analyzer chooses the number from the model, as it does for the reply rule TDSL252's fix adds (one
/// helper, NetworkAclRules.FreeNumber): the next free number after the twin, before the next rule's
/// where there is room. It passes the number in the diagnostic's properties; this fix only writes it
/// in place of the rule's number. Fix All applies every suggestion together: the analyzer gives each
/// repeat in a direction a number of its own.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenumberAclRuleCodeFix)), Shared]
public sealed class RenumberAclRuleCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["TDSL141"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UseSuggestedBlockCodeFix.SuggestionProperty, out var suggestion)
                || !int.TryParse(suggestion, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Renumber the rule to {suggestion}",
                    token => UseSuggestedBlockCodeFix.ReplaceNumber(context.Document, expression, number, token), equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }
}

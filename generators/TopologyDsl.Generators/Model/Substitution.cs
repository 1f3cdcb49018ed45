using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Model;

/// <summary>
/// The one place that decides how text reaches the template: <c>Fn::Sub</c> only where CloudFormation
/// needs it, a plain string otherwise, and a <c>Fn::Join</c> of pieces where a plain string would hold
/// what cfn-lint takes for a forgotten substitution. Boot scripts, the stack's outputs (the user's and
/// the generator's) and tag values all go through it.
/// </summary>
/// <remarks>
/// Fn::Sub's rules, from the CloudFormation Template Reference, "Fn::Sub"
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html):
/// <c>${Name}</c> is a parameter, a resource's logical ID, <c>${Resource.Attribute}</c> an attribute,
/// and "to write a dollar sign and curly braces (<c>${}</c>) literally, add an exclamation point (!)
/// after the open curly brace, such as <c>${!Literal}</c>. CloudFormation resolves this text as
/// <c>${Literal}</c>." A text whose only <c>${</c> are such escapes substitutes nothing: cfn-lint warns
/// that the Fn::Sub is not needed (W1020), so it is written as the plain string Fn::Sub would have
/// produced. cfn-lint's E1029 reads <c>${Name}</c> in a plain string as a missing Fn::Sub when Name is
/// a parameter, resource or pseudo parameter of the template (or <c>Name.Attribute</c> of a resource);
/// CloudFormation itself leaves a plain string alone, so such text becomes <c>!Join ['', [...]]</c>
/// split between the dollar and the brace: the same bytes, and nothing for E1029 to read.
/// </remarks>
internal static class Substitution
{
    /// <summary>
    /// The value for <paramref name="text"/> written in Fn::Sub's syntax: <c>!Sub</c> when it names a
    /// variable (with <paramref name="variable"/> as Fn::Sub's own variable map when the text names it),
    /// otherwise <see cref="Literal"/> of the text with every <c>${!X}</c> read as <c>${X}</c>.
    /// </summary>
    /// <param name="names">Whether a name is a parameter or resource of the template (its logical IDs).</param>
    /// <param name="script">Whether the text is a multi-line script, kept exactly as written in the generated code.</param>
    public static PlannedValue Sub(string text, Func<string, bool> names, bool script = false, (string Name, string Value)? variable = null)
    {
        var references = SubstitutionRules.References(text).ToList();
        if (references.Count == 0)
        {
            return Literal(Unescape(text), names, script);
        }

        var body = Piece(text, script);
        return variable is { } v && references.Contains(v.Name)
            ? PlannedValue.Helper("Sub", body, new PlannedValue.Text(v.Name), new PlannedValue.Text(v.Value))
            : PlannedValue.Helper("Sub", body);
    }

    /// <summary>
    /// The value for <paramref name="text"/> meant literally (a tag's value, Fn::Sub's result): the string
    /// itself, or a <c>Fn::Join</c> of its pieces when it holds <c>${X}</c> that cfn-lint's E1029 would read.
    /// </summary>
    public static PlannedValue Literal(string text, Func<string, bool> names, bool script = false)
    {
        var pieces = LintSafePieces(text, names);
        return pieces.Count == 1 ? Piece(text, script) : PlannedValue.Helper("Join", pieces.Select(p => Piece(p, script)).ToArray());
    }

    /// <summary>
    /// What Fn::Sub makes of a text without variables: every <c>${!X}</c> becomes <c>${X}</c>, byte for
    /// byte otherwise. A <c>${</c> is closed by the next <c>}</c>, as <see cref="SubstitutionRules.References"/>
    /// reads it; one that is never closed is left as written.
    /// </summary>
    public static string Unescape(string text)
    {
        if (text.IndexOf("${!", StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var from = 0;
        int at;
        while ((at = text.IndexOf("${", from, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', at + 2);
            if (end < 0)
            {
                break;
            }

            result.Append(text, from, at + 2 - from);
            var inner = at + 2;
            if (text[inner] == '!')
            {
                inner++;
            }

            result.Append(text, inner, end + 1 - inner);
            from = end + 1;
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>
    /// The text cut right after the <c>$</c> of each <c>${X}</c> that cfn-lint's E1029 would report
    /// (its pattern, <c>\$\{[A-Za-z0-9_:.]+\}</c>, with X a name of the template, a pseudo parameter or
    /// <c>Resource.Anything</c>); one piece when there is none. The pieces joined give the text back.
    /// </summary>
    public static List<string> LintSafePieces(string text, Func<string, bool> names)
    {
        var pieces = new List<string>();
        var from = 0;
        foreach (Match match in EmbeddedName.Matches(text))
        {
            var name = match.Groups[1].Value;
            var dot = name.IndexOf('.');
            if (names(name) || StackPlan.PseudoParameters.Contains(name) || (dot > 0 && names(name.Substring(0, dot))))
            {
                pieces.Add(text.Substring(from, match.Index + 1 - from));
                from = match.Index + 1;
            }
        }

        pieces.Add(text.Substring(from));
        return pieces;
    }

    /// <summary>cfn-lint's E1029 (SubNeeded) pattern of an embedded parameter, cfn-lint v1.51.</summary>
    private static readonly Regex EmbeddedName = new(@"\$\{([A-Za-z0-9_:.]+)\}", RegexOptions.CultureInvariant);

    private static PlannedValue Piece(string text, bool script) => script ? new PlannedValue.Script(text) : new PlannedValue.Text(text);
}

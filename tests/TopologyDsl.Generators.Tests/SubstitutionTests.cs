using System.Linq;
using System.Text.RegularExpressions;
using CsCheck;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// <see cref="Substitution"/>: Fn::Sub only for text that names a variable, the plain text Fn::Sub
/// would produce otherwise, and a Join where that text would draw cfn-lint's E1029.
/// </summary>
public sealed class SubstitutionTests
{
    /// <summary>The template's names in these tests: a parameter and two resources.</summary>
    private static bool Names(string name) => name is "Ami" or "Web" or "WebEip";

    private static PlannedValue.Text T(string text) => new(text);

    [Theory]
    [InlineData("no dollar at all", "no dollar at all")]
    [InlineData("echo ${!HOME}", "echo ${HOME}")]
    [InlineData("${!a}${!b} ${!}", "${a}${b} ${}")]
    [InlineData("$HOME ${!x:-default} $$ {!x}", "$HOME ${x:-default} $$ {!x}")]
    [InlineData("a ${!b} ${!open", "a ${b} ${!open")]
    [InlineData("${!a!b}", "${a!b}")]
    [InlineData("ünï ${!ü}\r\n\ttab", "ünï ${ü}\r\n\ttab")]
    public void Unescape_DropsTheExclamationMarkOfEachEscape(string text, string expected) =>
        Assert.Equal(expected, Substitution.Unescape(text));

    [Fact]
    public void Sub_TextWithoutDollarBrace_IsThePlainText() =>
        Assert.Equal(T("http://example.com/"), Substitution.Sub("http://example.com/", Names));

    [Fact]
    public void Sub_OnlyEscapes_IsThePlainTextFnSubWouldProduce() =>
        Assert.Equal(T("echo ${HOME} ${PATH}"), Substitution.Sub("echo ${!HOME} ${!PATH}", Names));

    [Fact]
    public void Sub_OnlyEscapesOfAScript_IsAScript() =>
        Assert.Equal(new PlannedValue.Script("#!/bin/bash\necho ${HOME}\n"), Substitution.Sub("#!/bin/bash\necho ${!HOME}\n", Names, script: true));

    [Fact]
    public void Sub_AVariableBesideAnEscape_StaysSubWithTheEscapeKept() =>
        Assert.Equal(PlannedValue.Helper("Sub", T("${!HOME} at ${Web.PrivateIp}")), Substitution.Sub("${!HOME} at ${Web.PrivateIp}", Names));

    [Fact]
    public void Sub_NamingItsOwnVariable_PassesTheVariableMap() =>
        Assert.Equal(PlannedValue.Helper("Sub", new PlannedValue.Script("--resource ${LogicalId} ${!x}"), T("LogicalId"), T("Web")),
            Substitution.Sub("--resource ${LogicalId} ${!x}", Names, script: true, ("LogicalId", "Web")));

    [Fact]
    public void Sub_NotNamingItsOwnVariable_HasNoVariableMap() =>
        Assert.Equal(PlannedValue.Helper("Sub", T("${AWS::Region}")), Substitution.Sub("${AWS::Region}", Names, variable: ("LogicalId", "Web")));

    [Theory]
    [InlineData("${!Web}", new[] { "$", "{Web}" })]
    [InlineData("a ${!Ami} b ${!HOME} c ${!Web.PrivateIp} d", new[] { "a $", "{Ami} b ${HOME} c $", "{Web.PrivateIp} d" })]
    [InlineData("${!AWS::Region}/${!WebEip}", new[] { "$", "{AWS::Region}/$", "{WebEip}" })]
    public void Sub_OnlyEscapesOfTemplateNames_IsAJoinCutBetweenDollarAndBrace(string text, string[] pieces) =>
        Assert.Equal(PlannedValue.Helper("Join", pieces.Select(p => (PlannedValue)T(p)).ToArray()), Substitution.Sub(text, Names));

    [Theory]
    [InlineData("${Nope}")]
    [InlineData("${ Web }")]
    [InlineData("${Web-1}")]
    [InlineData("${Webby}")]
    [InlineData("$Web {Web} $ {Web}")]
    public void Literal_NamesCfnLintDoesNotRead_StayOnePiece(string text) =>
        Assert.Equal([text], Substitution.LintSafePieces(text, Names));

    [Fact]
    public void Literal_TagValueNamingAResource_IsAJoin() =>
        Assert.Equal(PlannedValue.Helper("Join", T("owned by $"), T("{Web}")), Substitution.Literal("owned by ${Web}", Names));

    /// <summary>cfn-lint's E1029 pattern and its reading of a name (a name of the template, a pseudo parameter, Resource.Attribute).</summary>
    private static bool DrawsE1029(string text) =>
        Regex.Matches(text, @"\$\{([A-Za-z0-9_:.]+)\}").Any(m => Names(m.Groups[1].Value) || StackPlan.PseudoParameters.Contains(m.Groups[1].Value)
            || (m.Groups[1].Value.IndexOf('.') is > 0 and var dot && Names(m.Groups[1].Value[..dot])));

    /// <summary>Texts of the characters that matter: dollars, braces, exclamation marks, names, dots, colons, spaces and line breaks.</summary>
    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.Const("$"), Gen.Const("{"), Gen.Const("}"), Gen.Const("!"), Gen.Const("${"), Gen.Const("${!"), Gen.Const("Web"), Gen.Const("Ami"),
        Gen.Const("HOME"), Gen.Const("."), Gen.Const("AWS::Region"), Gen.Const(" "), Gen.Const("\n"), Gen.Const("x")).Array[0, 16].Select(parts => string.Concat(parts));

    [Fact]
    public void Property_PlainOrJoin_IsWhatFnSubWouldProduce_AndNeverDrawsE1029_AsTheRuntimeReadsIt() =>
        Texts.Sample(text =>
        {
            var value = Substitution.Sub(text, Names);
            // The runtime's change analysis reads text the same way (a committed template's Fn::Sub).
            Assert.Equal(SubstitutionRules.References(text).Any() ? null : Substitution.Unescape(text), TopologyDsl.CloudFormation.Changes.TemplateTree.SubstitutedLiterally(text));
            if (SubstitutionRules.References(text).Any())
            {
                Assert.Equal(PlannedValue.Helper("Sub", T(text)), value);
                return;
            }

            // What CloudFormation's Fn::Sub would have made of it: each closed ${!...} loses its '!'.
            var expected = Regex.Replace(text, @"\$\{!([^}]*)\}", "${$1}");
            Assert.Equal(expected, Substitution.Unescape(text));
            var pieces = value is PlannedValue.Call { Method: "Join" } join ? join.Arguments.Select(a => ((PlannedValue.Text)a.Value).Value).ToList() : [((PlannedValue.Text)value).Value];
            Assert.Equal(expected, string.Concat(pieces));
            Assert.All(pieces, p => Assert.False(DrawsE1029(p), $"'{p}' of '{text}' draws E1029"));
            Assert.Equal(pieces.Count > 1, DrawsE1029(expected));
        }, iter: 5000);
}

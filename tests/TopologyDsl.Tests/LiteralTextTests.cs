using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TopologyDsl.CloudFormation;
using TopologyDsl.CloudFormation.Changes;
using TopologyDsl.Testing;
using TopologyDsl.Tests.Infrastructure;
using TopologyDsl.Tests.Stacks;
using YamlDotNet.RepresentationModel;

namespace TopologyDsl.Tests;

/// <summary>
/// Fn::Sub only where CloudFormation needs it (the Literals stack), read back from the YAML: each boot
/// script and output is byte for byte the text CloudFormation would have made of it.
/// </summary>
public class LiteralTextTests
{
    private static YamlMappingNode Parsed() => TemplateYaml.Parse(TemplateWriter.Write(Literals.BuildTemplate()));

    private static string Script(string name) => File.ReadAllText(Repo.PathOf("tests", "TopologyDsl.Tests", "Stacks", name)).Replace("\r\n", "\n");

    /// <summary>Fn::Sub's escape, as the CloudFormation Template Reference gives it: <c>${!Literal}</c> resolves as <c>${Literal}</c>.</summary>
    private static string Unescaped(string text) => Regex.Replace(text, @"\$\{!([^}]*)\}", "${$1}");

    private static YamlNode UserData(string instance) => Parsed().Map("Resources").Map(instance).Map("Properties").Get("UserData")!;

    private static YamlNode Output(string name) => Parsed().Map("Outputs").Map(name).Get("Value")!;

    /// <summary>The text of a plain scalar or of <c>!Join ['', [pieces]]</c>; null for anything else.</summary>
    private static string? Text(YamlNode node) => node switch
    {
        YamlScalarNode { Tag.IsEmpty: true } scalar => scalar.Value,
        _ when TemplateYaml.IsIntrinsic(node) && TemplateYaml.Intrinsic(node) is ("Join", YamlSequenceNode { Children: [YamlScalarNode { Value: "" }, YamlSequenceNode pieces] }) =>
            string.Concat(pieces.Children.Select(p => ((YamlScalarNode)p).Value)),
        _ => null,
    };

    [Fact]
    public void Template_MatchesSnapshot() => Snapshot.Verify(TemplateWriter.Write(Literals.BuildTemplate()), "yaml");

    [Fact]
    public void ScriptWithOnlyEscapes_IsPlainBase64OfTheUnescapedText()
    {
        var (name, argument) = TemplateYaml.Intrinsic(UserData("Escaped"));
        Assert.Equal("Base64", name);
        var scalar = Assert.IsType<YamlScalarNode>(argument);
        Assert.Equal(Unescaped(Script("escaped.sh")), scalar.Value);
        Assert.Contains("echo \"${HOSTNAME:-unknown}\"", scalar.Value);
        Assert.DoesNotContain("${!", scalar.Value);
    }

    [Fact]
    public void ScriptWithAnEscapeAndAVariable_IsSubOfTheScriptAsWritten()
    {
        var (name, argument) = TemplateYaml.Intrinsic(UserData("Mixed"));
        Assert.Equal("Base64", name);
        var (sub, text) = TemplateYaml.Intrinsic(argument);
        Assert.Equal("Sub", sub);
        Assert.Equal(Script("mixed.sh"), Assert.IsType<YamlScalarNode>(text).Value);
    }

    [Fact]
    public void ScriptWhoseEscapesNameResources_IsAJoinOfTheUnescapedText_WithNoPieceNamingOne()
    {
        var (name, argument) = TemplateYaml.Intrinsic(UserData("Named"));
        Assert.Equal("Base64", name);
        Assert.Equal("Join", TemplateYaml.Intrinsic(argument).Name);
        Assert.Equal(Unescaped(Script("named.sh")), Text(argument));
        var pieces = ((YamlSequenceNode)((YamlSequenceNode)TemplateYaml.Intrinsic(argument).Argument).Children[1]).Children;
        Assert.Equal(3, pieces.Count);
        Assert.All(pieces, p => Assert.DoesNotMatch(@"\$\{(Named|Escaped\.PrivateIp)\}", ((YamlScalarNode)p).Value!));
    }

    [Theory]
    [InlineData("Plain", "ssh ec2-user@10.0.1.10")]
    [InlineData("Escaped", "echo ${HOME} ${PATH}")]
    [InlineData("Named", "${Escaped} in ${AWS::Region}")]
    public void OutputWithoutVariables_IsTheTextFnSubWouldProduce(string output, string expected) =>
        Assert.Equal(expected, Text(Output(output)));

    [Fact]
    public void OutputWithAVariable_IsSubWithTheEscapeKept()
    {
        var (name, text) = TemplateYaml.Intrinsic(Output("Mixed"));
        Assert.Equal("Sub", name);
        Assert.Equal("${!USER}@${Escaped.PrivateIp}", ((YamlScalarNode)text).Value);
    }

    [Fact]
    public void TagValueNamingAResource_IsTheLiteralText()
    {
        var tags = (YamlSequenceNode)Parsed().Map("Resources").Map("Private").Map("Properties").Get("Tags")!;
        var note = tags.Children.Cast<YamlMappingNode>().Single(t => ((YamlScalarNode)t.Get("Key")!).Value == "Note");
        Assert.Equal("reached from ${Escaped}", Text(note.Get("Value")!));
    }

    [Fact]
    public void TemplateOfTheEarlierFnSubForm_MeansTheSame_NoChangeOnDeploy()
    {
        // What the generator wrote before: Fn::Sub around text without variables.
        var after = TemplateWriter.Write(Literals.BuildTemplate());
        static string Indent(string text, int spaces) => string.Concat(text.Split('\n').Select(l => l.Length == 0 ? "\n" : new string(' ', spaces) + l + "\n"))[..^1];
        var script = Script("escaped.sh");
        var before = after
            .Replace("      UserData: !Base64 |\n" + Indent(Unescaped(script), 8), "      UserData:\n        Fn::Base64: !Sub |\n" + Indent(script, 10))
            .Replace("    Value: echo ${HOME} ${PATH}\n", "    Value: !Sub echo ${!HOME} ${!PATH}\n")
            .Replace("    Value: !Join\n      - ''\n      - - $\n        - '{Escaped} in $'\n        - '{AWS::Region}'\n", "    Value: !Sub '${!Escaped} in ${!AWS::Region}'\n");
        Assert.Equal(3, before.Split("!Sub").Length - after.Split("!Sub").Length);
        Assert.True(TemplateChanges.Compare("literals", before, after).IsEmpty);
    }
}

using System;
using System.Linq;
using TopologyDsl.CloudFormation.Changes;

namespace TopologyDsl.Tests;

/// <summary>Committed templates are read back by meaning: short and long intrinsic forms, quoting and key order do not count.</summary>
public class TemplateTreeTests
{
    [Theory]
    [InlineData("A: !Ref X", "A:\n  Ref: X")]
    [InlineData("A: !GetAtt Web.PublicIp", "A:\n  Fn::GetAtt: [Web, PublicIp]")]
    [InlineData("A: !GetAtt Web.PublicIp", "A:\n  Fn::GetAtt: Web.PublicIp")]
    [InlineData("A: !Sub 'http://${Web.PublicIp}/'", "A:\n  Fn::Sub: http://${Web.PublicIp}/")]
    [InlineData("A: !Base64 plain", "A: {\"Fn::Base64\": plain}")]
    [InlineData("A:\n  Fn::Base64: !Sub |\n    echo ${X}\n", "A: {\"Fn::Base64\": {\"Fn::Sub\": \"echo ${X}\\n\"}}")]
    [InlineData("A: !Select [0, !GetAZs '']", "A:\n  Fn::Select:\n    - '0'\n    - Fn::GetAZs: \"\"")]
    [InlineData("A: '10.0.1.10'\nB: 80", "B: '80'\nA: 10.0.1.10")]
    [InlineData("A: !Sub 'echo ${!HOME} ${!x'", "A: 'echo ${HOME} ${!x'")]
    [InlineData("A:\n  Fn::Base64: !Sub |\n    echo ${!HOME}\n", "A: !Base64 |\n  echo ${HOME}\n")]
    [InlineData("A: !Sub ['${!Web}', {X: y}]", "A: '${Web}'")]
    [InlineData("A: !Join ['', [$, '{Web} in $', '{AWS::Region}']]", "A: '${Web} in ${AWS::Region}'")]
    [InlineData("A: !Sub '${!Web} in ${!AWS::Region}'", "A: !Join ['', [$, '{Web} in $', '{AWS::Region}']]")]
    public void SameMeaning_ComparesEqual(string left, string right) =>
        Assert.Equal(TemplateTree.Parse(left), TemplateTree.Parse(right));

    [Theory]
    [InlineData("A: !Ref X", "A: X")]
    [InlineData("A: !Ref X", "A: !Sub X")]
    [InlineData("A: !GetAtt Web.PublicIp", "A: !GetAtt Web.PrivateIp")]
    [InlineData("A: [a, b]", "A: [b, a]")]
    [InlineData("A: !Sub '${!HOME} ${Web}'", "A: '${HOME} ${Web}'")]
    [InlineData("A: !Sub '${ !HOME}'", "A: '${ HOME}'")]
    [InlineData("A: !Join [',', [a, b]]", "A: ab")]
    [InlineData("A: !Join ['', [a, !Ref B]]", "A: aB")]
    public void OtherMeaning_Differs(string left, string right) =>
        Assert.NotEqual(TemplateTree.Parse(left), TemplateTree.Parse(right));

    [Fact]
    public void References_FindRefGetAttAndSubstitutions_NotPseudoParametersNorLiterals()
    {
        var node = TemplateTree.Parse("A: [!Ref Net, !GetAtt Web.PublicIp, !Sub '${Db.PrivateIp} ${AWS::Region} ${!Literal} ${Key}']");
        Assert.Equal(["Net", "Web", "Db", "Key"], TemplateTree.References(node).ToArray());
        Assert.Equal(["PrivateIp"], TemplateTree.AttributesRead(node, "Db").ToArray());
    }

    [Theory]
    [InlineData("A: [unclosed\n", "line 2, column 1")]
    [InlineData("just text", "not a YAML mapping")]
    public void NotATemplate_IsAFormatException(string yaml, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => TemplateTree.Parse(yaml)).Message);
}

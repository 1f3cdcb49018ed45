using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// TDSL426: <c>${X}</c> in text the template holds as a plain string (tags, descriptions, defaults...),
/// where CloudFormation substitutes nothing. Each case fires at the marked argument; every security
/// finding counts (<see cref="Markup.VerifyAllAsync"/>), so the near misses are quiet for real.
/// </summary>
public class LiteralTextTests
{
    private const string Ami = TestCompilation.AmiParameter;

    private const string Net = "[Vpc(\"10.0.0.0/16\", FlowLogs = true)] public partial record Net;\n";

    private static string Stack(string body, string attributes = "[Stack(\"shop\")]") =>
        "namespace Shop;\n" + attributes + "\npublic static partial class Shop\n{\n" + Net + body + "}\n";

    /// <summary>The stack's tags also reach the VPC's flow log role, whose tags refuse '$' and braces (TDSL019).</summary>
    [Fact]
    public Task TDSL426_TagValues_OfTheStackAndOfARecord() => Markup.VerifyAllAsync(Stack("""
        [Subnet<Net>("10.0.1.0/24"), Tag("Note", {|TDSL426:"reached from ${Net}"|}), Tag({|TDSL426:"${AWS::Region}"|}, "x"), Tag("Team", "web")] public partial record Web;
        """, "[Stack(\"shop\"), Tag(\"Stack\", {|TDSL019:{|TDSL426:\"${AWS::StackName}\"|}|}), Tag(\"Owner\", \"team\")]"));

    [Fact]
    public Task TDSL426_Descriptions_OfStackGroupRulesOutputSecretAndTransitGateway() => Markup.VerifyAllAsync(Stack("""
        [SecurityGroup<Net>({|TDSL426:"web servers of ${Net}"|}), Ingress(Tcp, 443, "10.0.0.0/16", Description = {|TDSL426:"HTTPS in ${Net.CidrBlock}"|}),
         Egress(Tcp, 443, "10.0.0.0/16", Description = {|TDSL426:"to ${AWS::Region} APIs"|})] public partial record WebGroup;
        [SecurityGroup<Net>("load balancers"), EgressTo<WebGroup>(Tcp, 443, Description = {|TDSL426:"to ${WebGroup}"|})] public partial record LbGroup;
        [Secret(Description = {|TDSL426:"database password of ${AWS::StackName}"|})] public partial record Pass;
        [TransitGateway(Description = {|TDSL426:"hub ${ Hub }"|})] public partial record Hub;
        """, "[Stack(\"shop\", Description = {|TDSL426:\"web tier of ${AWS::StackName}\"|})]\n[Output(\"Net\", \"${Net}\", Description = {|TDSL426:\"the VPC of ${AWS::StackName}\"|})]"));

    [Fact]
    public Task TDSL426_ParameterTexts_ExportAndKeyName() => Markup.VerifyAllAsync(Stack("""
        [Parameter(Description = {|TDSL426:"size in ${AWS::Region}"|}, Default = {|TDSL426:"${AWS::Region}-small"|}, ConstraintDescription = {|TDSL426:"one of ${Sizes}"|}, AllowedValues = [{|TDSL426:"${AWS::Region}-small"|}, "large"])] public partial record Size;
        [Subnet<Net>("10.0.1.0/24")] public partial record Web;
        [Instance<Web>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro", KeyName = {|TDSL426:"${AWS::StackName}-key"|}), Uses<WebGroup>] public partial record Server;
        [SecurityGroup<Net>("web"), Egress(Tcp, 443, "10.0.0.0/16", Description = "AWS APIs")] public partial record WebGroup;
        """.Replace("[Parameter(", Ami + "[Parameter("), "[Stack(\"shop\")]\n[Output(\"Size\", \"${Size}\", Export = {|TDSL426:\"${AWS::StackName}-size\"|})]"));

    /// <summary>
    /// The escape, a dollar without braces, braces without a dollar, a <c>${</c> never closed: plain text,
    /// as Fn::Sub reads it. Outputs' values and boot scripts are substituted, so <c>${X}</c> is meant there.
    /// </summary>
    [Fact]
    public Task TDSL426_NearMiss_NoReferenceOrSubstitutedText() => Markup.VerifyAllAsync(Stack("""
        [Subnet<Net>("10.0.1.0/24"), Tag("Escaped", "${!Net}"), Tag("Dollar", "$Net costs $5"), Tag("Braces", "{Net} {AWS::Region}"), Tag("Open", "${Net"), Tag("Spaced", "$ {Net}")] public partial record Web;
        [SecurityGroup<Net>("only ${!AWS::Region} escapes"), Egress(Tcp, 443, "0.0.0.0/0", Description = "costs $5 {monthly}")] public partial record WebGroup;
        [Instance<Web>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "boot.sh"), Uses<WebGroup>] public partial record Server;
        """.Replace("[Subnet<", Ami + "[Subnet<"),
        "[Stack(\"shop\", Description = \"${!AWS::StackName} is literal\")]\n[Output(\"Where\", \"${AWS::StackName} in ${AWS::Region}: ${Server.PrivateIp}\", Description = \"Stack and region\")]"),
        new InMemoryAdditionalText("/p/boot.sh", "#!/bin/bash\necho \"${AWS::StackName} ${Net} ${!HOME}\"\n"));

    /// <summary>The message names the field, its owner and the first reference as written; a field with several is reported once.</summary>
    [Fact]
    public void Findings_NameTheFieldTheOwnerAndTheFirstReference()
    {
        var stack = new StackSpec("Shop", "Shop", true, true, "shop", "of ${!X} and ${ AWS::StackName } and ${Y}",
            EquatableArray<ResourceSpec>.Empty, new[] { new OutputSpec("Url", "${AWS::StackName}", "${!A}", "x-${B}") }.ToEquatableArray(), EquatableArray<Finding>.Empty,
            Tags: new[] { new TagSpec("Stack", "${!A}${C}") }.ToEquatableArray());
        var findings = new System.Collections.Generic.List<Finding>();
        LiteralTextRules.Check(new StackIndex(stack, _ => null), findings);
        var id = DiagnosticDescriptors.SubstitutionInLiteralText.Id;
        Assert.Equal(
        [
            Finding.Create(id, ModelPath.Stack.Child("description"), "The Description", "stack 'shop'", "${ AWS::StackName }"),
            Finding.Create(id, ModelPath.Stack.Item("tag", 0).Child("value"), "The value of tag 'Stack'", "stack 'shop'", "${C}"),
            Finding.Create(id, ModelPath.Stack.Item("output", 0).Child("export"), "The Export name", "output 'Url'", "${B}"),
        ], findings);
    }
}

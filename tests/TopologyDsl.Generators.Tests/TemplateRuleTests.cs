using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// What CloudFormation and the services check on the template as a whole (TDSL320–331): each rule
/// at the argument at fault, and a near miss beside it that is quiet.
/// </summary>
public class TemplateRuleTests
{
    private const string Network = TestCompilation.TwoTierNetwork;

    private static string Stack(string body, string attributes = "[Stack(\"shop\")]") =>
        "namespace Shop;\n" + attributes + "\npublic static partial class Shop\n{\n" + body + "}\n";

    private static string Group(string name, string rules, string description = "\"web\"") =>
        "[SecurityGroup<Net>(" + description + ")" + rules + "] public partial record " + name + ";\n";

    private static string Server(string name = "Server", string extra = "", string groups = ", Uses<Web>") =>
        "[Instance<Public>(\"10.0.1.10\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\"" + extra + ")" + groups + "] public partial record " + name + ";\n";

    [Fact]
    public Task TDSL320_GroupDescriptionOutsideEc2CharacterSet() => Markup.VerifyAsync(Stack(Network
        + Group("Web", "", description: "{|TDSL320:\"ウェブサーバー\"|}")
        + Group("Long", "", description: "{|TDSL320:\"" + new string('x', 256) + "\"|}")
        + Group("Fine", "", description: "\"Web: HTTP(S) & SSH from admin [ops] #1 {ok} !$*=+;,@/\"")
        + Group("Max", "", description: "\"" + new string('x', 255) + "\"")));

    [Fact]
    public Task TDSL320_RuleDescription() => Markup.VerifyAsync(Stack(Network
        + Group("Web", ", Ingress(Tcp, 80, \"0.0.0.0/0\", Description = {|TDSL320:\"HTTP (ウェブ)\"|}), Egress(Tcp, 443, \"0.0.0.0/0\", Description = \"HTTPS out, 443/tcp\")")));

    [Fact]
    public Task TDSL320_SecretDescription() => Markup.VerifyAsync(Stack(Network
        + "[Secret(Description = {|TDSL320:\"" + new string('d', 2049) + "\"|})] public partial record TooLong;\n"
        + "[Secret(Description = \"" + new string('d', 2048) + "\")] public partial record Fits;\n"));

    [Theory]
    [InlineData("[Parameter(AllowedValues = [\"t3.micro\", \"t3.small\"], Default = {|TDSL321:\"t2.micro\"|})] public partial record P;")]
    [InlineData("[Parameter(AllowedPattern = \"[0-9]+\", Default = {|TDSL321:\"12a\"|})] public partial record P;")]
    [InlineData("[Parameter(MaxLength = 3, Default = {|TDSL321:\"abcd\"|})] public partial record P;")]
    [InlineData("[Parameter(MinLength = 5, Default = {|TDSL321:\"abcd\"|})] public partial record P;")]
    [InlineData("[Parameter(Type = \"Number\", Default = {|TDSL321:\"ten\"|})] public partial record P;")]
    [InlineData("[Parameter(Type = \"List<Number>\", Default = {|TDSL321:\"1,2,x\"|})] public partial record P;")]
    [InlineData("[Parameter(Type = \"CommaDelimitedList\", AllowedPattern = \"[a-z]+\", Default = {|TDSL321:\"a,B\"|})] public partial record P;")]
    public Task TDSL321_ParameterDefaultInvalid(string parameter) => Markup.VerifyAsync(Stack(Network + parameter + "\n"));

    [Theory]
    [InlineData("[Parameter(AllowedValues = [\"t3.micro\", \"t3.small\"], Default = \"t3.small\")] public partial record P;")]
    [InlineData("[Parameter(AllowedPattern = \"[0-9]+\", Default = \"12\")] public partial record P;")]
    [InlineData("[Parameter(MinLength = 2, MaxLength = 4, Default = \"abcd\")] public partial record P;")]
    [InlineData("[Parameter(Type = \"Number\", Default = \"-1.5e3\")] public partial record P;")]
    [InlineData("[Parameter(Type = \"CommaDelimitedList\", AllowedPattern = \"[a-z]+\", Default = \"a, b\")] public partial record P;")]
    [InlineData("[Parameter(AllowedPattern = \"^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/\\\\d{1,2}$\", Default = \"203.0.113.7/32\")] public partial record P;")]
    public Task TDSL321_NearMiss(string parameter) => Markup.VerifyAsync(Stack(Network + parameter + "\n"));

    [Fact]
    public Task TDSL332_ListParameterSubstituted() => Markup.VerifyAsync(
        Stack(Network + "[SecurityGroup<Net>(\"web\")] public partial record Web;\n" + Server(extra: ", UserData = {|TDSL332:\"userdata/boot.sh\"|}")
            + "[Parameter(Type = \"CommaDelimitedList\", Default = \"a,b\")] public partial record Names;\n"
            + "[Parameter(Type = \"AWS::SSM::Parameter::Value<List<String>>\", Default = \"/names\")] public partial record FromSsm;\n"
            + "[Parameter(Type = \"AWS::SSM::Parameter::Value<String>\", Default = \"/name\")] public partial record One;\n",
            "[Stack(\"shop\"), Output(\"All\", {|TDSL332:\"${FromSsm}\"|}), Output(\"Fine\", \"${One}\")]"),
        new InMemoryAdditionalText("/project/userdata/boot.sh", "echo ${Names} ${One}\n"));

    [Fact]
    public Task TDSL322_NoEchoParameterInOutput() => Markup.VerifyAsync(Stack(Network
        + "[Parameter(NoEcho = true)] public partial record Token;\n[Parameter] public partial record Plain;\n",
        "[Stack(\"shop\"), Output(\"Leak\", {|TDSL322:\"token=${Token}\"|}), Output(\"Fine\", \"${Plain}\")]"));

    [Fact]
    public Task TDSL323_UnusedParameter() => Markup.VerifyAsync(Stack(Network
        + Group("Web", ", Ingress(Tcp, 22, nameof(AdminCidr), Description = \"ssh\")")
        + Server(extra: ", KeyName = nameof(Key)")
        + "[Parameter] public partial record {|TDSL323:Forgotten|};\n"
        + "[Parameter] public partial record AdminCidr;\n"
        + "[Parameter(Type = ParameterTypes.KeyPairName)] public partial record Key;\n"
        + "[Parameter] public partial record InOutput;\n",
        "[Stack(\"shop\"), Output(\"O\", \"${InOutput}\")]"));

    [Fact]
    public Task TDSL324_DescriptionTooLong() => Markup.VerifyAsync(Stack(Network,
        "[Stack(\"shop\", Description = {|TDSL324:\"" + new string('あ', 342) + "\"|})]\n"
        + "[Output(\"O\", \"v\", Description = {|TDSL324:\"" + new string('x', 1025) + "\"|})]\n"
        + "[Output(\"Fits\", \"v\", Description = \"" + new string('あ', 341) + "\")]"));

    [Fact]
    public Task TDSL324_ParameterDescriptionCountsCharacters() => Markup.VerifyAsync(Stack(Network
        + "[Parameter(Description = {|TDSL324:\"" + new string('x', 4001) + "\"|})] public partial record Long;\n"
        + "[Parameter(Description = \"" + new string('あ', 4000) + "\")] public partial record Fits;\n",
        "[Stack(\"shop\"), Output(\"O\", \"${Long}${Fits}\")]"));

    [Fact]
    public Task TDSL325_StackWithoutResources() => Markup.VerifyAsync(
        Stack("[Parameter] public partial record OnlyAParameter;\n", "[Stack({|TDSL325:\"empty\"|})]")
        + "[Stack(\"one\")] public static partial class One { [Vpc(\"10.0.0.0/16\")] public partial record Net; }\n");

    [Fact]
    public Task TDSL326_UserDataTooLarge() => Markup.VerifyAsync(
        Stack(Network + Group("Web", "") + Server(extra: ", UserData = {|TDSL326:\"userdata/big.sh\"|}")
            + Server("Fits", ", UserData = \"userdata/fits.sh\"").Replace("10.0.1.10", "10.0.1.11")),
        new InMemoryAdditionalText("/project/userdata/big.sh", "#!/bin/bash\n" + new string('#', 16384)),
        new InMemoryAdditionalText("/project/userdata/fits.sh", "#!/bin/bash\n" + new string('#', 16384 - 12)));

    /// <summary>Fn::Sub turns each <c>${!X}</c> into <c>${X}</c>: the size leaves out the byte EC2 does not receive.</summary>
    [Fact]
    public Task TDSL326_UserDataTooLarge_CountsEscapesAsEc2ReceivesThem() => Markup.VerifyAsync(
        Stack(Network + Group("Web", "") + Server(extra: ", UserData = {|TDSL326:\"userdata/over.sh\"|}")
            + Server("Fits", ", UserData = \"userdata/escaped.sh\"").Replace("10.0.1.10", "10.0.1.11")),
        // 16,385 bytes as written, 16,384 as received; one more byte is over.
        new InMemoryAdditionalText("/project/userdata/escaped.sh", "#!/bin/bash\n${!HOME}" + new string('#', 16384 - 12 - 7)),
        new InMemoryAdditionalText("/project/userdata/over.sh", "#!/bin/bash\n${!HOME}" + new string('#', 16384 - 12 - 7 + 1)));

    [Fact]
    public Task TDSL327_AttributeNotAvailable() => Markup.VerifyAsync(
        Stack(Network + Group("Web", "") + Server("Hidden") + Server("Exposed", ", PublicIp = true").Replace("10.0.1.10", "10.0.1.11")
            + Server("Reader", ", UserData = {|TDSL327:\"userdata/read.sh\"|}").Replace("10.0.1.10", "10.0.1.12"),
            "[Stack(\"shop\"), Output(\"Url\", {|TDSL327:\"http://${Hidden.PublicDnsName}/\"|}), Output(\"Ok\", \"http://${Exposed.PublicIp}/ ${Hidden.PrivateIp}\")]"),
        new InMemoryAdditionalText("/project/userdata/read.sh", "echo ${Hidden.PublicIp} ${Exposed.PublicIp}\n"));

    [Fact]
    public Task TDSL328_UserDataDependencyCycle() => Markup.VerifyAsync(
        Stack(Network + Group("Web", "")
            + Server("Self", ", UserData = {|TDSL328:\"userdata/self.sh\"|}")
            + Server("A", ", UserData = {|TDSL328:\"userdata/a.sh\"|}").Replace("10.0.1.10", "10.0.1.11")
            + Server("B", ", UserData = {|TDSL328:\"userdata/b.sh\"|}").Replace("10.0.1.10", "10.0.1.12")
            + Server("C", ", UserData = \"userdata/c.sh\"").Replace("10.0.1.10", "10.0.1.13")),
        new InMemoryAdditionalText("/project/userdata/self.sh", "echo ${Self.PrivateIp}\n"),
        new InMemoryAdditionalText("/project/userdata/a.sh", "echo ${B.PrivateIp}\n"),
        new InMemoryAdditionalText("/project/userdata/b.sh", "echo ${A}\n"),
        new InMemoryAdditionalText("/project/userdata/c.sh", "echo ${A.PrivateIp} ${AWS::StackName}\n"));

    [Fact]
    public Task TDSL329_TooManySecurityGroups() => Markup.VerifyAsync(Stack(Network
        + string.Concat(Enumerable.Range(1, 6).Select(i => Group("G" + i, "")))
        + Server("Six", groups: ", Uses<G1>, Uses<G2>, Uses<G3>, Uses<G4>, Uses<G5>, {|TDSL329:Uses<G6>|}")
        + Server("Five", groups: ", Uses<G1>, Uses<G2>, Uses<G3>, Uses<G4>, Uses<G5>").Replace("10.0.1.10", "10.0.1.11")));

    [Fact]
    public Task TDSL329_RaisedQuotaFromBuildProperty() => Markup.VerifyAsync(Stack(Network
            + string.Concat(Enumerable.Range(1, 6).Select(i => Group("G" + i, "")))
            + Server("Six", groups: ", Uses<G1>, Uses<G2>, Uses<G3>, Uses<G4>, Uses<G5>, Uses<G6>")),
        new BuildPropertiesProvider(("TopologyDslSecurityGroupsPerInterface", "6")));

    [Fact]
    public Task TDSL330_TooManyRules() => Markup.VerifyAsync(Stack(Network
        + Group("Many", string.Concat(Enumerable.Range(1, 60).Select(i => $", Ingress(Tcp, {i}, \"10.0.0.0/8\")"))
            + ", {|TDSL330:Ingress(Tcp, 61, \"10.0.0.0/8\")|}"
            + string.Concat(Enumerable.Range(1, 60).Select(i => $", Ingress(Tcp, {i}, \"::/0\")")))
        + Group("AtLimit", string.Concat(Enumerable.Range(1, 60).Select(i => $", Egress(Tcp, {i}, \"10.0.0.0/8\")")))));

    /// <summary>A second group-to-group rule is also a second resource of the same name (TDSL210), reported beside it.</summary>
    [Fact]
    public Task TDSL331_DuplicateRule() => Markup.VerifyAsync(Stack(Network
        + Group("Web", ", Ingress(Tcp, 443, \"0.0.0.0/0\", Description = \"a\"), {|TDSL331:Ingress(Tcp, 443, \"0.0.0.0/0\", Description = \"b\")|}"
            + ", Ingress(Udp, 443, \"0.0.0.0/0\"), Ingress(Tcp, 443, \"10.0.0.0/8\"), Ingress(Tcp, 443, \"0.0.0.0/0\", ToPort = 444)"
            + ", Egress(Tcp, 443, \"0.0.0.0/0\"), IngressFrom<Db>(Tcp, 3306), {|TDSL210:{|TDSL331:IngressFrom<Db>(Tcp, 3306)|}|}")
        + Group("Db", "")));
}

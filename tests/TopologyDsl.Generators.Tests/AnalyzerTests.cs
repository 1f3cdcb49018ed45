using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// One test per diagnostic ID: the wrong case fires exactly the marked diagnostics at the marked
/// spans; the near miss beside it is quiet. Every source is compiled with the generator and the
/// analyzer, so compiler errors would show up here too.
/// </summary>
public class AnalyzerTests
{
    private const string Ami = TestCompilation.AmiParameter;

    /// <summary>A valid two-tier network; tests add to it or replace lines of it.</summary>
    private const string Network = TestCompilation.TwoTierNetwork + "[SecurityGroup<Net>(\"web\"), Ingress(Tcp, 443, \"0.0.0.0/0\")] public partial record Web;\n";

    private static string Stack(string body, string attributes = "[Stack(\"shop\")]") =>
        "namespace Shop;\n" + attributes + "\npublic static partial class Shop\n{\n" + Ami + body + "}\n";

    private static string Server(string ip = "\"10.0.1.10\"", string extra = "") =>
        "[Instance<Public>(" + ip + ", ImageId = nameof(Ami), InstanceType = \"t3.micro\"" + extra + "), Uses<Web>] public partial record Server;\n";

    [Fact]
    public Task ValidTopology_HasNoDiagnostics() => Markup.VerifyAsync(Stack(Network + Server(extra: ", PublicIp = true")));

    [Fact]
    public Task TDSL001_RecordNotPartial() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public record {|TDSL001:Net|};
        [Vpc("10.1.0.0/16")] public partial record Fine;
        """));

    [Fact]
    public Task TDSL001_RecordNotPartial_ReferencedElsewhere_ReportedWithTheCompilerError() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public record {|TDSL001:Net|};
        [Subnet<{|CS0311:Net|}>("10.0.1.0/24")] public partial record A;
        [InternetGateway<{|CS0311:Net|}>] public class {|TDSL001:Igw|} { }
        """));

    [Fact]
    public async Task TDSL001_ComesFromTheGenerator_SoACommandLineBuildShowsIt()
    {
        // csc stops at declaration errors such as CS0311 before it runs analyzers; generator diagnostics are reported before that.
        var (source, _) = Markup.Parse(TestCompilation.Prelude + Stack("""
            [Vpc("10.0.0.0/16")] public record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            """));
        var run = TestCompilation.RunGenerator(TestCompilation.Create(source));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("TDSL001", diagnostic.Id);
        Assert.Equal("Net", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public Task TDSL001_OnePartNotPartial_ReportedThere() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        public record {|CS0260:{|TDSL001:Net|}|};
        """));

    [Fact]
    public Task TDSL011_StaticClass_NothingGenerated() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public static partial class {|TDSL011:Extra|} { }
        [Vpc("10.1.0.0/16")] public partial record Fine;
        """));

    [Fact]
    public Task TDSL011_StaticClassReferenced() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public static partial class {|TDSL011:Extra|} { }
        [Subnet<{|CS0718:Extra|}>("10.0.1.0/24")] public partial record A;
        """));

    [Fact]
    public Task TDSL011_Generic() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record {|TDSL011:Net|}<T>;
        [Vpc("10.1.0.0/16")] public partial class {|TDSL011:Other|}<T1, T2> { }
        """));

    [Fact]
    public Task TDSL011_NearMiss_AbstractAndSealedTypesTakeTheirInterface() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public abstract partial record Net;
        [Vpc("10.1.0.0/16")] public sealed partial class Other { }
        [Subnet<Net>("10.0.1.0/24")] internal sealed partial record A;
        """));

    [Fact]
    public Task TDSL012_StackMemberNamedBuildTemplate_NothingGenerated() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record {|TDSL012:BuildTemplate|};
        [Subnet<{|CS0311:BuildTemplate|}>("10.0.1.0/24")] public partial record A;
        """));

    [Fact]
    public Task TDSL012_ParameterlessMethod() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        public static int {|TDSL012:BuildTemplate|}() => 0;
        """));

    [Fact]
    public Task TDSL012_NearMiss_OverloadsWithParametersOrTypeParameters() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        public static int BuildTemplate(int copies) => copies;
        public static T BuildTemplate<T>() where T : new() => new();
        public partial record BuildTemplates;
        """));

    [Fact]
    public Task ResourceAttributeOnAStruct_OnlyTheCompilersError_NothingGenerated() => Markup.VerifyAsync(Stack("""
        [{|CS0592:Vpc|}("10.0.0.0/16")] public partial struct Net { }
        [{|CS0592:Vpc|}("10.1.0.0/16")] public partial record struct Other;
        [{|CS0592:Vpc|}("10.2.0.0/16")] public partial interface IThird { }
        [Vpc("10.3.0.0/16")] public partial record Fine;
        """));

    [Fact]
    public Task TDSL003_StackNotPartial_ReferencedResources_ReportedWithTheCompilerError() => Markup.VerifyAsync("""
        namespace Shop;
        [Stack("shop")]
        public static class {|TDSL003:Shop|}
        {
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<{|CS0311:Net|}>("10.0.1.0/24")] public partial record A;
        }
        """);

    [Fact]
    public Task TDSL002_ResourceOutsideStack() => Markup.VerifyAsync(Stack(Network) + """
        public static class Loose
        {
            [{|TDSL002:Vpc("10.9.0.0/16")|}] public partial record Stray;
            public record NotAResource;
        }
        """);

    [Fact]
    public Task TDSL003_StackNotPartial() => Markup.VerifyAsync("""
        namespace Shop;
        [Stack("shop")]
        public static class {|TDSL003:Shop|}
        {
            [Vpc("10.0.0.0/16")] public partial record Net;
        }
        """);

    [Fact]
    public Task TDSL004_StackNested() => Markup.VerifyAsync("""
        namespace Shop;
        public static partial class Outer
        {
            [Stack("shop")]
            public static partial class {|TDSL004:Shop|}
            {
                [Vpc("10.0.0.0/16")] public partial record Net;
            }
        }
        """);

    /// <summary>
    /// A stack nested in a stack is reported (TDSL004) and still checked: the analyzer passes over the
    /// records of a stack without binding them, but not over a class, which may be a misplaced stack.
    /// </summary>
    [Fact]
    public Task TDSL004_StackNestedInAStack_IsStillChecked() => Markup.VerifyAsync("""
        namespace Shop;
        [Stack("shop")]
        public static partial class Shop
        {
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Stack("inner")]
            public static partial class {|TDSL004:Inner|}
            {
                [Subnet<Net>({|TDSL106:"10.9.1.0/24"|})] public partial record Stray;
            }
        }
        """);

    [Fact]
    public Task TDSL005_TwoResourceAttributes() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16"), {|TDSL005:SecurityGroup<Net>("web")|}] public partial record Net;
        """));

    [Fact]
    public Task TDSL006_RouteOnSomethingElse() => Markup.VerifyAsync(Stack(Network + """
        [Vpc("10.1.0.0/16"), {|TDSL006:Route<Igw>("0.0.0.0/0")|}] public partial record Other;
        """));

    [Fact]
    public Task TDSL007_InvalidStackName() => Markup.VerifyAsync(Stack(Network, "[Stack({|TDSL007:\"1-shop_web\"|})]"));

    [Fact]
    public Task TDSL007_NearMiss_HyphensAllowed() => Markup.VerifyAsync(Stack(Network, "[Stack(\"shop-web-2\")]"));

    [Fact]
    public Task TDSL270_NatGatewayInAnotherZone() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>("10.0.1.0/24", Zone = 0)] public partial record PublicA;
        [Subnet<Net>("10.0.11.0/24", Zone = 0)] public partial record AppA;
        [Subnet<Net>("10.0.12.0/24", Zone = 1)] public partial record AppB;
        [InternetGateway<Net>] public partial record Igw;
        [NatGateway<PublicA>] public partial record Nat;
        [RouteTable<Net>, Associate<PublicA>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
        [RouteTable<Net>, Associate<AppA>, {|TDSL270:Associate<AppB>|}, Route<Nat>("0.0.0.0/0")] public partial record PrivateRoutes;
        """));

    [Fact]
    public Task TDSL008_ZoneNoRegionHas() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>("10.0.1.0/24", Zone = {|TDSL008:6|})] public partial record Seventh;
        [Subnet<Net>("10.0.2.0/24", Zone = 5)] public partial record Sixth;
        """));

    [Fact]
    public Task TDSL008_PortOutOfRange() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [SecurityGroup<Net>("web"), Ingress(Tcp, {|TDSL008:70000|}, "0.0.0.0/0"), Ingress(Tcp, 65535, "0.0.0.0/0")] public partial record Web;
        [SecurityGroup<Net>("range"), Ingress(Udp, 1000, "10.0.0.0/16", ToPort = {|TDSL008:999|}), Ingress(Udp, 1000, "10.0.0.0/16", ToPort = 2000)] public partial record Range;
        """));

    [Fact]
    public Task TDSL009_UnknownParameterType() => Markup.VerifyAsync(Stack("""
        [Parameter(Type = {|TDSL009:"Strin"|})] public partial record Name;
        [Parameter(Type = "List<AWS::EC2::Subnet::Id>")] public partial record Subnets;
        [Parameter(Type = "AWS::SSM::Parameter::Value<String>")] public partial record FromSsm;
        [Vpc("10.0.0.0/16")] public partial record Net;
        """));

    [Fact]
    public Task TDSL010_InstanceWithoutImage() => Markup.VerifyAsync(Stack(Network + """
        [{|TDSL010:Instance<Public>("10.0.1.10", InstanceType = "t3.micro")|}] public partial record Server;
        """));

    [Fact]
    public Task TDSL010_EmptyGroupDescriptionAndKeyName() => Markup.VerifyAsync(Stack(Network + """
        [SecurityGroup<Net>({|TDSL010:" "|})] public partial record Blank;
        [SecurityGroup<Net>("db")] public partial record Db;
        [Instance<Private>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", KeyName = {|TDSL010:""|}), Uses<Db>] public partial record Server;
        [Instance<Private>("10.0.2.11", ImageId = nameof(Ami), InstanceType = "t3.micro", KeyName = "web-admin"), Uses<Db>] public partial record Keyed;
        """));

    [Fact]
    public async Task TDSL010_MessageShowsAValidValueOfTheArgument()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + Stack(Network + """
            [SecurityGroup<Net>("")] public partial record Blank;
            [Instance<Private>("10.0.2.10", InstanceType = "t3.micro", KeyName = ""), Uses<Web>] public partial record NoImage;
            [Instance<Private>("10.0.2.11", ImageId = nameof(Ami)), Uses<Web>] public partial record NoType;
            [Vpc("10.9.0.0/16")] public partial record Other;
            [VpcPeering<Other>] public partial record NoPeer;
            [VpcPeering<Other>(PeerVpcId = "vpc-0123456789abcdef0", PeerOwnerId = "123456789012")] public partial record NoRole;
            """));
        Assert.Equal(
        [
            "Description of 'Blank' is missing; give a few words on what the group lets in, such as \"Web servers: HTTP from anywhere\"",
            "ImageId of 'NoImage' is missing; give an AMI ID such as ami-0123456789abcdef0 or a parameter's name (nameof(ImageId))",
            "InstanceType of 'NoType' is missing; give an instance type such as t3.micro or a parameter's name (nameof(InstanceType))",
            "KeyName of 'NoImage' is missing; give a key pair's name such as web-admin or a parameter's name (nameof(KeyName)), or leave KeyName out for no key pair",
            "PeerRoleArn of 'NoRole' is missing; give the ARN of the peer account's role that accepts the peering, such as arn:aws:iam::123456789012:role/AcceptPeering, or a parameter's name",
            "PeerVpcId of 'NoPeer' is missing; give the peer VPC's ID such as vpc-0123456789abcdef0 or a parameter's name (nameof(PeerVpcId))",
        ], diagnostics.Where(d => d.Id == "TDSL010").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public Task TDSL101_MalformedCidr() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>({|TDSL101:"10.0.1/24"|})] public partial record A;
        [Subnet<Net>({|TDSL101:"10.0.02.0/24"|})] public partial record B;
        [Subnet<Net>({|TDSL101:"10.0.3.0/33"|})] public partial record C;
        [Subnet<Net>("10.0.4.0/24")] public partial record D;
        """));

    /// <summary>The example in the message fits the value: a /16 for a VPC's blocks, a /24 for a subnet's.</summary>
    [Fact]
    public async Task TDSL101_MessageExampleFitsAVpcOrASubnet()
    {
        var source = Stack("""
            [Vpc({|TDSL101:"10.0/16"|}, SecondaryCidrBlocks = [{|TDSL101:"10.1.0.0/33"|}])] public partial record Broken;
            [Vpc("10.2.0.0/16")] public partial record Net;
            [Subnet<Net>({|TDSL101:"10.2.1/24"|})] public partial record A;
            [Subnet<Net>("10.2.2.0/24")] public partial record B;
            """);
        await Markup.VerifyAsync(source);
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + Markup.Parse(source).Source);
        Assert.Equal(
        [
            "CIDR block of 'A' is '10.2.1/24', which is not an IPv4 CIDR block such as 10.0.1.0/24",
            "CIDR block of 'Broken' is '10.0/16', which is not an IPv4 CIDR block such as 10.0.0.0/16",
            "Secondary CIDR block of 'Broken' is '10.1.0.0/33', which is not an IPv4 CIDR block such as 10.0.0.0/16",
        ], diagnostics.Where(d => d.Id == "TDSL101").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(System.StringComparer.Ordinal));
    }

    /// <summary>
    /// A rule's peer may also be an IPv6 block or a parameter's name, and the message says so: a misspelt
    /// parameter name and an IPv6 block with a bad prefix are malformed; the parameter and a good IPv6 block are not.
    /// </summary>
    [Fact]
    public async Task TDSL101_RulePeer_MessageNamesIpv6BlocksAndParameters()
    {
        var source = Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Parameter(Default = "203.0.113.7/32")] public partial record AdminCidr;
            [SecurityGroup<Net>("web"), Ingress(Tcp, 22, {|TDSL101:"AdminCdir"|}), Ingress(Tcp, 22, nameof(AdminCidr)),
                Ingress(Tcp, 443, {|TDSL101:"2001:db8::/129"|}), Ingress(Tcp, 443, "2001:db8::/64")] public partial record Web;
            """);
        await Markup.VerifyAsync(source);
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + Markup.Parse(source).Source);
        const string alternatives = " (nor an IPv6 block such as 2001:db8::/64, nor the name of a parameter of the stack)";
        Assert.Equal(
        [
            "Ingress source of 'Web' is '2001:db8::/129', which is not an IPv4 CIDR block such as 10.0.1.0/24" + alternatives,
            "Ingress source of 'Web' is 'AdminCdir', which is not an IPv4 CIDR block such as 10.0.1.0/24" + alternatives,
        ], diagnostics.Where(d => d.Id == "TDSL101").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public Task TDSL102_MalformedIpAddress() => Markup.VerifyAsync(Stack(Network + Server("{|TDSL102:\"10.0.1.300\"|}")));

    [Fact]
    public Task TDSL103_HostBitsSet() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>({|TDSL103:"10.0.1.5/24"|})] public partial record A;
        [Subnet<Net>("10.0.2.0/24")] public partial record B;
        """));

    [Fact]
    public async Task TDSL103_MessageSuggestsTheNetworkAddress()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.5/24")] public partial record A;
            """));
        var message = Assert.Single(diagnostics, d => d.Id == "TDSL103").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("CIDR block of 'A' is 10.0.1.5/24, which has host bits set; the block is 10.0.1.0/24", message);
    }

    [Fact]
    public Task TDSL104_VpcBlockSize() => Markup.VerifyAsync(Stack("""
        [Vpc({|TDSL104:"10.0.0.0/15"|})] public partial record Big;
        [Vpc("10.2.0.0/16")] public partial record Largest;
        [Vpc("10.3.0.0/28")] public partial record Smallest;
        [Vpc({|TDSL104:"10.4.0.0/29"|})] public partial record Tiny;
        """));

    [Fact]
    public Task TDSL105_SubnetBlockSize() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>({|TDSL105:"10.0.1.0/29"|})] public partial record A;
        [Subnet<Net>("10.0.2.0/28")] public partial record B;
        """));

    [Fact]
    public Task TDSL106_SubnetOutsideVpc() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>({|TDSL106:"10.1.1.0/24"|})] public partial record A;
        [Subnet<Net>("10.0.255.0/24")] public partial record B;
        [Subnet<Net>({|TDSL106:"10.1.1.0/25"|})] public partial record C;
        """));

    [Fact]
    public async Task TDSL106_MessageNamesBothSides()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + Stack("""
            [Vpc("10.0.0.0/16")] public partial record Network;
            [Subnet<Network>("10.1.1.0/24")] public partial record PublicSubnet;
            """));
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "TDSL106");
        Assert.Equal("Subnet 'PublicSubnet' uses 10.1.1.0/24, which is not inside VPC 'Network' 10.0.0.0/16", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public Task TDSL107_SubnetsOverlap() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>("10.0.0.0/23")] public partial record A;
        [Subnet<Net>({|TDSL107:"10.0.1.0/24"|})] public partial record B;
        [Subnet<Net>("10.0.2.0/24")] public partial record C;
        [Vpc("10.1.0.0/16")] public partial record Other;
        [Subnet<Other>("10.1.0.0/23")] public partial record D;
        """));

    [Fact]
    public async Task TDSL107_PointsAtTheFirstSubnetToo()
    {
        var (source, _) = Markup.Parse(TestCompilation.Prelude + Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record First;
            [Subnet<Net>("10.0.1.128/25")] public partial record Second;
            """));
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL107");
        Assert.Equal("\"10.0.1.128/25\"", Text(source, diagnostic.Location));
        Assert.Equal("\"10.0.1.0/24\"", Text(source, Assert.Single(diagnostic.AdditionalLocations)));
    }

    [Fact]
    public Task TDSL108_InstanceIpOutsideSubnet() => Markup.VerifyAsync(Stack(Network + Server("{|TDSL108:\"10.0.2.10\"|}")));

    [Theory]
    [InlineData("10.0.1.0")]
    [InlineData("10.0.1.1")]
    [InlineData("10.0.1.2")]
    [InlineData("10.0.1.3")]
    [InlineData("10.0.1.255")]
    public Task TDSL109_InstanceIpReserved(string ip) => Markup.VerifyAsync(Stack(Network + Server("{|TDSL109:\"" + ip + "\"|}")));

    [Theory]
    [InlineData("10.0.1.4")]
    [InlineData("10.0.1.254")]
    public Task TDSL109_NearMiss_FirstAndLastUsable(string ip) => Markup.VerifyAsync(Stack(Network + Server("\"" + ip + "\"")));

    [Fact]
    public async Task TDSL109_MessageSaysWhichReservedAddress()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + Stack(Network + Server("\"10.0.1.1\"")));
        Assert.Contains("the VPC router's address (network + 1)", Assert.Single(diagnostics, d => d.Id == "TDSL109").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task TDSL110_DuplicatePrivateIp() => Markup.VerifyAsync(Stack(Network + Server() + """
        [Instance<Public>({|TDSL110:"10.0.1.10"|}, ImageId = nameof(Ami), InstanceType = "t3.micro")] public partial record Twin;
        [Instance<Public>("10.0.1.11", ImageId = nameof(Ami), InstanceType = "t3.micro")] public partial record Neighbour;
        """));

    [Fact]
    public Task TDSL111_PublicVpcRange() => Markup.VerifyAsync(Stack("""
        [Vpc({|TDSL111:"11.0.0.0/16"|})] public partial record Public;
        [Vpc("100.64.0.0/16")] public partial record Shared;
        [Vpc("192.168.0.0/16")] public partial record Home;
        """));

    [Fact]
    public Task TDSL112_DockerBridge() => Markup.VerifyAsync(Stack("""
        [Vpc({|TDSL112:"172.17.0.0/16"|})] public partial record Clash;
        [Vpc("172.18.0.0/16")] public partial record Fine;
        """));

    [Fact]
    public Task TDSL113_RouteInsideVpc() => Markup.VerifyAsync(Stack(Network.Replace(
        "Route<Igw>(\"0.0.0.0/0\")", "Route<Igw>(\"0.0.0.0/0\"), Route<Igw>({|TDSL113:\"10.0.5.0/24\"|}), Route<Igw>(\"192.168.0.0/16\")")));

    /// <summary>A route to exactly one subnet's block through a NAT gateway is a "more specific route" AWS allows; through the internet gateway, or to a block that is no subnet, it is not.</summary>
    [Fact]
    public Task TDSL113_MoreSpecificRouteThroughNat_IsAllowed() => Markup.VerifyAsync(Stack(Network
        .Replace("Route<Nat>(\"0.0.0.0/0\")", "Route<Nat>(\"0.0.0.0/0\"), Route<Nat>(\"10.0.1.0/24\"), Route<Nat>({|TDSL113:\"10.0.1.0/25\"|})")
        .Replace("Route<Igw>(\"0.0.0.0/0\")", "Route<Igw>(\"0.0.0.0/0\"), Route<Igw>({|TDSL113:\"10.0.2.0/24\"|})")));

    [Fact]
    public Task TDSL114_DuplicateRoute() => Markup.VerifyAsync(Stack(Network.Replace(
        "Route<Nat>(\"0.0.0.0/0\")", "Route<Nat>(\"0.0.0.0/0\"), Route<Nat>({|TDSL114:\"0.0.0.0/0\"|}), Route<Nat>(\"172.16.0.0/12\")")));

    [Fact]
    public Task TDSL115_SecondaryBlockOverlaps() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16", SecondaryCidrBlocks = ["10.1.0.0/16", {|TDSL115:"10.0.128.0/17"|}, {|TDSL115:"10.1.4.0/24"|}, "10.2.0.0/16"])] public partial record Net;
        """));

    [Fact]
    public Task TDSL115_SubnetsMayUseASecondaryBlock() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16", SecondaryCidrBlocks = new[] { "10.1.0.0/16" })] public partial record Net;
        [Subnet<Net>("10.1.1.0/24")] public partial record InSecondary;
        [Subnet<Net>({|TDSL106:"10.2.1.0/24"|})] public partial record Outside;
        """));

    [Fact]
    public Task TDSL116_SecondaryBlockFromARestrictedRange() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16", SecondaryCidrBlocks = [{|TDSL116:"172.16.0.0/16"|}, {|TDSL116:"192.168.0.0/16"|}, "100.64.0.0/16", "10.1.0.0/16"])] public partial record Ten;
        [Vpc("192.168.0.0/20", SecondaryCidrBlocks = ["192.168.16.0/20"])] public partial record Home;
        """));

    [Fact]
    public Task TDSL117_TooManyVpcBlocks() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16", SecondaryCidrBlocks = ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.4.0.0/16", {|TDSL117:"10.5.0.0/16"|}])] public partial record Six;
        [Vpc("10.10.0.0/16", SecondaryCidrBlocks = ["10.11.0.0/16", "10.12.0.0/16", "10.13.0.0/16", "10.14.0.0/16"])] public partial record Five;
        """));

    [Fact]
    public Task TDSL201_ReferenceToARecordOfNoStack() => Markup.VerifyAsync(Stack(Network + """
        [Subnet<{|TDSL201:Handmade|}>("10.9.1.0/24")] public partial record Stray;
        [Subnet<Net>("10.0.9.0/24")] public partial record Fine;
        """) + "public sealed record Handmade : IVpc;\n");

    [Fact]
    public Task TDSL202_UserDataFileMissing() => Markup.VerifyAsync(
        Stack(Network + Server(extra: ", UserData = {|TDSL202:\"userdata/missing.sh\"|}") + """
            [Instance<Private>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "userdata/db.sh")] public partial record Db;
            """),
        new InMemoryAdditionalText("/project/userdata/db.sh", "#!/bin/bash\necho ${AWS::Region}\n"));

    [Fact]
    public Task TDSL203_UnknownSubstitution() => Markup.VerifyAsync(
        Stack(Network + Server(extra: ", UserData = {|TDSL203:\"userdata/web.sh\"|}")
            + "[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\", UserData = \"userdata/fine.sh\")] public partial record Db;\n",
            "[Stack(\"shop\"), Output(\"Url\", {|TDSL203:\"http://${Server.PublicAddress}/\"|}), Output(\"Ok\", \"http://${Server.PrivateIp}/${AWS::Region}\")]"),
        new InMemoryAdditionalText("/project/userdata/web.sh", "echo ${Nope} ${!Literal}\n"),
        new InMemoryAdditionalText("/project/userdata/fine.sh", "echo ${Server.PrivateIp} ${Ami} ${NatEip} ${!x}\n"));

    [Fact]
    public Task TDSL204_InvalidInstanceSetting() => Markup.VerifyAsync(Stack(Network + """
        [Instance<Public>("10.0.1.10", ImageId = {|TDSL204:"Amy"|}, InstanceType = {|TDSL204:"tiny"|})] public partial record A;
        [Instance<Public>("10.0.1.11", ImageId = "ami-0123456789abcdef0", InstanceType = "m7g.large", KeyName = "mine")] public partial record B;
        """));

    [Fact]
    public Task TDSL205_CrossVpcWiring() => Markup.VerifyAsync(Stack(Network + """
        [Vpc("10.1.0.0/16")] public partial record Other;
        [Subnet<Other>("10.1.1.0/24")] public partial record OtherSubnet;
        [SecurityGroup<Other>("other")] public partial record OtherGroup;
        [SecurityGroup<Net>("app"), IngressFrom<{|TDSL205:OtherGroup|}>(Tcp, 8080), IngressFrom<Web>(Tcp, 8080)] public partial record App;
        [RouteTable<Other>, Associate<OtherSubnet>, Route<{|TDSL205:Igw|}>("0.0.0.0/0")] public partial record OtherRoutes;
        [Instance<Public>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Web>, Uses<{|TDSL205:OtherGroup|}>] public partial record Server;
        """));

    [Fact]
    public Task TDSL206_SubnetInTwoRouteTables() => Markup.VerifyAsync(Stack(Network + """
        [RouteTable<Net>, Associate<{|TDSL206:Public|}>] public partial record Again;
        """));

    [Fact]
    public Task TDSL207_TwoInternetGateways() => Markup.VerifyAsync(Stack(Network + """
        [InternetGateway<{|TDSL207:Net|}>] public partial record Igw2;
        [Vpc("10.1.0.0/16")] public partial record Other;
        [InternetGateway<Other>] public partial record OtherIgw;
        """));

    [Fact]
    public Task TDSL208_NatGatewayInPrivateSubnet() => Markup.VerifyAsync(Stack(Network + """
        [NatGateway<{|TDSL208:Private|}>] public partial record Nat2;
        """));

    [Fact]
    public Task TDSL209_PublicIpWithoutInternetRoute() => Markup.VerifyAsync(Stack(Network + """
        [Instance<Private>("10.0.2.10", PublicIp = {|TDSL209:true|}, ImageId = nameof(Ami), InstanceType = "t3.micro")] public partial record Db;
        [Instance<Public>("10.0.1.10", PublicIp = true, ImageId = nameof(Ami), InstanceType = "t3.micro")] public partial record Web2;
        """));

    [Fact]
    public Task TDSL210_DuplicateLogicalId() => Markup.VerifyAsync(Stack(Network + """
        [Parameter] public partial record {|TDSL210:IgwAttachment|};
        [Parameter] public partial record IgwAttached;
        """));

    [Fact]
    public Task TDSL211_JumpHostWithoutPublicIp() => Markup.VerifyAsync(Stack(Network + """
        [Instance<Public>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro")] public partial record Hidden;
        [Instance<Public>("10.0.1.11", PublicIp = true, ImageId = nameof(Ami), InstanceType = "t3.micro")] public partial record Bastion;
        [Instance<Private>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), SshVia<{|TDSL211:Hidden|}>] public partial record Db;
        [Instance<Private>("10.0.2.11", ImageId = nameof(Ami), InstanceType = "t3.micro"), SshVia<Bastion>] public partial record Db2;
        """));

    [Fact]
    public Task TDSL212_PublicSubnetWithoutInternetRoute() => Markup.VerifyAsync(Stack(Network
        .Replace("[Subnet<Net>(\"10.0.1.0/24\")]", "[Subnet<Net>(\"10.0.1.0/24\", Kind = SubnetKind.Public)]")
        .Replace("[Subnet<Net>(\"10.0.2.0/24\")]", "[Subnet<Net>(\"10.0.2.0/24\", Kind = SubnetKind.Private)]") + """
        [Subnet<Net>("10.0.3.0/24", Kind = {|TDSL212:SubnetKind.Public|})] public partial record Lost;
        """));

    [Fact]
    public Task TDSL213_PrivateSubnetWithInternetRoute() => Markup.VerifyAsync(Stack(Network
        .Replace("[Subnet<Net>(\"10.0.1.0/24\")]", "[Subnet<Net>(\"10.0.1.0/24\", Kind = {|TDSL213:SubnetKind.Private|})]")));

    [Fact]
    public Task TDSL214_SecretNotReadable() => Markup.VerifyAsync(
        Stack(Network + """
            [Secret] public partial record Pass;
            [Secret] public partial record Unused;
            [Instance<Public>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = {|TDSL214:"boot.sh"|}), Uses<Web>] public partial record Blind;
            [Instance<Public>("10.0.1.11", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "boot.sh"), Uses<Web>, ReadsSecret<Pass>] public partial record Sees;
            [Instance<Public>("10.0.1.12", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Web>, ReadsSecret<{|CS0311:Web|}>] public partial record Wrong;
            """),
        new InMemoryAdditionalText("/p/boot.sh", "aws secretsmanager get-secret-value --secret-id '${Pass}'\n"));

    private const string Signals = "#!/bin/bash\ntrap '/opt/aws/bin/cfn-signal -e $? --stack ${AWS::StackName} --resource ${LogicalId} --region ${AWS::Region}' EXIT\n";

    private static string Signaller(string name, string ip, string extra) =>
        "[Instance<Public>(\"" + ip + "\", ImageId = nameof(Ami), InstanceType = \"t3.micro\"" + extra + "), Uses<Web>] public partial record " + name + ";\n";

    [Fact]
    public Task TDSL215_SignalNeverSent() => Markup.VerifyAsync(
        Stack(Network
            + Signaller("Silent", "10.0.1.10", ", UserData = \"quiet.sh\", SignalTimeoutMinutes = {|TDSL215:15|}")
            + Signaller("OnlyInAComment", "10.0.1.11", ", UserData = \"comment.sh\", SignalTimeoutMinutes = {|TDSL215:15|}")
            + Signaller("Signalled", "10.0.1.12", ", UserData = \"signal.sh\", SignalTimeoutMinutes = 15")
            + Signaller("ByTheCli", "10.0.1.13", ", UserData = \"cli.sh\", SignalTimeoutMinutes = 720")),
        new InMemoryAdditionalText("/p/quiet.sh", "#!/bin/bash\ndnf install -y httpd\n"),
        new InMemoryAdditionalText("/p/comment.sh", "#!/bin/bash\n# TODO: cfn-signal when done\n"),
        new InMemoryAdditionalText("/p/signal.sh", Signals),
        new InMemoryAdditionalText("/p/cli.sh", "aws cloudformation signal-resource --stack-name ${AWS::StackName} --logical-resource-id ${LogicalId} --unique-id 1 --status SUCCESS\n"));

    [Fact]
    public Task TDSL216_SignalWithoutUserData() => Markup.VerifyAsync(
        Stack(Network
            + Signaller("Nothing", "10.0.1.10", ", SignalTimeoutMinutes = {|TDSL216:15|}")
            + Signaller("Something", "10.0.1.11", ", UserData = \"signal.sh\", SignalTimeoutMinutes = 15")
            + Signaller("NoWait", "10.0.1.12", "")),
        new InMemoryAdditionalText("/p/signal.sh", Signals));

    [Fact]
    public Task TDSL217_SignalNotAwaited() => Markup.VerifyAsync(
        Stack(Network
            + Signaller("Hasty", "10.0.1.10", ", UserData = {|TDSL217:\"signal.sh\"|}")
            + Signaller("Patient", "10.0.1.11", ", UserData = \"signal.sh\", SignalTimeoutMinutes = 15")
            + Signaller("Plain", "10.0.1.12", ", UserData = \"plain.sh\"")),
        new InMemoryAdditionalText("/p/signal.sh", Signals),
        new InMemoryAdditionalText("/p/plain.sh", "#!/bin/bash\n# no cfn-signal: nothing waits\necho ${AWS::StackName}\n"));

    [Fact]
    public Task TDSL008_SignalTimeoutRange() => Markup.VerifyAsync(
        Stack(Network
            + Signaller("Negative", "10.0.1.10", ", UserData = \"signal.sh\", SignalTimeoutMinutes = {|TDSL008:-1|}")
            + Signaller("OverTwelveHours", "10.0.1.11", ", UserData = \"signal.sh\", SignalTimeoutMinutes = {|TDSL008:721|}")
            + Signaller("OneMinute", "10.0.1.12", ", UserData = \"signal.sh\", SignalTimeoutMinutes = 1")),
        new InMemoryAdditionalText("/p/signal.sh", Signals));

    /// <summary>
    /// The message names the script's line, and the name a misspelling most likely meant: a resource, a pseudo
    /// parameter, an attribute of the resource, or the resource that has the attribute. A name nothing is close to gets no guess.
    /// </summary>
    [Fact]
    public async Task TDSL203_MessageNamesTheLineAndTheClosestName()
    {
        var source = Stack(Network + Server(extra: ", UserData = \"userdata/web.sh\""),
            "[Stack(\"shop\"), Output(\"Url\", \"http://${Server.PublicIP}/\")]");
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + source,
            [new InMemoryAdditionalText("/project/userdata/web.sh", "#!/bin/bash\necho ${AWS::Regoin}\n\ncurl ${Sever.PrivateIp} ${Nat}\necho ${Serverr} ${Unrelated}\n")]);
        Assert.Equal(
        [
            "'${AWS::Regoin}' in the user data of instance 'Server' (userdata/web.sh, line 2) names nothing in stack 'shop'; did you mean '${AWS::Region}'?",
            "'${Server.PublicIP}' in output 'Url' names nothing in stack 'shop'; did you mean '${Server.PublicIp}'?",
            "'${Serverr}' in the user data of instance 'Server' (userdata/web.sh, line 5) names nothing in stack 'shop'; did you mean '${Server}'?",
            "'${Sever.PrivateIp}' in the user data of instance 'Server' (userdata/web.sh, line 4) names nothing in stack 'shop'; did you mean '${Server.PrivateIp}'?",
            "'${Unrelated}' in the user data of instance 'Server' (userdata/web.sh, line 5) names nothing in stack 'shop'",
        ], diagnostics.Where(d => d.Id == "TDSL203").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public Task TDSL203_LogicalIdOnlyInUserData() => Markup.VerifyAsync(
        Stack(Network + Signaller("Server", "10.0.1.10", ", UserData = \"signal.sh\", SignalTimeoutMinutes = 15"),
            "[Stack(\"shop\"), Output(\"Id\", {|TDSL203:\"${LogicalId}\"|})]"),
        new InMemoryAdditionalText("/p/signal.sh", Signals));

    [Fact]
    public Task TDSL008_SecretLength() => Markup.VerifyAsync(Stack("""
        [Secret(Length = {|TDSL008:7|})] public partial record Short;
        [Secret(Length = 8)] public partial record JustLongEnough;
        """));

    [Fact]
    public Task TDSL301_InvalidLogicalId() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record {|TDSL301:Main_Net|};
        [Vpc("10.1.0.0/16")] public partial record MainNet2;
        """));

    /// <summary>ICMP type -1 (every type) between groups: the generated rule's logical ID stays letters and digits.</summary>
    [Fact]
    public Task TDSL301_NearMiss_AllIcmpTypesBetweenGroups() => Markup.VerifyAsync(Stack(Network
        + "[SecurityGroup<Net>(\"db\"), IngressFrom<Web>(Icmp, -1, Description = \"ping\"), IngressFrom<Web>(All, 0, Description = \"all\")] public partial record Db;\n"));

    [Fact]
    public Task TDSL302_TooManyResources() => Markup.VerifyAsync(Stack(
        "[Vpc(\"10.0.0.0/16\")] public partial record Net;\n"
        + string.Concat(Enumerable.Range(0, 500).Select(i => $"[SecurityGroup<Net>(\"g{i}\")] public partial record G{i};\n")),
        "[Stack({|TDSL302:\"shop\"|})]"));

    /// <summary>
    /// Over the quota with fewer attributes than resources (a VPC with flow logs is four resources): the
    /// analyzer's early read from syntax is skipped and the validator stops at the quota, as reported.
    /// </summary>
    [Fact]
    public Task TDSL302_TooManyResources_FromFewerAttributes() => Markup.VerifyAsync(Stack(
        string.Concat(Enumerable.Range(0, 130).Select(i => $"[Vpc(\"10.{i}.0.0/16\", FlowLogs = true)] public partial record Net{i};\n")),
        "[Stack({|TDSL302:\"shop\"|})]"));

    [Fact]
    public Task TDSL303_TooManyParameters() => Markup.VerifyAsync(Stack(
        "[Vpc(\"10.0.0.0/16\")] public partial record Net;\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"[Parameter] public partial record P{i};\n")),
        "[Stack({|TDSL303:\"shop\"|})]"));

    [Fact]
    public Task TDSL304_TooManyOutputs() => Markup.VerifyAsync(Stack("[Vpc(\"10.0.0.0/16\")] public partial record Net;\n",
        "[Stack({|TDSL304:\"shop\"|})]\n" + string.Concat(Enumerable.Range(0, 201).Select(i => $"[Output(\"O{i}\", \"v\")]\n"))));

    [Fact]
    public Task Quotas_NearMiss_AtTheLimit() => Markup.VerifyAsync(Stack(
        "[Vpc(\"10.0.0.0/16\")] public partial record Net;\n" + string.Concat(Enumerable.Range(0, 199).Select(i => $"[Parameter] public partial record P{i};\n")),
        "[Stack(\"shop\")]\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"[Output(\"O{i}\", \"v\")]\n"))));

    /// <summary>
    /// The file of wrong cases the package test compiles in a real build, analyzed in memory and
    /// rendered as a user reads it: every message of every rule in one reviewed snapshot.
    /// </summary>
    [Fact]
    public async Task WrongCases_Listing()
    {
        var source = System.IO.File.ReadAllText(TopologyDsl.Testing.Repo.PathOf("tests", "TopologyDsl.Package.Tests", "Cases", "WrongCases.cs.txt")).Replace("\r\n", "\n");
        var diagnostics = await TestCompilation.DiagnosticsAsync(source,
        [
            new InMemoryAdditionalText("/app/boot.sh", "#!/bin/bash\necho ${Web} ${AWS::Region}\n"),
            new InMemoryAdditionalText("/app/self.sh", "#!/bin/bash\necho ${Server.PrivateIp}\n"),
            new InMemoryAdditionalText("/app/secret.sh", "#!/bin/bash\naws secretsmanager get-secret-value --secret-id '${Pass}'\necho ${Token}\n"),
            new InMemoryAdditionalText("/app/signal.sh", "#!/bin/bash\ntrap '/opt/aws/bin/cfn-signal -e $? --stack ${AWS::StackName} --resource ${LogicalId}' EXIT\n"),
            new InMemoryAdditionalText("/app/quiet.sh", "#!/bin/bash\ndnf install -y httpd\n"),
        ]);
        TopologyDsl.Testing.Snapshot.Verify(DiagnosticListing.Render(source, diagnostics), "txt");
    }

    private static string Text(string source, Location location) => source.Substring(location.SourceSpan.Start, location.SourceSpan.Length);
}

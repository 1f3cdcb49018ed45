using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The per-region quotas (TDSL311 gateway endpoints, TDSL312 Elastic IPs) over stacks that share nothing: no
/// import between them, no imported stack in common. The compilation-end pass counts the stacks of each region
/// together, in deploy order; a stack under the quota alone but over it with the stacks before it is reported
/// there once, at its record past the quota, with the region's count. A stack's region is the one its zones
/// name, else that of the stacks it imports; a stack of no known region counts with every region (the program's
/// count, when no stack names one).
/// </summary>
public class RegionQuotaTests
{
    /// <summary>The gateway endpoint quota lowered by build property to keep the sources short; the Elastic IP one is AWS's 5.</summary>
    private static readonly BuildPropertiesProvider Quotas = new(("TopologyDslGatewayEndpointsPerRegion", "2"));

    /// <summary>A stack of its own VPC (one NAT gateway: one Elastic IP) holding <paramref name="body"/>.</summary>
    private static string Stack(string name, string body) =>
        "[Stack(\"" + name.ToLowerInvariant() + "\")]\npublic static partial class " + name + "\n{\n" + TestCompilation.TwoTierNetwork
        + "[SecurityGroup<Net>(\"web\"), Ingress(Tcp, 443, \"0.0.0.0/0\")] public partial record Web;\n" + body + "}\n";

    /// <summary>More NAT gateways in the public subnet, named as given (which may carry marks): one Elastic IP each.</summary>
    private static string Nats(params string[] names) => string.Concat(names.Select(n => "[NatGateway<Public>] public partial record " + n + ";\n"));

    /// <summary>Instances with an Elastic IP at 10.0.1.{first}.., each with the ElasticIp argument's text given (which may carry a mark).</summary>
    private static string ElasticIps(int first, params string[] elasticIps) => string.Concat(elasticIps.Select((e, i) =>
        "[Instance<Public>(\"10.0.1." + (first + i) + "\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", ElasticIp = " + e
        + "), Uses<Web>] public partial record Server" + (first + i) + ";\n"));

    /// <summary>Gateway endpoints, each on a route table of its own.</summary>
    private static string Gateways(params string[] names) => string.Concat(names.Select((n, i) =>
        "[RouteTable<Net>] public partial record T" + i + ";\n"
        + "[GatewayEndpoint<Net>(EndpointServices.DynamoDb), EndpointRouteTable<T" + i + ">] public partial record " + n + ";\n"));

    private static Task Verify(params string[] stacks) => Markup.VerifyAsync("namespace Shop;\n" + string.Concat(stacks), Quotas);

    private static async Task<string[]> Messages(string id, params string[] stacks) =>
        (await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + "namespace Shop;\n" + string.Concat(stacks), [], Quotas))
        .Where(d => d.Id == id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, System.StringComparer.Ordinal).ToArray();

    // ---- TDSL312: Elastic IPs per region ----

    /// <summary>Three NAT gateways in each of two stacks: six in the region. Beta's third is the sixth.</summary>
    [Fact]
    public Task TDSL312_TwoIndependentStacks_OverTogether_ReportedAtTheRecordPastTheQuota() => Verify(
        Stack("Alpha", Nats("Nat2", "Nat3")),
        Stack("Beta", Nats("Nat2", "{|TDSL312:Nat3|}")));

    [Fact]
    public async Task TDSL312_TwoIndependentStacks_TheMessageCountsTheProgram() => Assert.Equal(
        ["The Elastic IP of instance 'Server21' is one of 6 Elastic IP addresses that the program allocates; AWS allows 5 per Region by default"],
        await Messages("TDSL312", Stack("Alpha", ElasticIps(10, "true", "true")), Stack("Beta", ElasticIps(20, "true", "true"))));

    /// <summary>Two each in three stacks: Gamma's instance is the sixth.</summary>
    [Fact]
    public Task TDSL312_ThreeIndependentStacks_OverTogether_ReportedInTheStackThatCrossesIt() => Verify(
        Stack("Alpha", ElasticIps(10, "true")),
        Stack("Beta", ElasticIps(20, "true")),
        Stack("Gamma", ElasticIps(30, "{|TDSL312:true|}")));

    /// <summary>Three in each of three stacks: Beta crosses the quota, and Gamma's, all past it, are reported once, at its first.</summary>
    [Fact]
    public Task TDSL312_ThreeIndependentStacks_EachStackPastTheQuotaReportedOnce() => Verify(
        Stack("Alpha", Nats("Nat2", "Nat3")),
        Stack("Beta", Nats("Nat2", "{|TDSL312:Nat3|}")),
        Stack("Gamma", Nats("Nat2", "Nat3")).Replace("public partial record Nat;", "public partial record {|TDSL312:Nat|};"));

    /// <summary>
    /// An independent stack next to a network stack and an application stack on it. The network stack deploys
    /// before the application stack, though its key orders it after, so it is counted first: Alpha's two, the
    /// network's two, and App's second is the sixth (App is within the quota with the network alone).
    /// </summary>
    [Fact]
    public Task TDSL312_IndependentStackAndAStackWithItsImports_CountedTogether() => Verify(
        Stack("Alpha", ElasticIps(10, "true")),
        Stack("Network", "").Replace("public partial record Nat;", "public partial record Nat;\n[NatGateway<Public>] public partial record Nat2;"),
        "[Stack(\"app\")]\npublic static partial class App\n{\n"
        + "[Instance<Network.Public>(\"10.0.1.20\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", ElasticIp = true), Uses<Network.Web>] public partial record Server20;\n"
        + "[Instance<Network.Public>(\"10.0.1.21\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", ElasticIp = {|TDSL312:true|}), Uses<Network.Web>] public partial record Server21;\n"
        + "}\n");

    [Fact]
    public Task TDSL312_NearMiss_IndependentStacksTogetherAtTheQuota() => Verify(
        Stack("Alpha", Nats("Nat2", "Nat3")),
        Stack("Beta", ElasticIps(20, "true", "false")));

    // ---- TDSL311: gateway endpoints per region ----

    [Fact]
    public Task TDSL311_TwoIndependentStacks_OverTogether_ReportedAtTheEndpointPastTheQuota() => Verify(
        Stack("Alpha", Gateways("G0")),
        Stack("Beta", Gateways("G0", "{|TDSL311:G1|}")));

    [Fact]
    public Task TDSL311_ThreeIndependentStacks_OverTogether_ReportedInTheStackThatCrossesIt() => Verify(
        Stack("Alpha", Gateways("G0")),
        Stack("Beta", Gateways("G0")),
        Stack("Gamma", Gateways("{|TDSL311:G0|}")));

    [Fact]
    public async Task TDSL311_ThreeIndependentStacks_TheMessageCountsTheProgram() => Assert.Equal(
        ["The program declares 3 gateway endpoints; AWS allows 2 per region by default"],
        await Messages("TDSL311", Stack("Alpha", Gateways("G0")), Stack("Beta", Gateways("G0")), Stack("Gamma", Gateways("G0"))));

    [Fact]
    public Task TDSL311_NearMiss_IndependentStacksTogetherAtTheQuota() => Verify(
        Stack("Alpha", Gateways("G0")),
        Stack("Beta", ""),
        Stack("Gamma", Gateways("G0")));

    /// <summary>Beta is over on its own: reported once, by its own pass with its own count, though Alpha adds one.</summary>
    [Fact]
    public async Task TDSL311_StackOverAlone_ReportedOnceWithItsOwnCount()
    {
        await Verify(Stack("Alpha", Gateways("G0")), Stack("Beta", Gateways("G0", "G1", "{|TDSL311:G2|}")));
        Assert.Equal(
            ["Stack 'Beta' declares 3 gateway endpoints; AWS allows 2 per region by default"],
            await Messages("TDSL311", Stack("Alpha", Gateways("G0")), Stack("Beta", Gateways("G0", "G1", "G2"))));
    }

    // ---- Regions: stacks whose zones name a region count towards that region only ----

    /// <summary><paramref name="body"/> in a stack whose public and private subnets are pinned to the zones given, by ID (or by name, with <paramref name="form"/> "ZoneName").</summary>
    private static string Pinned(string name, string body, string publicZone, string privateZone, string form = "ZoneId") =>
        Stack(name, body)
            .Replace("(\"10.0.1.0/24\")", "(\"10.0.1.0/24\", " + form + " = \"" + publicZone + "\")")
            .Replace("(\"10.0.2.0/24\")", "(\"10.0.2.0/24\", " + form + " = \"" + privateZone + "\")");

    /// <summary>Both subnets in one zone (a private subnet in another zone than its NAT gateway is told so, TDSL270).</summary>
    private static string Ireland(string name, string body) => Pinned(name, body, "euw1-az1", "euw1-az1");

    private static string Virginia(string name, string body) => Pinned(name, body, "use1-az1", "use1-az1");

    /// <summary>Three Elastic IPs in eu-west-1 and three in us-east-1: each region holds three.</summary>
    [Fact]
    public Task TDSL312_NearMiss_StacksInTwoRegions_NotCountedTogether() => Verify(
        Ireland("Alpha", ElasticIps(10, "true", "true")),
        Virginia("Beta", ElasticIps(20, "true", "true")));

    /// <summary>Three and three in eu-west-1 (one stack's zones by ID, the other's by another ID of the region): Beta's second instance is the sixth.</summary>
    [Fact]
    public Task TDSL312_TwoStacksInOneRegion_OverTogether_ReportedAtTheRecordPastTheQuota() => Verify(
        Ireland("Alpha", ElasticIps(10, "true", "true")),
        Pinned("Beta", ElasticIps(20, "true", "{|TDSL312:true|}"), "euw1-az3", "euw1-az3"));

    [Fact]
    public async Task TDSL312_TwoStacksInOneRegion_TheMessageNamesTheRegion() => Assert.Equal(
        ["The Elastic IP of instance 'Server21' is one of 6 Elastic IP addresses that the program in eu-west-1 allocates; AWS allows 5 per Region by default"],
        await Messages("TDSL312",
            Pinned("Alpha", ElasticIps(10, "true", "true"), "eu-west-1a", "eu-west-1a", form: "ZoneName"),
            Ireland("Beta", ElasticIps(20, "true", "true"))));

    /// <summary>
    /// Gamma's zones name no region: it may be deployed to either, so it counts with each. With Alpha's three in
    /// eu-west-1 and Beta's three in us-east-1 its third is the sixth in both; it is reported once, for eu-west-1
    /// (the two counts tie; the first region by name is kept). Alpha and Beta are within the quota in their regions.
    /// </summary>
    [Fact]
    public async Task TDSL312_StackOfNoRegion_CountsWithEveryRegion_ReportedOnce()
    {
        await Verify(
            Ireland("Alpha", ElasticIps(10, "true", "true")),
            Virginia("Beta", ElasticIps(20, "true", "true")),
            Stack("Gamma", ElasticIps(30, "true", "{|TDSL312:true|}")));
        Assert.Equal(
            ["The Elastic IP of instance 'Server31' is one of 6 Elastic IP addresses that the program in eu-west-1 allocates; AWS allows 5 per Region by default"],
            await Messages("TDSL312", Ireland("Alpha", ElasticIps(10, "true", "true")), Virginia("Beta", ElasticIps(20, "true", "true")), Stack("Gamma", ElasticIps(30, "true", "true"))));
    }

    /// <summary>Of the two regions Gamma may deploy to, us-east-1 holds more (four): that one is reported.</summary>
    [Fact]
    public async Task TDSL312_StackOfNoRegion_ReportedForTheRegionThatHoldsMost() => Assert.Equal(
        ["The Elastic IP of instance 'Server30' is one of 7 Elastic IP addresses that the program in us-east-1 allocates; AWS allows 5 per Region by default"],
        await Messages("TDSL312", Ireland("Alpha", ElasticIps(10, "true", "true")), Virginia("Beta", ElasticIps(20, "true", "true", "true")), Stack("Gamma", ElasticIps(30, "true", "true"))));

    /// <summary>A zone ID of a code the table does not list names no region: Alpha counts with Beta's us-east-1, and Beta, after it, crosses the quota.</summary>
    [Fact]
    public Task TDSL312_StackOfAnUnlistedZoneIdCode_CountsWithEveryRegion() => Verify(
        Pinned("Alpha", ElasticIps(10, "true", "true"), "xyz9-az1", "xyz9-az1"),
        Virginia("Beta", ElasticIps(20, "true", "{|TDSL312:true|}")));

    /// <summary>
    /// App pins no zone but imports the network stack, which is in eu-west-1: App deploys there (Fn::ImportValue
    /// reads the exports of its own region only), so Beta's four in us-east-1 do not count with App's.
    /// </summary>
    [Fact]
    public Task TDSL312_NearMiss_StackOfNoZoneImportingAStackOfARegion_CountsInThatRegionOnly() => Verify(
        Ireland("Network", ""),
        "[Stack(\"app\")]\npublic static partial class App\n{\n"
        + "[Instance<Network.Public>(\"10.0.1.20\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", ElasticIp = true), Uses<Network.Web>] public partial record Server20;\n"
        + "[Instance<Network.Public>(\"10.0.1.21\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", ElasticIp = true), Uses<Network.Web>] public partial record Server21;\n"
        + "}\n",
        Virginia("Beta", ElasticIps(20, "true", "true", "true")));

    /// <summary>The same program with Beta in eu-west-1: the network stack's NAT gateway, App's two, then Beta's NAT gateway and its first instance make five; its second is the sixth.</summary>
    [Fact]
    public Task TDSL312_StackOfNoZoneImportingAStackOfARegion_CountsWithThatRegion() => Verify(
        Ireland("Network", ""),
        "[Stack(\"app\")]\npublic static partial class App\n{\n"
        + "[Instance<Network.Public>(\"10.0.1.20\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", ElasticIp = true), Uses<Network.Web>] public partial record Server20;\n"
        + "[Instance<Network.Public>(\"10.0.1.21\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", ElasticIp = true), Uses<Network.Web>] public partial record Server21;\n"
        + "}\n",
        Ireland("Beta", ElasticIps(20, "true", "{|TDSL312:true|}", "true")));

    [Fact]
    public Task TDSL311_NearMiss_StacksInTwoRegions_NotCountedTogether() => Verify(
        Ireland("Alpha", Gateways("G0", "G1")),
        Virginia("Beta", Gateways("G0", "G1")));

    [Fact]
    public async Task TDSL311_TwoStacksInOneRegion_ReportedWithTheRegionsCount()
    {
        await Verify(Virginia("Alpha", Gateways("G0")), Virginia("Beta", Gateways("G0", "{|TDSL311:G1|}")));
        Assert.Equal(
            ["The program in us-east-1 declares 3 gateway endpoints; AWS allows 2 per region by default"],
            await Messages("TDSL311", Virginia("Alpha", Gateways("G0")), Virginia("Beta", Gateways("G0", "G1"))));
    }
}

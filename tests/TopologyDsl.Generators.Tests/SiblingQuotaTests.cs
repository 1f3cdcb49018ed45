using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The region-wide quotas (TDSL310 interface endpoints per VPC, TDSL311 gateway endpoints per region,
/// TDSL312 Elastic IPs per region) in a program of unrelated stacks that share the network stack. The
/// stack's own pass (a symbol action, live) counts it and what it imports; the compilation-end pass
/// counts the earlier unrelated stacks too. A stack over a quota on its own is reported once, by its own
/// pass, with its own count; a stack under it alone but over it with the stacks before it, once, by the
/// compilation-end pass, with that count. The quotas are lowered by build property to keep the sources short.
/// </summary>
public class SiblingQuotaTests
{
    private static readonly BuildPropertiesProvider Quotas = new(
        ("TopologyDslInterfaceEndpointsPerVpc", "2"), ("TopologyDslGatewayEndpointsPerRegion", "2"), ("TopologyDslElasticIpsPerRegion", "2"));

    /// <summary>A VPC and the subnets the other stacks use; nothing of it counts towards the quotas.</summary>
    private const string Network = """
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.0.0.0/16")] public partial record Main;
            [Subnet<Main>("10.0.1.0/24")] public partial record PublicA;
            [Subnet<Main>("10.0.2.0/24")] public partial record AppA;
            [InternetGateway<Main>] public partial record Igw;
            [RouteTable<Main>, Associate<PublicA>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            [SecurityGroup<Main>("web"), Ingress(Tcp, 443, "0.0.0.0/0")] public partial record Web;
        }

        """;

    /// <summary>A stack that imports the network stack (so it is a sibling of the others) and counts towards no quota.</summary>
    private const string Quiet = "[SecurityGroup<Network.Main>(\"quiet\")] public partial record Quiet;\n";

    /// <summary>A stack named <paramref name="name"/> (its key orders it among the others) holding <paramref name="body"/>.</summary>
    private static string Stack(string name, string body) =>
        "[Stack(\"" + name.ToLowerInvariant() + "\")]\npublic static partial class " + name + "\n{\n" + body + "}\n";

    /// <summary>Interface endpoints for services named <paramref name="prefix"/>0.., each named by <paramref name="names"/> (which may carry marks).</summary>
    private static string Interfaces(string prefix, params string[] names) => string.Concat(names.Select((n, i) =>
        "[InterfaceEndpoint<Network.Main>(\"" + prefix + i + "\"), EndpointSubnet<Network.AppA>] public partial record " + n + ";\n"));

    /// <summary>Gateway endpoints, each on a route table of its own.</summary>
    private static string Gateways(params string[] names) => string.Concat(names.Select((n, i) =>
        "[RouteTable<Network.Main>] public partial record T" + i + ";\n"
        + "[GatewayEndpoint<Network.Main>(EndpointServices.DynamoDb), EndpointRouteTable<T" + i + ">] public partial record " + n + ";\n"));

    /// <summary>Instances with an Elastic IP at 10.0.1.{first}.., each with the ElasticIp argument's text given (which may carry a mark).</summary>
    private static string ElasticIps(int first, params string[] elasticIps) => string.Concat(elasticIps.Select((e, i) =>
        "[Instance<Network.PublicA>(\"10.0.1." + (first + i) + "\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", ElasticIp = " + e
        + "), Uses<Network.Web>] public partial record Server" + (first + i) + ";\n"));

    private static Task Verify(params string[] stacks) => Markup.VerifyAsync("namespace Shop;\n" + Network + string.Concat(stacks), Quotas);

    private static async Task<string[]> Messages(string id, params string[] stacks) =>
        (await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + "namespace Shop;\n" + Network + string.Concat(stacks), [], Quotas))
        .Where(d => d.Id == id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, System.StringComparer.Ordinal).ToArray();

    // ---- TDSL310: interface endpoints per VPC ----

    /// <summary>Beta is over on its own (three in the VPC); Alpha, before it, adds one. Reported once, at Beta's third.</summary>
    [Fact]
    public Task TDSL310_StackOverAlone_WithAnEarlierSibling_ReportedOnce() => Verify(
        Stack("Alpha", Interfaces("a", "A0")),
        Stack("Beta", Interfaces("b", "B0", "B1", "{|TDSL310:B2|}")),
        Stack("Gamma", Quiet));

    [Fact]
    public async Task TDSL310_StackOverAlone_TheMessageCountsTheStackAndItsImports() => Assert.Equal(
        ["VPC 'Network.Main' has 3 interface endpoints; AWS allows 2 per VPC by default"],
        await Messages("TDSL310", Stack("Alpha", Interfaces("a", "A0")), Stack("Beta", Interfaces("b", "B0", "B1", "B2"))));

    /// <summary>One each in three stacks: Gamma's is the third, reported there once (with the count of all three).</summary>
    [Fact]
    public Task TDSL310_UnderAloneOverTogether_ReportedOnceInTheStackThatCrossesIt() => Verify(
        Stack("Alpha", Interfaces("a", "A0")),
        Stack("Beta", Interfaces("b", "B0")),
        Stack("Gamma", Interfaces("c", "{|TDSL310:C0|}")));

    [Fact]
    public async Task TDSL310_UnderAloneOverTogether_TheMessageCountsTheSiblings() => Assert.Equal(
        ["VPC 'Network.Main' has 3 interface endpoints; AWS allows 2 per VPC by default"],
        await Messages("TDSL310", Stack("Alpha", Interfaces("a", "A0")), Stack("Beta", Interfaces("b", "B0")), Stack("Gamma", Interfaces("c", "C0"))));

    [Fact]
    public Task TDSL310_NearMiss_SiblingsTogetherAtTheQuota() => Verify(
        Stack("Alpha", Interfaces("a", "A0")),
        Stack("Beta", Interfaces("b", "B0")),
        Stack("Gamma", Quiet));

    /// <summary>
    /// The quota is per VPC: Beta over it on its own in Main still gets the finding for Edge, which it crosses only
    /// with Alpha's two there (reported at Beta's endpoint in Edge, by the compilation-end pass).
    /// </summary>
    [Fact]
    public Task TDSL310_StackOverAloneInOneVpc_SiblingsPushAnotherVpcOver_BothReported() => Markup.VerifyAsync("namespace Shop;\n"
        + Network.Replace("public partial record Web;", "public partial record Web;\n"
            + "[Vpc(\"10.1.0.0/16\")] public partial record Edge;\n[Subnet<Edge>(\"10.1.1.0/24\")] public partial record EdgeA;\n")
        + Stack("Alpha", Interfaces("a", "A0", "A1").Replace("Network.Main", "Network.Edge").Replace("Network.AppA", "Network.EdgeA"))
        + Stack("Beta", Interfaces("b", "B0", "B1", "{|TDSL310:B2|}")
            + Interfaces("e", "{|TDSL310:E0|}").Replace("Network.Main", "Network.Edge").Replace("Network.AppA", "Network.EdgeA")),
        Quotas);

    // ---- TDSL311: gateway endpoints per region ----

    [Fact]
    public Task TDSL311_StackOverAlone_WithAnEarlierSibling_ReportedOnce() => Verify(
        Stack("Alpha", Gateways("A0")),
        Stack("Beta", Gateways("B0", "B1", "{|TDSL311:B2|}")),
        Stack("Gamma", Quiet));

    [Fact]
    public async Task TDSL311_StackOverAlone_TheMessageCountsTheStackAndItsImports() => Assert.Equal(
        ["Stack 'Beta' with the stacks it imports declares 3 gateway endpoints; AWS allows 2 per region by default"],
        await Messages("TDSL311", Stack("Alpha", Gateways("A0")), Stack("Beta", Gateways("B0", "B1", "B2"))));

    [Fact]
    public Task TDSL311_UnderAloneOverTogether_ReportedOnceInTheStackThatCrossesIt() => Verify(
        Stack("Alpha", Gateways("A0")),
        Stack("Beta", Gateways("B0")),
        Stack("Gamma", Gateways("{|TDSL311:C0|}")));

    [Fact]
    public Task TDSL311_NearMiss_SiblingsTogetherAtTheQuota() => Verify(
        Stack("Alpha", Gateways("A0")),
        Stack("Beta", Quiet),
        Stack("Gamma", Gateways("C0")));

    // ---- TDSL312: Elastic IPs per region ----

    [Fact]
    public Task TDSL312_StackOverAlone_WithAnEarlierSibling_ReportedOnce() => Verify(
        Stack("Alpha", ElasticIps(10, "true")),
        Stack("Beta", ElasticIps(20, "true", "true", "{|TDSL312:true|}")),
        Stack("Gamma", Quiet));

    [Fact]
    public async Task TDSL312_StackOverAlone_TheMessageCountsTheStackAndItsImports() => Assert.Equal(
        ["The Elastic IP of instance 'Server22' is one of 3 Elastic IP addresses that stack 'Beta' with the stacks it imports allocates; AWS allows 2 per Region by default"],
        await Messages("TDSL312", Stack("Alpha", ElasticIps(10, "true")), Stack("Beta", ElasticIps(20, "true", "true", "true"))));

    [Fact]
    public Task TDSL312_UnderAloneOverTogether_ReportedOnceInTheStackThatCrossesIt() => Verify(
        Stack("Alpha", ElasticIps(10, "true")),
        Stack("Beta", ElasticIps(20, "true")),
        Stack("Gamma", ElasticIps(30, "{|TDSL312:true|}")));

    [Fact]
    public Task TDSL312_NearMiss_SiblingsTogetherAtTheQuota() => Verify(
        Stack("Alpha", ElasticIps(10, "true")),
        Stack("Beta", ElasticIps(20, "false")),
        Stack("Gamma", ElasticIps(30, "true")));

    /// <summary>
    /// The network stack itself over the quota (three NAT gateways): reported there, and at each importing
    /// stack's Elastic IP, since every one is past it; Beta's once, though its compilation-end pass counts Alpha's too.
    /// </summary>
    [Fact]
    public Task TDSL312_ImportedStackOverAlone_EachImporterReportedOnce() => Markup.VerifyAsync("namespace Shop;\n"
        + Network.Replace("public partial record Web;", "public partial record Web;\n"
            + "[NatGateway<PublicA>] public partial record Nat1;\n[NatGateway<PublicA>] public partial record Nat2;\n"
            + "[NatGateway<PublicA>] public partial record {|TDSL312:Nat3|};\n")
        + Stack("Alpha", ElasticIps(10, "{|TDSL312:true|}"))
        + Stack("Beta", ElasticIps(20, "{|TDSL312:true|}")),
        Quotas);
}

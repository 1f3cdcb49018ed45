using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The Elastic IP quota (TDSL312): every Elastic IP the program allocates (a NAT gateway's, an
/// instance's with ElasticIp = true) counts, over the stacks seen from a stack, and the first record
/// of that stack past the quota is reported.
/// </summary>
public class ElasticIpTests
{
    private const string Network = TestCompilation.TwoTierNetwork; // one NAT gateway: one Elastic IP

    private static string Stack(string body) =>
        "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + Network
        + "[SecurityGroup<Net>(\"web\"), Ingress(Tcp, 443, \"0.0.0.0/0\")] public partial record Web;\n" + body + "}\n";

    /// <summary>An instance in the public subnet at 10.0.1.{host}; <paramref name="elasticIp"/> is the argument's text, so a test can mark it.</summary>
    private static string Server(int host, string elasticIp = "true") =>
        "[Instance<Public>(\"10.0.1." + host + "\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", ElasticIp = " + elasticIp
        + "), Uses<Web>] public partial record Server" + host + ";\n";

    [Fact]
    public Task TDSL312_SixthElasticIp_ReportedAtTheInstancePastTheQuota() => Markup.VerifyAsync(Stack(
        Server(10) + Server(11) + Server(12) + Server(13) + Server(14, "{|TDSL312:true|}") + Server(15) + Server(16, "false")));

    [Fact]
    public Task TDSL312_NearMiss_FiveElasticIps() => Markup.VerifyAsync(Stack(
        Server(10) + Server(11) + Server(12) + Server(13) + Server(14, "false")));

    [Fact]
    public Task TDSL312_NearMiss_QuotaRaisedByBuildProperty() => Markup.VerifyAsync(Stack(
        Server(10) + Server(11) + Server(12) + Server(13) + Server(14) + Server(15)),
        new BuildPropertiesProvider(("TopologyDslElasticIpsPerRegion", "7")));

    [Fact]
    public Task TDSL312_NatGatewayPastTheQuota_ReportedAtTheRecord() => Markup.VerifyAsync(Stack(
        Server(10) + Server(11) + Server(12) + Server(13)
        + "[NatGateway<Public>] public partial record {|TDSL312:Nat2|};\n[NatGateway<Public>] public partial record Nat3;\n"));

    [Fact]
    public async Task TDSL312_TheMessageCountsEveryElasticIp()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + Stack(
            Server(10) + Server(11) + Server(12) + Server(13) + Server(14) + Server(15)));
        var message = Assert.Single(diagnostics, d => d.Id == "TDSL312").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("The Elastic IP of instance 'Server14' is one of 7 Elastic IP addresses that stack 'Shop' allocates; AWS allows 5 per Region by default", message);
    }

    // ---- Across stacks ----

    /// <summary>A network stack with a NAT gateway in each of two public subnets: two Elastic IPs.</summary>
    private const string NetworkStack = """
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.0.0.0/16")] public partial record Main;
            [Subnet<Main>("10.0.1.0/24", Zone = 0)] public partial record PublicA;
            [Subnet<Main>("10.0.2.0/24", Zone = 1)] public partial record PublicB;
            [InternetGateway<Main>] public partial record Igw;
            [NatGateway<PublicA>] public partial record NatA;
            [NatGateway<PublicB>] public partial record NatB;
            [RouteTable<Main>, Associate<PublicA>, Associate<PublicB>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            [SecurityGroup<Main>("web"), Ingress(Tcp, 443, "0.0.0.0/0")] public partial record Web;
        }

        """;

    private static string App(int servers, string last = "true") =>
        "[Stack(\"app\")]\npublic static partial class App\n{\n"
        + string.Concat(Enumerable.Range(10, servers).Select(host =>
            "[Instance<Network.PublicA>(\"10.0.1." + host + "\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", ElasticIp = "
            + (host == 9 + servers ? last : "true") + "), Uses<Network.Web>] public partial record Server" + host + ";\n"))
        + "}\n";

    /// <summary>The network stack's two and the app stack's four make six: reported in the app stack, at its fourth; the network stack alone is within the quota.</summary>
    [Fact]
    public Task TDSL312_ImportedStacksElasticIpsCount() => Markup.VerifyAsync("namespace Shop;\n" + NetworkStack + App(4, "{|TDSL312:true|}"));

    [Fact]
    public Task TDSL312_NearMiss_ImportedStacksElasticIpsLeaveRoom() => Markup.VerifyAsync("namespace Shop;\n" + NetworkStack + App(3));

    /// <summary>
    /// Two application stacks that both import the network stack, neither the other: the later one (by
    /// key) counts the earlier one's at compilation end, as the program deploys them all to one region.
    /// </summary>
    [Fact]
    public Task TDSL312_SiblingStacksElasticIpsCount_ReportedInTheLaterStack() => Markup.VerifyAsync("namespace Shop;\n" + NetworkStack + App(2)
        + App(2, "{|TDSL312:true|}").Replace("[Stack(\"app\")]\npublic static partial class App", "[Stack(\"other\")]\npublic static partial class Other")
            .Replace("\"10.0.1.1", "\"10.0.1.2"));

    /// <summary>The network stack alone past the quota: reported there, and in the app stack at its first Elastic IP, since every one of them is past it.</summary>
    [Fact]
    public Task TDSL312_ImportedStackAlreadyPastTheQuota_ReportedInBoth() => Markup.VerifyAsync("namespace Shop;\n"
        + NetworkStack.Replace("public partial record NatB;", "public partial record NatB;\n"
            + "[NatGateway<PublicA>] public partial record NatC;\n[NatGateway<PublicA>] public partial record NatD;\n"
            + "[NatGateway<PublicB>] public partial record NatE;\n[NatGateway<PublicB>] public partial record {|TDSL312:NatF|};\n")
        + App(1, "{|TDSL312:true|}"));
}

using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Emit;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The subnet rules that read a table's routes (ReferenceRules, Ipv6Rules), with the routes other stacks declare on
/// route records in the stack's tables (ProgramRules.Routing, as in RoutedPathRulesTests). A route of another stack
/// that sends a private subnet's traffic to the internet gateway breaks TDSL213 (IPv4) or TDSL253 (IPv6): reported
/// once, in the subnet's stack, at its Kind, with the route record's destination as the second place. A route that
/// fills a gap the stack's own view reports (TDSL208, TDSL209, TDSL212, TDSL254) leaves that finding standing: the
/// stack deploys first, and its own template is what is checked.
/// </summary>
public class RoutedSubnetRulesTests
{
    /// <summary>
    /// A dual-stack network: a public subnet routed to the internet gateway, a private subnet whose table sends IPv4 to
    /// the NAT gateway and IPv6 to the egress-only gateway, and a private database subnet with an IPv6 block whose table
    /// has no route at all. Quiet on its own.
    /// </summary>
    private const string Network = """
        namespace Shop;
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.10.0.0/16", FlowLogs = true, Ipv6 = true)] public partial record NetVpc;
            [Subnet<NetVpc>("10.10.1.0/24", Zone = 0, Kind = SubnetKind.Public, Ipv6Index = 0)] public partial record PublicA;
            [Subnet<NetVpc>("10.10.2.0/24", Zone = 0, Kind = SubnetKind.Private, Ipv6Index = 1)] public partial record AppA;
            [Subnet<NetVpc>("10.10.3.0/24", Zone = 0, Kind = SubnetKind.Private, Ipv6Index = 2)] public partial record DbA;
            [InternetGateway<NetVpc>] public partial record Igw;
            [EgressOnlyInternetGateway<NetVpc>] public partial record Eigw;
            [NatGateway<PublicA>] public partial record Nat;
            [RouteTable<NetVpc>, Associate<PublicA>, Route<Igw>("0.0.0.0/0"), Route<Igw>("::/0")] public partial record PublicRoutes;
            [RouteTable<NetVpc>, Associate<AppA>, Route<Nat>("0.0.0.0/0"), Route<Eigw>("::/0")] public partial record AppRoutes;
            [RouteTable<NetVpc>, Associate<DbA>] public partial record DbRoutes;
        }

        """;

    /// <summary>The network stack with <paramref name="records"/> (whole lines, indented as its own) after its records.</summary>
    private static string NetworkWith(string records) => Network.Substring(0, Network.LastIndexOf('}')) + records + "}\n";

    /// <summary>A stack that declares <paramref name="route"/> (a route record into a table of the network stack) and nothing else.</summary>
    private static string Opener(string route) => """
        [Stack("opener")]
        public static partial class Opener
        {
        """ + "\n    " + route + "\n}\n";

    private const string DbOut = "[Route<Network.DbRoutes, Network.Igw>(\"0.0.0.0/0\")] public partial record DbOut;";

    private const string DbOut6 = "[Route<Network.DbRoutes, Network.Igw>(\"::/0\")] public partial record DbOut6;";

    private static string MarkDbKind(string id) =>
        Network.Replace("Kind = SubnetKind.Private, Ipv6Index = 2", "Kind = {|" + id + ":SubnetKind.Private|}, Ipv6Index = 2");

    [Fact]
    public Task Network_WithAnOpenerRoutingElsewhere_HasNoDiagnostics() => Markup.VerifyAsync(
        Network + Opener("[Route<Network.PublicRoutes, Network.Igw>(\"198.51.100.0/24\")] public partial record Partner;"));

    // ---- TDSL213: another stack's IPv4 route makes a private subnet public ----

    /// <summary>
    /// Another stack sends the private database subnet's 0.0.0.0/0 to the internet gateway: the subnet is public in all
    /// but name. Reported on build in the network stack, at the subnet's Kind, once.
    /// </summary>
    [Fact]
    public Task TDSL213_RouteRecordOfAnotherStackSendsThePrivateSubnetToTheInternetGateway() => Markup.VerifyAsync(MarkDbKind("TDSL213") + Opener(DbOut));

    /// <summary>The second place of that TDSL213 is the other stack's route record, at its destination; the message names the network's own table and gateway.</summary>
    [Fact]
    public async Task TDSL213_RouteRecordOfAnotherStack_IsTheSecondPlace()
    {
        var source = TestCompilation.Prelude + Network + Opener(DbOut);
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL213");
        Assert.Equal(At(source, "SubnetKind.Private, Ipv6Index = 2"), diagnostic.Location.SourceSpan.Start);
        Assert.Equal("SubnetKind.Private", Text(source, diagnostic.Location));
        var related = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(At(source, "\"0.0.0.0/0\")] public partial record DbOut"), related.SourceSpan.Start);
        Assert.Equal("\"0.0.0.0/0\"", Text(source, related));
        Assert.Equal("Subnet 'DbA' is declared private, but route table 'DbRoutes' sends traffic to internet gateway 'Igw'",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Near miss: the other stack's default route for the database subnet goes to the NAT gateway.</summary>
    [Fact]
    public Task TDSL213_RouteRecordOfAnotherStackToTheNatGateway_NoDiagnostic() => Markup.VerifyAsync(
        Network + Opener("[Route<Network.DbRoutes, Network.Nat>(\"0.0.0.0/0\")] public partial record DbOut;"));

    /// <summary>Near miss: the other stack's route to the internet gateway is in the public subnet's table, not the private subnet's.</summary>
    [Fact]
    public Task TDSL213_RouteRecordOfAnotherStackInAnotherTable_NoDiagnostic() => Markup.VerifyAsync(
        Network + Opener("[Route<Network.PublicRoutes, Network.Igw>(\"198.51.100.0/24\")] public partial record Partner;"));

    /// <summary>Near miss: ::/0 to the internet gateway is the IPv6 rule's (TDSL253), not TDSL213.</summary>
    [Fact]
    public Task TDSL213_Ipv6RouteRecordOfAnotherStack_IsTDSL253() => Markup.VerifyAsync(MarkDbKind("TDSL253") + Opener(DbOut6));

    /// <summary>
    /// The network's own route to the internet gateway and another stack's too: one TDSL213, the network's own (which the
    /// live analysis shows), its second place the network's own route.
    /// </summary>
    [Fact]
    public async Task TDSL213_OwnRouteAndAnotherStacksRoute_ReportedOnceWithTheOwnRoute()
    {
        var own = Network.Replace("Associate<DbA>]", "Associate<DbA>, Route<Igw>(\"203.0.113.0/24\")]");
        await Markup.VerifyAsync(own.Replace("Kind = SubnetKind.Private, Ipv6Index = 2", "Kind = {|TDSL213:SubnetKind.Private|}, Ipv6Index = 2") + Opener(DbOut));
        var source = TestCompilation.Prelude + own + Opener(DbOut);
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL213");
        Assert.Equal(At(source, "\"203.0.113.0/24\""), Assert.Single(diagnostic.AdditionalLocations).SourceSpan.Start);
    }

    /// <summary>
    /// A tenant's server in the database subnet: its paths take the routed table, but TDSL213 is the subnet's rule, so only
    /// the network stack, which declares the subnet, reports it.
    /// </summary>
    [Fact]
    public Task TDSL213_TenantsServerInTheRoutedSubnet_ReportedOnlyInTheSubnetsStack() => Markup.VerifyAsync(MarkDbKind("TDSL213") + """
        [Stack("tenant")]
        public static partial class Tenant
        {
            [SecurityGroup<Network.NetVpc>("tenant"), Egress(Tcp, 443, "0.0.0.0/0", Description = "updates")] public partial record TenantAccess;
            [Instance<Network.DbA>("10.10.3.20", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<TenantAccess>] public partial record TenantServer;
        }

        """ + Opener(DbOut));

    /// <summary>
    /// The generator validates the network stack with the opener (Link's Routing) and finds the same TDSL213, its second
    /// place in the opener; a Warning, so the network's template is still written.
    /// </summary>
    [Fact]
    public void Generator_RouteRecordOfAnotherStack_SameTDSL213WithItsStack()
    {
        var (linked, input) = NetworkSteps(Network + Opener(DbOut));
        Assert.Equal(["Shop.Opener"], linked.Routing.Select(s => s.Key));
        var found = Assert.Single(TopologyValidator.Validate(linked.Stack, linked.Imported, _ => null, null, linked.Routing), f => f.Id == "TDSL213");
        Assert.Equal("DbA/kind", found.Path.Value);
        Assert.Equal("DbOut/destination", found.Related?.Value);
        Assert.Equal("Shop.Opener", found.RelatedStack);
        Assert.DoesNotContain(TopologyValidator.Validate(linked.Stack, linked.Imported, _ => null), f => f.Id == "TDSL213");
        Assert.Null(input.FirstError);
    }

    /// <summary>A route of the subnet's own table is a second place in the stack (no stack named).</summary>
    [Fact]
    public void TDSL213_OwnRouteToTheInternetGateway_SecondPlaceInTheStack()
    {
        var (linked, _) = NetworkSteps(Network.Replace("Associate<DbA>]", "Associate<DbA>, Route<Igw>(\"0.0.0.0/0\")]"));
        var found = Assert.Single(TopologyValidator.Validate(linked.Stack, linked.Imported, _ => null), f => f.Id == "TDSL213");
        Assert.Equal("DbRoutes/route[0]/destination", found.Related?.Value);
        Assert.Null(found.RelatedStack);
    }

    // ---- TDSL253: another stack's IPv6 route to the internet gateway ----

    /// <summary>Another stack sends the private subnet's ::/0 to the internet gateway: the second place is that route record's destination.</summary>
    [Fact]
    public async Task TDSL253_RouteRecordOfAnotherStackSendsIpv6ToTheInternetGateway()
    {
        await Markup.VerifyAsync(MarkDbKind("TDSL253") + Opener(DbOut6));
        var source = TestCompilation.Prelude + Network + Opener(DbOut6);
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL253");
        var related = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(At(source, "\"::/0\")] public partial record DbOut6"), related.SourceSpan.Start);
        Assert.Equal("\"::/0\"", Text(source, related));
        Assert.Equal("Subnet 'DbA' is declared private, but route table 'DbRoutes' sends ::/0 to internet gateway 'Igw'",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Near miss: the other stack sends ::/0 to the egress-only internet gateway (outbound only).</summary>
    [Fact]
    public Task TDSL253_RouteRecordOfAnotherStackToTheEgressOnlyGateway_NoDiagnostic() => Markup.VerifyAsync(
        Network + Opener("[Route<Network.DbRoutes, Network.Eigw>(\"::/0\")] public partial record DbOut6;"));

    /// <summary>Near miss: the other stack's ::/0 to the internet gateway is in the public subnet's table.</summary>
    [Fact]
    public Task TDSL253_RouteRecordOfAnotherStackInThePublicTable_NoDiagnostic() => Markup.VerifyAsync(
        Network.Replace(", Route<Igw>(\"::/0\")]", "]") + Opener("[Route<Network.PublicRoutes, Network.Igw>(\"::/0\")] public partial record PublicOut6;"));

    /// <summary>The generator finds the same TDSL253 with the opener, its second place in the opener.</summary>
    [Fact]
    public void Generator_RouteRecordOfAnotherStack_SameTDSL253WithItsStack()
    {
        var (linked, input) = NetworkSteps(Network + Opener(DbOut6));
        var found = Assert.Single(TopologyValidator.Validate(linked.Stack, linked.Imported, _ => null, null, linked.Routing), f => f.Id == "TDSL253");
        Assert.Equal("DbA/kind", found.Path.Value);
        Assert.Equal("DbOut6/destination", found.Related?.Value);
        Assert.Equal("Shop.Opener", found.RelatedStack);
        Assert.DoesNotContain(TopologyValidator.Validate(linked.Stack, linked.Imported, _ => null), f => f.Id == "TDSL253");
        Assert.Null(input.FirstError);
    }

    // ---- A route missing in the stack's own view: that view stands ----

    /// <summary>
    /// A NAT gateway in a subnet whose table gets its route to the internet gateway only from another stack: the network
    /// deploys first, so TDSL208 stands, and as an Error it stops the network's template.
    /// </summary>
    [Fact]
    public async Task TDSL208_RouteRecordOfAnotherStackToTheInternetGateway_TheOwnViewStands()
    {
        const string edge = """
                [Subnet<NetVpc>("10.10.4.0/24", Zone = 0)] public partial record EdgeA;
                [RouteTable<NetVpc>, Associate<EdgeA>] public partial record EdgeRoutes;
                [NatGateway<{|TDSL208:EdgeA|}>] public partial record EdgeNat;

            """;
        var opener = Opener("[Route<Network.EdgeRoutes, Network.Igw>(\"0.0.0.0/0\")] public partial record EdgeOut;");
        var marked = NetworkWith(edge) + opener;
        await Markup.VerifyAsync(marked);
        var (linked, input) = NetworkSteps(Markup.Parse(marked).Source);
        Assert.Single(TopologyValidator.Validate(linked.Stack, linked.Imported, _ => null, null, linked.Routing), f => f.Id == "TDSL208");
        Assert.Equal("TDSL208", input.FirstError);
    }

    /// <summary>
    /// A public subnet, and a server with a public IP in it, whose table gets its route to the internet gateway only from
    /// another stack: TDSL212 and TDSL209 stand, once each.
    /// </summary>
    [Fact]
    public Task TDSL212_TDSL209_RouteRecordOfAnotherStackToTheInternetGateway_TheOwnViewStands() => Markup.VerifyAsync(
        NetworkWith("""
                [Subnet<NetVpc>("10.10.4.0/24", Zone = 0, Kind = {|TDSL212:SubnetKind.Public|})] public partial record DmzA;
                [RouteTable<NetVpc>, Associate<DmzA>] public partial record DmzRoutes;
                [SecurityGroup<NetVpc>("web"), Ingress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS")] public partial record WebAccess;
                [Instance<DmzA>("10.10.4.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", PublicIp = {|TDSL209:true|}), Uses<WebAccess>] public partial record Web;

            """) + Opener("[Route<Network.DmzRoutes, Network.Igw>(\"0.0.0.0/0\")] public partial record DmzOut;"));

    /// <summary>A subnet that assigns IPv6 addresses and gets its IPv6 route only from another stack: TDSL254 stands.</summary>
    [Fact]
    public Task TDSL254_RouteRecordOfAnotherStackToTheEgressOnlyGateway_TheOwnViewStands() => Markup.VerifyAsync(
        Network.Replace("Ipv6Index = 2)]", "Ipv6Index = 2, AssignIpv6AddressOnCreation = {|TDSL254:true|})]")
        + Opener("[Route<Network.DbRoutes, Network.Eigw>(\"::/0\")] public partial record DbOut6;"));

    /// <summary>The network stack's Link and Assemble outputs of the generator, for the whole program.</summary>
    private static (LinkedStack Linked, RenderInput Input) NetworkSteps(string program)
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + program));
        var steps = run.Result.Results[0].TrackedSteps;
        var linked = steps[TrackingNames.Link].SelectMany(s => s.Outputs).Select(o => (LinkedStack)o.Value).Single(l => l.Stack.ClassName == "Network");
        var input = steps[TrackingNames.Assemble].SelectMany(s => s.Outputs).Select(o => (RenderInput)o.Value).Single(i => i.Stack.ClassName == "Network");
        return (linked, input);
    }

    private static int At(string source, string text)
    {
        var at = source.IndexOf(text, System.StringComparison.Ordinal);
        Assert.True(at >= 0, "not in the source: " + text);
        return at;
    }

    private static string Text(string source, Location location) => source.Substring(location.SourceSpan.Start, location.SourceSpan.Length);
}

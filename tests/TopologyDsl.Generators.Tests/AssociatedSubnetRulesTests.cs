using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Emit;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// A subnet that another stack associates with a route table of its own (<c>[RouteTable&lt;Network.NetVpc&gt;,
/// Associate&lt;Network.AppA&gt;]</c> in a stack that imports the network stack). The subnet's stack never sees that
/// table, yet once the other stack deploys it is the subnet's route table: the other stack counts among the subnet's
/// stack's routing stacks (ProgramRules.Routing), so the rules that read the subnet's routes with them (TDSL213, TDSL253,
/// TDSL404, the reachability rules) see its routes, reported once, in the subnet's stack, with the other stack's route as
/// the second place. What the subnet's own view finds stands (TDSL212, TDSL244: the subnet's stack deploys first, the
/// subnet on the VPC's main table). A subnet has one route table: a second association, within a stack or across
/// stacks, is TDSL206 in the stack that makes it, and the first association is the subnet's table.
/// </summary>
public class AssociatedSubnetRulesTests
{
    /// <summary>
    /// A network stack: a public subnet routed to the internet gateway, a private subnet with an IPv6 block and a second
    /// private subnet, neither associated with a table of the network's (so on the VPC's main table). Quiet on its own.
    /// </summary>
    private const string Network = """
        namespace Shop;
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.10.0.0/16", FlowLogs = true, Ipv6 = true)] public partial record NetVpc;
            [Subnet<NetVpc>("10.10.1.0/24", Zone = 0, Kind = SubnetKind.Public)] public partial record PublicA;
            [Subnet<NetVpc>("10.10.2.0/24", Zone = 0, Kind = SubnetKind.Private, Ipv6Index = 1)] public partial record AppA;
            [Subnet<NetVpc>("10.10.3.0/24", Zone = 0, Kind = SubnetKind.Private)] public partial record OtherA;
            [InternetGateway<NetVpc>] public partial record Igw;
            [NatGateway<PublicA>] public partial record Nat;
            [RouteTable<NetVpc>, Associate<PublicA>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
        }

        """;

    /// <summary>The network stack with <paramref name="records"/> (whole lines, indented as its own) after its records.</summary>
    private static string NetworkWith(string records) => Network.Substring(0, Network.LastIndexOf('}')) + records + "}\n";

    /// <summary>A stack named <paramref name="name"/> that declares <paramref name="records"/>.</summary>
    private static string Stack(string name, string records) =>
        "[Stack(\"" + name.ToLowerInvariant() + "\")]\npublic static partial class " + name + "\n{\n    " + records + "\n}\n";

    /// <summary>The application stack's table: the network's private subnet, its 0.0.0.0/0 to the network's internet gateway.</summary>
    private const string AppRoutes = "[RouteTable<Network.NetVpc>, Route<Network.Igw>(\"0.0.0.0/0\"), Associate<Network.AppA>] public partial record AppRoutes;";

    private static readonly string App = Stack("App", AppRoutes);

    private static string MarkAppKind(string network, string id) =>
        network.Replace("Kind = SubnetKind.Private, Ipv6Index = 1", "Kind = {|" + id + ":SubnetKind.Private|}, Ipv6Index = 1");

    /// <summary>A database server in the private subnet, as the network's.</summary>
    private const string DbServer = """
            [SecurityGroup<NetVpc>("db"), Ingress(Tcp, 5432, "10.10.0.0/16", Description = "app"), Egress(Tcp, 443, "0.0.0.0/0", Description = "updates")] public partial record Db;
            [Instance<AppA>("10.10.2.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Db>] public partial record DbServer;

        """;

    // ---- TDSL213: another stack's table makes the private subnet public ----

    /// <summary>
    /// Another stack associates the private subnet with its table, whose 0.0.0.0/0 goes to the internet gateway: the subnet is
    /// public in all but name. Reported on build in the network stack, at the subnet's Kind, once; nothing in the app stack.
    /// </summary>
    [Fact]
    public Task TDSL213_TableOfAnotherStackAssociatesThePrivateSubnet() => Markup.VerifyAsync(MarkAppKind(Network, "TDSL213") + App);

    /// <summary>The second place of that TDSL213 is the other stack's route, at its destination; the message names that stack's table.</summary>
    [Fact]
    public async Task TDSL213_RouteOfTheAssociatingTable_IsTheSecondPlace()
    {
        var source = TestCompilation.Prelude + Network + App;
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL213");
        Assert.Equal(At(source, "SubnetKind.Private, Ipv6Index = 1"), diagnostic.Location.SourceSpan.Start);
        Assert.Equal("SubnetKind.Private", Text(source, diagnostic.Location));
        var related = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(At(source, "\"0.0.0.0/0\"), Associate<Network.AppA>]"), related.SourceSpan.Start);
        Assert.Equal("\"0.0.0.0/0\"", Text(source, related));
        Assert.Equal("Subnet 'AppA' is declared private, but route table 'App.AppRoutes' sends traffic to internet gateway 'Igw'",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Near miss: the other stack's table sends the private subnet's 0.0.0.0/0 to the NAT gateway.</summary>
    [Fact]
    public Task TDSL213_TableOfAnotherStackRoutesToTheNatGateway_NoDiagnostic() => Markup.VerifyAsync(
        Network + Stack("App", AppRoutes.Replace("Route<Network.Igw>", "Route<Network.Nat>")));

    /// <summary>Near miss: the other stack's table to the internet gateway associates a public subnet of that stack, not the network's.</summary>
    [Fact]
    public Task TDSL213_TableOfAnotherStackAssociatesADifferentSubnet_NoDiagnostic() => Markup.VerifyAsync(Network + Stack("App", """
        [Subnet<Network.NetVpc>("10.10.4.0/24", Zone = 0, Kind = SubnetKind.Public)] public partial record AppPublic;
            [RouteTable<Network.NetVpc>, Route<Network.Igw>("0.0.0.0/0"), Associate<AppPublic>] public partial record AppRoutes;
        """));

    /// <summary>
    /// The route to the internet gateway is a route record of a third stack in the associating stack's table: the network
    /// sees it through that table (the third stack counts among its routing stacks too), its second place in the third stack.
    /// </summary>
    [Fact]
    public async Task TDSL213_RouteRecordOfAThirdStackInTheAssociatingTable()
    {
        var program = Network + Stack("App", AppRoutes.Replace("Route<Network.Igw>", "Route<Network.Nat>"))
            + Stack("Opener", "[Route<App.AppRoutes, Network.Igw>(\"198.51.100.0/24\")] public partial record Partner;");
        await Markup.VerifyAsync(MarkAppKind(program, "TDSL213"));
        var source = TestCompilation.Prelude + program;
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL213");
        Assert.Equal(At(source, "\"198.51.100.0/24\""), Assert.Single(diagnostic.AdditionalLocations).SourceSpan.Start);
        var (linked, _) = NetworkSteps(program);
        Assert.Equal(["Shop.App", "Shop.Opener"], linked.Routing.Select(s => s.Key));
    }

    // ---- TDSL253: the same over IPv6 ----

    /// <summary>The other stack's table sends the private subnet's ::/0 to the internet gateway: TDSL253, second place that route.</summary>
    [Fact]
    public async Task TDSL253_TableOfAnotherStackSendsIpv6ToTheInternetGateway()
    {
        var app = Stack("App", AppRoutes.Replace("\"0.0.0.0/0\"", "\"::/0\""));
        await Markup.VerifyAsync(MarkAppKind(Network, "TDSL253") + app);
        var source = TestCompilation.Prelude + Network + app;
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL253");
        Assert.Equal(At(source, "\"::/0\"), Associate<Network.AppA>]"), Assert.Single(diagnostic.AdditionalLocations).SourceSpan.Start);
    }

    // ---- The paths: TDSL404 and a tenant's server ----

    /// <summary>
    /// A database server in the subnet another stack routes to the internet gateway faces the internet: TDSL404 in the
    /// network at the server's subnet, second place the other stack's route; and TDSL213 at the subnet, each once.
    /// </summary>
    [Fact]
    public async Task TDSL404_DatabaseServerInTheSubnetAnotherStackRoutesToTheInternetGateway()
    {
        var network = MarkAppKind(NetworkWith(DbServer), "TDSL213").Replace("[Instance<AppA>(", "[Instance<{|TDSL404:AppA|}>(");
        await Markup.VerifyAllAsync(network + App);
        var source = TestCompilation.Prelude + NetworkWith(DbServer) + App;
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL404");
        Assert.Equal(At(source, "\"0.0.0.0/0\"), Associate<Network.AppA>]"), Assert.Single(diagnostic.AdditionalLocations).SourceSpan.Start);
    }

    /// <summary>
    /// A tenant's database server in the network's subnet: its paths take the other stack's table (a routing stack of the
    /// tenant's too), so the tenant gets TDSL404 at its server; TDSL213 is the subnet's rule, reported in the network only.
    /// </summary>
    [Fact]
    public Task TDSL404_TenantsDatabaseServerInTheAssociatedSubnet_ReportedInItsStack() => Markup.VerifyAllAsync(
        MarkAppKind(NetworkWith("""
                [SecurityGroup<NetVpc>("db"), Ingress(Tcp, 5432, "10.10.0.0/16", Description = "app"), Egress(Tcp, 443, "0.0.0.0/0", Description = "updates")] public partial record Db;

            """), "TDSL213") + App + Stack("Tenant",
            "[Instance<{|TDSL404:Network.AppA|}>(\"10.10.2.20\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\"), Uses<Network.Db>] public partial record TenantDb;"));

    /// <summary>Near miss: the database server sits in the second private subnet, which no stack associates.</summary>
    [Fact]
    public Task TDSL404_DatabaseServerInAnotherSubnet_NoDiagnostic() => Markup.VerifyAllAsync(
        MarkAppKind(NetworkWith(DbServer.Replace("[Instance<AppA>(\"10.10.2.10\"", "[Instance<OtherA>(\"10.10.3.10\"")), "TDSL213") + App);

    /// <summary>An edge stack that asserts its web server (public IP, open to HTTPS) never reachable from the internet, in a subnet it associates with no table.</summary>
    private const string Edge = """
        namespace Shop;
        [Stack("edge")]
        [NeverReachableFromInternet<Web>]
        public static partial class Edge
        {
            [Vpc("10.10.0.0/16", FlowLogs = true)] public partial record EdgeVpc;
            [Subnet<EdgeVpc>("10.10.1.0/24", Zone = 0)] public partial record WebA;
            [Subnet<EdgeVpc>("10.10.2.0/24", Zone = 0)] public partial record OtherA;
            [InternetGateway<EdgeVpc>] public partial record Igw;
            [SecurityGroup<EdgeVpc>("web"), Ingress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS")] public partial record WebAccess;
            [Instance<WebA>("10.10.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", PublicIp = {|TDSL209:true|}), Uses<WebAccess>] public partial record Web;
        }

        """;

    /// <summary>
    /// Another stack associates the web server's subnet with its table to the internet gateway: the edge stack's assertion
    /// is broken (TDSL231 at its attribute, on build), and the generator's same finding stops the edge template. The public
    /// IP without a route of the edge's own (TDSL209) stands.
    /// </summary>
    [Fact]
    public async Task TDSL231_TableOfAnotherStackOpensTheServerToTheInternet()
    {
        var opener = Stack("Opener", "[RouteTable<Edge.EdgeVpc>, Route<Edge.Igw>(\"0.0.0.0/0\"), Associate<Edge.WebA>] public partial record WebRoutes;");
        await Markup.VerifyAsync(Edge.Replace("[NeverReachableFromInternet<Web>]", "[{|TDSL231:NeverReachableFromInternet<Web>|}]") + opener);
        var run = TestCompilation.RunGenerator(TestCompilation.Create(Markup.Parse(TestCompilation.Prelude + Edge + opener).Source));
        var edge = run.Result.Results[0].TrackedSteps[TrackingNames.Assemble].SelectMany(s => s.Outputs).Select(o => (RenderInput)o.Value).Single(i => i.Stack.ClassName == "Edge");
        Assert.Equal("TDSL231", edge.FirstError);
    }

    /// <summary>Near miss: the other stack's table to the internet gateway associates the edge's other subnet.</summary>
    [Fact]
    public Task TDSL231_TableOfAnotherStackAssociatesAnotherSubnet_NoDiagnostic() => Markup.VerifyAsync(Edge
        + Stack("Opener", "[RouteTable<Edge.EdgeVpc>, Route<Edge.Igw>(\"0.0.0.0/0\"), Associate<Edge.OtherA>] public partial record OtherRoutes;"));

    // ---- The subnet's own view stands ----

    /// <summary>
    /// A public subnet that only another stack's table routes to the internet gateway: the network deploys first, the subnet on
    /// the VPC's main table, so TDSL212 stands, once.
    /// </summary>
    [Fact]
    public Task TDSL212_PublicSubnetOnlyAnotherStacksTableRoutes_TheOwnViewStands() => Markup.VerifyAsync(
        Network.Replace("Kind = SubnetKind.Private, Ipv6Index = 1", "Kind = {|TDSL212:SubnetKind.Public|}, Ipv6Index = 1") + App);

    /// <summary>
    /// A Session Manager server in the subnet, whose way out (a NAT gateway) only the other stack's table gives: TDSL244 stands
    /// with the network's own reason (no route table), once.
    /// </summary>
    [Fact]
    public async Task TDSL244_WayOutOnlyThroughAnotherStacksTable_TheOwnViewStands()
    {
        var network = NetworkWith("""
                [SecurityGroup<NetVpc>("managed"), Egress(Tcp, 443, "0.0.0.0/0", Description = "Systems Manager")] public partial record Managed;
                [Instance<AppA>("10.10.2.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", SessionManager = {|TDSL244:true|}), Uses<Managed>] public partial record Worker;

            """);
        var app = Stack("App", AppRoutes.Replace("Route<Network.Igw>", "Route<Network.Nat>"));
        await Markup.VerifyAsync(network + app);
        var source = Markup.Parse(TestCompilation.Prelude + network + app).Source;
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL244");
        Assert.Contains("subnet 'AppA' has no route toward the internet (IPv4) (it has no route table, so only the VPC's local route)",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ---- One route table per subnet: TDSL206, and the first association wins ----

    /// <summary>
    /// The network associates its subnet with a table of its own (to the NAT gateway) and the app stack associates it again:
    /// AWS keeps one route table per subnet, so the app's association is TDSL206 (an Error in the app stack, its second place
    /// the network's association), and the network's subnet keeps its own table: no TDSL213.
    /// </summary>
    [Fact]
    public async Task TDSL206_SubnetTheNetworkAssociatesItself_AppAssociationIsTheErrorAndTheOwnTableStands()
    {
        var network = NetworkWith("""
                [RouteTable<NetVpc>, Associate<AppA>, Route<Nat>("0.0.0.0/0")] public partial record AppSubnetRoutes;

            """);
        await Markup.VerifyAsync(network + Stack("App", AppRoutes.Replace("Associate<Network.AppA>", "Associate<{|TDSL206:Network.AppA|}>")));
        var source = TestCompilation.Prelude + network + App;
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL206");
        Assert.Equal(At(source, "AppA>, Route<Nat>"), Assert.Single(diagnostic.AdditionalLocations).SourceSpan.Start);
        var (linked, input) = NetworkSteps(network + App);
        Assert.Empty(linked.Routing);
        Assert.Null(input.FirstError);
    }

    /// <summary>
    /// The first association wins in the routed view too: the app stack routes into the network for another subnet, so it is a
    /// routing stack of the network's, but its second association of the subnet the network associates is not the subnet's table.
    /// </summary>
    [Fact]
    public void Routed_SecondAssociationOfARoutingStack_IsNotTheSubnetsTable()
    {
        var network = NetworkWith("""
                [RouteTable<NetVpc>, Associate<AppA>, Route<Nat>("0.0.0.0/0")] public partial record AppSubnetRoutes;

            """);
        var app = Stack("App", AppRoutes + "\n    " + AppRoutes.Replace("AppRoutes", "OtherRoutes").Replace("Network.AppA", "Network.OtherA"));
        var (linked, _) = NetworkSteps(network + app);
        Assert.Equal(["Shop.App"], linked.Routing.Select(s => s.Key));
        var index = new StackIndex(linked.Stack, linked.Imported, linked.Routing, _ => null);
        Assert.Equal(["AppSubnetRoutes"], index.TablesOf((SubnetSpec)index.Find("AppA")!).Select(t => t.Name));
        Assert.Equal(["OtherRoutes"], index.TablesOf((SubnetSpec)index.Find("OtherA")!).Select(t => t.Name));
        var found = TopologyValidator.Validate(linked.Stack, linked.Imported, _ => null, null, linked.Routing).Where(f => f.Id == "TDSL213").ToList();
        Assert.Equal(["OtherA/kind"], found.Select(f => f.Path.Value));
    }

    /// <summary>
    /// Two stacks that both import the network associate its subnet: the later is TDSL206 (the check between such stacks, on
    /// build), and the network gets one TDSL213, from the table that routes to the internet gateway.
    /// </summary>
    [Fact]
    public Task TDSL206_TwoStacksAssociateTheSubnet_OneTDSL206AndOneTDSL213() => Markup.VerifyAsync(
        MarkAppKind(Network, "TDSL213") + App
        + Stack("Zapp", "[RouteTable<Network.NetVpc>, Route<Network.Nat>(\"0.0.0.0/0\"), Associate<{|TDSL206:Network.AppA|}>] public partial record ZappRoutes;"));

    // ---- The generator agrees ----

    /// <summary>
    /// The generator hands the network the app stack (Link's Routing) and finds the same TDSL213, its second place in the app
    /// stack; a Warning, so the network's template is still written. Without the routing stacks the network finds nothing.
    /// </summary>
    [Fact]
    public void Generator_TableOfAnotherStack_SameTDSL213WithItsStack()
    {
        var (linked, input) = NetworkSteps(Network + App);
        Assert.Equal(["Shop.App"], linked.Routing.Select(s => s.Key));
        var found = Assert.Single(TopologyValidator.Validate(linked.Stack, linked.Imported, _ => null, null, linked.Routing), f => f.Id == "TDSL213");
        Assert.Equal("AppA/kind", found.Path.Value);
        Assert.Equal("AppRoutes/route[0]/destination", found.Related?.Value);
        Assert.Equal("Shop.App", found.RelatedStack);
        Assert.Empty(TopologyValidator.Validate(linked.Stack, linked.Imported, _ => null));
        Assert.Null(input.FirstError);
    }

    /// <summary>
    /// The network's overview draws the subnet's route through the other stack's table and lists the subnet under the other
    /// stacks' tables; a stack whose subnets no other stack associates has no such section.
    /// </summary>
    [Fact]
    public void Overview_SubnetRoutedThroughAnotherStacksTable()
    {
        var overview = TopologyEmitter.OverviewOf(NetworkSteps(Network + App).Input);
        Assert.Contains("  subnet_AppA -- \"App.AppRoutes: 0.0.0.0/0\" --> igw_Igw\n", overview);
        Assert.EndsWith("""

            ## Subnets on other stacks' route tables

            Subnets of this stack or of its instances that only a route table of another stack associates. That stack creates the association, after this one; the matrix above counts its routes.

            | Subnet | Route table | Routes |
            | --- | --- | --- |
            | AppA | App.AppRoutes | 0.0.0.0/0 to Igw |

            """, overview);
        Assert.DoesNotContain("other stacks' route tables", TopologyEmitter.OverviewOf(NetworkSteps(Network).Input));
    }

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

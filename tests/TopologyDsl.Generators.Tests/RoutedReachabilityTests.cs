using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Emit;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// A stack whose route tables other stacks route into with route records ([Route&lt;TRouteTable, TTarget&gt;]):
/// the hub imports nothing from the spoke, yet the generator's Link step hands it the spoke (ProgramRules.Routing),
/// so the hub's reachability findings and its overview's matrix count the spoke's routes, and the analyzer's
/// compilation-end pass reports what they add.
/// </summary>
public class RoutedReachabilityTests
{
    /// <summary>A directory server whose subnet's table gets its route back from the spoke, and a lab server whose table has none.</summary>
    private const string Hub = """
        namespace Shop;
        [Stack("hub")]
        public static partial class Hub
        {
            [Vpc("10.10.0.0/16", FlowLogs = true)] public partial record HubVpc;
            [Subnet<HubVpc>("10.10.1.0/24", Zone = 0)] public partial record HubA;
            [Subnet<HubVpc>("10.10.2.0/24", Zone = 0)] public partial record LabA;
            [RouteTable<HubVpc>, Associate<HubA>] public partial record HubRoutes;
            [RouteTable<HubVpc>, Associate<LabA>] public partial record LabRoutes;
            [SecurityGroup<HubVpc>("directory"), Ingress(Tcp, 636, "10.20.0.0/16", Description = "LDAPS from the spoke"), Egress(Tcp, 443, "10.10.0.0/16", Description = "inside")] public partial record Directory;
            [Instance<HubA>("10.10.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Directory>] public partial record DirectoryServer;
            [Instance<LabA>("10.10.2.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Directory>] public partial record LabServer;
        }

        """;

    /// <summary>The spoke: peered with the hub, its own route there, and <paramref name="routeBack"/> (a route record into a hub table, or nothing).</summary>
    private static string Spoke(string routeBack) => """
        [Stack("spoke")]
        public static partial class Spoke
        {
            [Vpc("10.20.0.0/16", FlowLogs = true)] public partial record SpokeVpc;
            [Subnet<SpokeVpc>("10.20.1.0/24", Zone = 0)] public partial record SpokeA;
            [VpcPeering<SpokeVpc, Hub.HubVpc>] public partial record SpokeToHub;
            [RouteTable<SpokeVpc>, Associate<SpokeA>, Route<SpokeToHub>("10.10.0.0/16")] public partial record SpokeRoutes;
        """ + routeBack + """

            [SecurityGroup<SpokeVpc>("app"), Egress(Tcp, 636, "10.10.0.0/16", Description = "LDAPS to the hub")] public partial record App;
            [Instance<SpokeA>("10.20.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<App>] public partial record AppServer;
        }

        """;

    private const string RouteBackToDirectory = "    [Route<Hub.HubRoutes, SpokeToHub>(\"10.20.0.0/16\")] public partial record HubToSpoke;";

    /// <summary>A stack that imports from the hub but routes into none of its tables.</summary>
    private const string Monitoring = """
        [Stack("monitoring")]
        public static partial class Monitoring
        {
            [SecurityGroup<Hub.HubVpc>("probe")] public partial record Probe;
        }

        """;

    /// <summary>The hub's validated input, from the generator's Assemble step, for the whole program.</summary>
    private static RenderInput HubInput(string program)
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + program));
        return run.Result.Results[0].TrackedSteps[TrackingNames.Assemble]
            .SelectMany(s => s.Outputs).Select(o => (RenderInput)o.Value).Single(i => i.Stack.ClassName == "Hub");
    }

    /// <summary>
    /// The hub's matrix has the spoke's application server reaching the directory server: the reply takes the
    /// spoke's route record in the hub's table. The lab server, whose table no one routes back from, has no such row.
    /// </summary>
    [Fact]
    public void HubOverview_SpokeReachableThroughItsRouteRecordInTheHubsTable_MatchesSnapshot()
    {
        var input = HubInput(Hub + Spoke(RouteBackToDirectory) + Monitoring);
        Assert.Null(input.FirstError);
        Assert.Equal(["Shop.Spoke"], input.Routing.Select(s => s.Key));
        TopologyDsl.Testing.Snapshot.Verify(TopologyEmitter.OverviewOf(input), "md");
    }

    /// <summary>Near miss: the spoke without the route record hands the hub nothing, and the hub's matrix has no row of the spoke.</summary>
    [Fact]
    public void HubOverview_SpokeWithoutTheRouteRecord_HubSeesNoSpoke()
    {
        var input = HubInput(Hub + Spoke("") + Monitoring);
        Assert.Empty(input.Routing);
        var overview = TopologyEmitter.OverviewOf(input);
        Assert.DoesNotContain("Spoke.", overview);
        Assert.Equal(Overview.Render(new StackIndex(input.Stack, _ => null)), overview);
    }

    /// <summary>Near miss: the route record in the lab's table: the lab server is reachable from the spoke, the directory server is not.</summary>
    [Fact]
    public void HubOverview_RouteRecordInTheLabsTable_OnlyTheLabServerReachable()
    {
        var overview = TopologyEmitter.OverviewOf(HubInput(Hub + Spoke(RouteBackToDirectory.Replace("Hub.HubRoutes", "Hub.LabRoutes")) + Monitoring));
        Assert.Contains("| Spoke.AppServer | LabServer | TCP 636 | peering 'Spoke.SpokeToHub' |\n", overview);
        Assert.DoesNotContain("| Spoke.AppServer | DirectoryServer |", overview);
        Assert.Contains("| Spoke.HubToSpoke | LabRoutes | 10.20.0.0/16 | Spoke.SpokeToHub |\n", overview);
    }

    /// <summary>A stack with a server in the hub's subnet whose table the spoke routes into: its paths take that table.</summary>
    private const string Tenant = """
        [Stack("tenant")]
        public static partial class Tenant
        {
            [Instance<Hub.HubA>("10.10.1.20", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Hub.Directory>] public partial record TenantServer;
        }

        """;

    [Fact]
    public void Link_StacksWhosePathsTakeARoutedTable_GetTheRoutingStackWithWhatItImports_OthersGetNone()
    {
        var third = """
            [Stack("third")]
            public static partial class Third
            {
                [Vpc("10.30.0.0/16")] public partial record ThirdVpc;
            }

            """;
        var program = TestCompilation.Prelude + Hub + third + Spoke(RouteBackToDirectory + "\n    [SecurityGroup<Third.ThirdVpc>(\"elsewhere\")] public partial record Elsewhere;")
            + Monitoring + Tenant;
        var run = TestCompilation.RunGenerator(TestCompilation.Create(program));
        var linked = run.Result.Results[0].TrackedSteps[TrackingNames.Link].SelectMany(s => s.Outputs).Select(o => (LinkedStack)o.Value)
            .ToDictionary(l => l.Stack.ClassName, l => l.Routing.Select(s => s.Key).ToArray());
        Assert.Equal(["Shop.Spoke", "Shop.Third"], linked["Hub"]);      // its own table
        Assert.Equal(["Shop.Spoke", "Shop.Third"], linked["Tenant"]);   // the table of its server's subnet, the hub's
        Assert.Empty(linked["Spoke"]);       // it imports the hub: the route record is its own
        Assert.Empty(linked["Monitoring"]);  // it imports the hub but has no server in a routed subnet
        Assert.Empty(linked["Third"]);
    }

    /// <summary>The tenant's matrix has the spoke's server reaching its server in the hub's subnet, through the spoke's route record there.</summary>
    [Fact]
    public void TenantOverview_ServerInTheHubsSubnet_ReachableFromTheSpoke_ListsTheRouteRecord()
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + Hub + Spoke(RouteBackToDirectory) + Tenant));
        var tenant = run.Result.Results[0].TrackedSteps[TrackingNames.Assemble].SelectMany(s => s.Outputs).Select(o => (RenderInput)o.Value).Single(i => i.Stack.ClassName == "Tenant");
        var overview = TopologyEmitter.OverviewOf(tenant);
        Assert.Contains("| Spoke.AppServer | TenantServer | TCP 636 | peering 'Spoke.SpokeToHub' |\n", overview);
        Assert.Contains("| Spoke.HubToSpoke | Hub.HubRoutes | 10.20.0.0/16 | Spoke.SpokeToHub |\n", overview);
    }

    /// <summary>Hand-built: the routing stacks leave out the stack itself and what it imports already.</summary>
    [Fact]
    public void Routing_LeavesOutTheStackAndWhatItImports()
    {
        static RefSpec FromHub(string name) => new(name, InStack: false, IsError: false, Stack: "Shop.Hub");
        static StackSpec Stack(string className, params ResourceSpec[] resources) =>
            new("Shop", className, true, true, className.ToLowerInvariant(), null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);
        var hub = Stack("Hub",
            new VpcSpec("HubVpc", TypeKeyword.Record, true, "10.10.0.0/16", EquatableArray<string>.Empty, false, 30),
            new RouteTableSpec("HubRoutes", TypeKeyword.Record, true, new RefSpec("HubVpc", true, false), EquatableArray<RefSpec>.Empty, EquatableArray<RouteSpec>.Empty));
        var spoke = Stack("Spoke", new RouteResourceSpec("Out", TypeKeyword.Record, true, FromHub("HubRoutes"), new RouteSpec("192.168.0.0/16", FromHub("HubVpc"))));
        var notATable = Stack("Other", new RouteResourceSpec("Wrong", TypeKeyword.Record, true, FromHub("HubVpc"), new RouteSpec("192.168.0.0/16", FromHub("HubVpc"))));
        var all = new[] { hub, notATable, spoke };
        var byKey = all.ToDictionary(s => s.Key);
        var routers = ProgramRules.RoutersByTable(all, byKey);
        var associators = ProgramRules.AssociatorsBySubnet(all, byKey);
        Assert.Equal(["Shop.Spoke"], ProgramRules.Routing(hub, EquatableArray<StackSpec>.Empty, routers, associators, byKey).Select(s => s.Key));
        Assert.Empty(ProgramRules.Routing(hub, new[] { spoke }.ToEquatableArray(), routers, associators, byKey));
        Assert.Empty(ProgramRules.Routing(spoke, new[] { hub }.ToEquatableArray(), routers, associators, byKey));
    }

    /// <summary>
    /// A hub whose web server must never be reachable from the internet: its table sends only a partner's block to the
    /// internet gateway (so the server's public IP serves that partner alone), not the internet at large.
    /// </summary>
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
            [RouteTable<EdgeVpc>, Associate<WebA>, Route<Igw>("198.51.100.0/24")] public partial record WebRoutes;
            [RouteTable<EdgeVpc>, Associate<OtherA>] public partial record OtherRoutes;
            [SecurityGroup<EdgeVpc>("web"), Ingress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS")] public partial record WebAccess;
            [Instance<WebA>("10.10.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", PublicIp = true), Uses<WebAccess>] public partial record Web;
        }

        """;

    /// <summary>
    /// Another stack opens the web server's table to the internet gateway with a route record: the edge stack's
    /// assertion is broken, reported at compilation end at the edge stack's attribute (its own analysis cannot see it).
    /// </summary>
    [Fact]
    public Task TDSL231_RouteRecordOfAnotherStackOpensTheHubsServerToTheInternet() => Markup.VerifyAsync(
        Edge.Replace("[NeverReachableFromInternet<Web>]", "[{|TDSL231:NeverReachableFromInternet<Web>|}]") + """
        [Stack("opener")]
        public static partial class Opener
        {
            [Route<Edge.WebRoutes, Edge.Igw>("0.0.0.0/0")] public partial record WebOut;
        }
        """);

    /// <summary>Near miss: the route record opens the other subnet's table, which the web server does not use.</summary>
    [Fact]
    public Task TDSL231_RouteRecordOpensAnotherTable_NoDiagnostic() => Markup.VerifyAsync(Edge + """
        [Stack("opener")]
        public static partial class Opener
        {
            [Route<Edge.OtherRoutes, Edge.Igw>("0.0.0.0/0")] public partial record OtherOut;
        }
        """);

    /// <summary>
    /// A tenant's server in the edge stack's web subnet: the opener's route record breaks the tenant's assertion too. The
    /// tenant and the opener both import the edge stack without seeing each other, so the compilation-end check of such
    /// siblings finds it as well; it is reported once.
    /// </summary>
    [Fact]
    public Task TDSL231_TenantsServerInTheRoutedSubnet_ReportedOnceInEachStack() => Markup.VerifyAsync(
        Edge.Replace("[NeverReachableFromInternet<Web>]", "[{|TDSL231:NeverReachableFromInternet<Web>|}]") + """
        [Stack("tenant")]
        [{|TDSL231:NeverReachableFromInternet<TenantWeb>|}]
        public static partial class Tenant
        {
            [Instance<Edge.WebA>("10.10.1.20", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", PublicIp = true), Uses<Edge.WebAccess>] public partial record TenantWeb;
        }

        [Stack("opener")]
        public static partial class Opener
        {
            [Route<Edge.WebRoutes, Edge.Igw>("0.0.0.0/0")] public partial record WebOut;
        }
        """);

    /// <summary>The generator agrees with the analyzer: the same finding stops the edge stack's template.</summary>
    [Fact]
    public void Generator_RouteRecordOfAnotherStackBreaksTheHubsAssertion_NoTemplate()
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + Edge + """
            [Stack("opener")]
            public static partial class Opener
            {
                [Route<Edge.WebRoutes, Edge.Igw>("0.0.0.0/0")] public partial record WebOut;
            }
            """));
        var edge = run.Result.Results[0].TrackedSteps[TrackingNames.Assemble].SelectMany(s => s.Outputs).Select(o => (RenderInput)o.Value).Single(i => i.Stack.ClassName == "Edge");
        Assert.Equal("TDSL231", edge.FirstError);
    }
}

using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The security and endpoint rules that read an instance's paths, with the routes other stacks declare on route
/// records in the tables those paths take (ProgramRules.Routing, as for the reachability rules in
/// RoutedReachabilityTests): whether a database instance faces the internet (TDSL404) and whether a Session
/// Manager instance has a way to Systems Manager (TDSL244). What such a route adds is reported once, in the
/// stack whose rule it is, at the instance, with the route as the second place.
/// </summary>
public class RoutedPathRulesTests
{
    /// <summary>
    /// A data stack: a database server in a subnet whose table has no default route, beside a public subnet with the
    /// VPC's internet gateway and a NAT gateway, and a third subnet whose table no instance uses.
    /// </summary>
    private const string Data = """
        namespace Shop;
        [Stack("data")]
        public static partial class Data
        {
            [Vpc("10.10.0.0/16", FlowLogs = true)] public partial record DataVpc;
            [Subnet<DataVpc>("10.10.1.0/24", Zone = 0)] public partial record PublicA;
            [Subnet<DataVpc>("10.10.2.0/24", Zone = 0)] public partial record DbA;
            [Subnet<DataVpc>("10.10.3.0/24", Zone = 0)] public partial record OtherA;
            [InternetGateway<DataVpc>] public partial record Igw;
            [NatGateway<PublicA>] public partial record Nat;
            [RouteTable<DataVpc>, Associate<PublicA>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            [RouteTable<DataVpc>, Associate<DbA>] public partial record DbRoutes;
            [RouteTable<DataVpc>, Associate<OtherA>] public partial record OtherRoutes;
            [SecurityGroup<DataVpc>("db"), Ingress(Tcp, 5432, "10.10.0.0/16", Description = "app"), Egress(Tcp, 443, "0.0.0.0/0", Description = "updates")] public partial record Db;
            [Instance<DbA>("10.10.2.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Db>] public partial record DbServer;
        }

        """;

    /// <summary>A stack that declares <paramref name="route"/> (a route record into a table of the data stack) and nothing else.</summary>
    private static string Opener(string route) => """
        [Stack("opener")]
        public static partial class Opener
        {
        """ + "\n    " + route + "\n}\n";

    private const string DbOut = "[Route<Data.DbRoutes, Data.Igw>(\"0.0.0.0/0\")] public partial record DbOut;";

    /// <summary>
    /// Another stack sends the database subnet's 0.0.0.0/0 to the internet gateway: the data stack's database server faces
    /// the internet (one Elastic IP away). Reported on build in the data stack, at the server's subnet, once.
    /// </summary>
    [Fact]
    public Task TDSL404_RouteRecordOfAnotherStackSendsTheDatabaseSubnetToTheInternetGateway() => Markup.VerifyAllAsync(
        Data.Replace("[Instance<DbA>(\"10.10.2.10\"", "[Instance<{|TDSL404:DbA|}>(\"10.10.2.10\"") + Opener(DbOut));

    /// <summary>The second place of that TDSL404 is the other stack's route, at its destination.</summary>
    [Fact]
    public async Task TDSL404_RouteRecordOfAnotherStack_IsTheSecondPlace()
    {
        var source = TestCompilation.Prelude + Data + Opener(DbOut);
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL404");
        Assert.Equal("DbA", Text(source, diagnostic.Location));
        Assert.Equal(source.IndexOf("DbA>(\"10.10.2.10\"", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        var related = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(source.IndexOf("\"0.0.0.0/0\")] public partial record DbOut", System.StringComparison.Ordinal), related.SourceSpan.Start);
        Assert.Equal("\"0.0.0.0/0\"", Text(source, related));
        Assert.Contains("sits in subnet 'DbA', which is routed to an internet gateway", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Near miss: the route record opens the third subnet's table, which the database server does not use.</summary>
    [Fact]
    public Task TDSL404_RouteRecordOpensATableTheServerDoesNotUse_NoDiagnostic() => Markup.VerifyAllAsync(
        Data + Opener("[Route<Data.OtherRoutes, Data.Igw>(\"0.0.0.0/0\")] public partial record OtherOut;"));

    /// <summary>Near miss: the database subnet's only default route, declared in another stack, goes to the NAT gateway: not internet-facing.</summary>
    [Fact]
    public Task TDSL404_DefaultRouteOfAnotherStackToTheNatGateway_NoDiagnostic() => Markup.VerifyAllAsync(
        Data + Opener("[Route<Data.DbRoutes, Data.Nat>(\"0.0.0.0/0\")] public partial record DbOut;"));

    /// <summary>
    /// A server of another stack in the data stack's database subnet: its paths take the routed table, so its stack gets
    /// the TDSL404 too, at its own server (the data stack's, at its own).
    /// </summary>
    [Fact]
    public Task TDSL404_TenantsDatabaseServerInTheRoutedSubnet_ReportedInEachStack() => Markup.VerifyAllAsync(
        Data.Replace("[Instance<DbA>(\"10.10.2.10\"", "[Instance<{|TDSL404:DbA|}>(\"10.10.2.10\"") + """
        [Stack("tenant")]
        public static partial class Tenant
        {
            [Instance<{|TDSL404:Data.DbA|}>("10.10.2.20", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Data.Db>] public partial record TenantDb;
        }

        """ + Opener(DbOut));

    /// <summary>The generator validates the data stack with the opener (Link's Routing) and finds the same TDSL404, its second place in the opener.</summary>
    [Fact]
    public void Generator_RouteRecordOfAnotherStack_SameTDSL404WithItsStack()
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + Data + Opener(DbOut)));
        var data = run.Result.Results[0].TrackedSteps[TrackingNames.Link].SelectMany(s => s.Outputs).Select(o => (LinkedStack)o.Value)
            .Single(l => l.Stack.ClassName == "Data");
        Assert.Equal(["Shop.Opener"], data.Routing.Select(s => s.Key));
        var exposed = Assert.Single(TopologyValidator.Validate(data.Stack, data.Imported, _ => null, null, data.Routing), f => f.Id == "TDSL404");
        Assert.Equal("DbServer/subnet", exposed.Path.Value);
        Assert.Equal("DbOut/destination", exposed.Related?.Value);
        Assert.Equal("Shop.Opener", exposed.RelatedStack);
        Assert.DoesNotContain(TopologyValidator.Validate(data.Stack, data.Imported, _ => null), f => f.Id == "TDSL404");
    }

    /// <summary>A route of the table's own stack is a second place in that stack (no stack named).</summary>
    [Fact]
    public void TDSL404_OwnRouteToTheInternetGateway_SecondPlaceInTheStack()
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude
            + Data.Replace("Associate<DbA>]", "Associate<DbA>, Route<Igw>(\"0.0.0.0/0\")]")));
        var data = run.Result.Results[0].TrackedSteps[TrackingNames.Link].SelectMany(s => s.Outputs).Select(o => (LinkedStack)o.Value).Single();
        var exposed = Assert.Single(TopologyValidator.Validate(data.Stack, data.Imported, _ => null), f => f.Id == "TDSL404");
        Assert.Equal("DbRoutes/route[0]/destination", exposed.Related?.Value);
        Assert.Null(exposed.RelatedStack);
    }

    /// <summary>An operations stack whose Session Manager instance sits in a subnet whose table has no way out, and none of the three endpoints.</summary>
    private const string Ops = """
        namespace Shop;
        [Stack("ops")]
        public static partial class Ops
        {
            [Vpc("10.10.0.0/16", FlowLogs = true)] public partial record OpsVpc;
            [Subnet<OpsVpc>("10.10.1.0/24", Zone = 0)] public partial record PublicA;
            [Subnet<OpsVpc>("10.10.2.0/24", Zone = 0)] public partial record OpsA;
            [InternetGateway<OpsVpc>] public partial record Igw;
            [NatGateway<PublicA>] public partial record Nat;
            [RouteTable<OpsVpc>, Associate<PublicA>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            [RouteTable<OpsVpc>, Associate<OpsA>] public partial record OpsRoutes;
            [SecurityGroup<OpsVpc>("managed"), Egress(Tcp, 443, "0.0.0.0/0", Description = "Systems Manager")] public partial record Managed;
            [Instance<OpsA>("10.10.2.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", SessionManager = {|TDSL244:true|}), Uses<Managed>] public partial record Worker;
        }

        """;

    /// <summary>
    /// Another stack sends the subnet's 0.0.0.0/0 to the internet gateway, but the instance has no public IP: the view with
    /// that route breaks TDSL244 too, with another reason, at the same place. It is reported once, with the reason of
    /// the ops stack's own view (which the live analysis shows; the ops stack deploys first).
    /// </summary>
    [Fact]
    public async Task TDSL244_RouteRecordToTheInternetGatewayWithoutPublicIp_ReportedOnce()
    {
        var marked = Ops + Opener("[Route<Ops.OpsRoutes, Ops.Igw>(\"0.0.0.0/0\")] public partial record OpsOut;");
        await Markup.VerifyAsync(marked);
        var (source, _) = Markup.Parse(TestCompilation.Prelude + marked);
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL244");
        Assert.Equal("Instance 'Worker' uses Session Manager but can never register with Systems Manager: subnet 'OpsA' has no route toward the internet (IPv4), "
            + "and VPC 'OpsVpc' has no interface endpoint for ssm, ssmmessages and ec2messages", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        // The view with the opener's route finds the other reason; the validation keeps one finding at the place.
        var run = TestCompilation.RunGenerator(TestCompilation.Create(source));
        var ops = run.Result.Results[0].TrackedSteps[TrackingNames.Link].SelectMany(s => s.Outputs).Select(o => (LinkedStack)o.Value)
            .Single(l => l.Stack.ClassName == "Ops");
        var routed = Assert.Single(TopologyValidator.Routed(ops.Stack, ops.Imported, ops.Routing, _ => null), f => f.Id == "TDSL244");
        Assert.Equal("instance 'Worker' has no public IP, so internet gateway 'Igw' does not carry its traffic", routed.Arguments[1]);
        var found = Assert.Single(TopologyValidator.Validate(ops.Stack, ops.Imported, _ => null, null, ops.Routing), f => f.Id == "TDSL244");
        Assert.Equal("subnet 'OpsA' has no route toward the internet (IPv4)", found.Arguments[1]);
    }

    /// <summary>
    /// A tenant's Session Manager server in the ops stack's subnet, and another stack (a sibling of the tenant: both import
    /// the ops stack) that routes that subnet to the internet gateway: the tenant's own view, the view with the routing
    /// stack and the view with its siblings break TDSL244 at one place, reported once in each stack.
    /// </summary>
    [Fact]
    public Task TDSL244_TenantsServerInTheRoutedSubnet_ReportedOnceInEachStack() => Markup.VerifyAsync(Ops + """
        [Stack("tenant")]
        public static partial class Tenant
        {
            [Instance<Ops.OpsA>("10.10.2.20", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", SessionManager = {|TDSL244:true|}), Uses<Ops.Managed>] public partial record TenantWorker;
        }

        """ + Opener("[Route<Ops.OpsRoutes, Ops.Igw>(\"0.0.0.0/0\")] public partial record OpsOut;"));

    /// <summary>
    /// Another stack sends the subnet's 0.0.0.0/0 to the NAT gateway: the agent gets through once that stack is deployed,
    /// but the ops stack deploys first, and its own view (no way out) stands, as for the reachability rules: one TDSL244.
    /// </summary>
    [Fact]
    public Task TDSL244_RouteRecordToTheNatGateway_TheOwnViewStands() => Markup.VerifyAsync(
        Ops + Opener("[Route<Ops.OpsRoutes, Ops.Nat>(\"0.0.0.0/0\")] public partial record OpsOut;"));

    /// <summary>Near miss: with its own route to the NAT gateway the instance registers, and another stack's route elsewhere changes nothing.</summary>
    [Fact]
    public Task TDSL244_OwnRouteToTheNatGateway_NoDiagnostic() => Markup.VerifyAsync(
        Ops.Replace("Associate<OpsA>]", "Associate<OpsA>, Route<Nat>(\"0.0.0.0/0\")]").Replace("{|TDSL244:true|}", "true")
        + Opener("[Route<Ops.PublicRoutes, Ops.Nat>(\"192.168.0.0/16\")] public partial record ToOffice;"));

    private static string Text(string source, Location location) => source.Substring(location.SourceSpan.Start, location.SourceSpan.Length);
}

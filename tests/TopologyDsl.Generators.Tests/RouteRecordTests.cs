using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Routes declared on their own records ([Route&lt;TRouteTable, TTarget&gt;]), in any stack, against a
/// route table that may be another stack's: the peering of a hub and a spoke in two stacks with routes
/// both ways, and every rule of a table's own routes applied to them with the table's VPC.
/// </summary>
public class RouteRecordTests
{
    /// <summary>The hub: a VPC, a subnet, its route table (no route to the spoke: the spoke declares it), a NAT gateway and a transit gateway.</summary>
    private const string Hub = """
        [Stack("hub")]
        public static partial class Hub
        {
            [Vpc("10.10.0.0/16")] public partial record HubVpc;
            [Subnet<HubVpc>("10.10.1.0/24", Zone = 0)] public partial record HubA;
            [InternetGateway<HubVpc>] public partial record HubIgw;
            [NatGateway<HubA>] public partial record HubNat;
            [RouteTable<HubVpc>, Associate<HubA>, Route<HubIgw>("0.0.0.0/0")] public partial record HubRoutes;
            [TransitGateway] public partial record Tgw;
        }

        """;

    private static string Spoke(string body) => """
        [Stack("spoke")]
        public static partial class Spoke
        {
            [Vpc("10.20.0.0/16")] public partial record SpokeVpc;
            [Subnet<SpokeVpc>("10.20.1.0/24", Zone = 0)] public partial record SpokeA;
            [VpcPeering<SpokeVpc, Hub.HubVpc>] public partial record SpokeToHub;
            [RouteTable<SpokeVpc>, Associate<SpokeA>, Route<SpokeToHub>("10.10.0.0/16")] public partial record SpokeRoutes;

        """ + body + "}\n";

    private static Task Verify(string source) => Markup.VerifyAsync("namespace Shop;\n" + source);

    [Fact]
    public Task HubAndSpoke_RoutesBothWays_HasNoDiagnostics() => Verify(Hub + Spoke("""
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
        """));

    [Fact]
    public Task TDSL227_RouteBackOnTheHubsTable_IsACycle_TheRouteRecordIsNot() => Verify("""
        [Stack("hub")]
        public static partial class Hub
        {
            [Vpc("10.10.0.0/16")] public partial record HubVpc;
            [RouteTable<HubVpc>, Route<{|TDSL227:Spoke.SpokeToHub|}>("10.20.0.0/16")] public partial record HubRoutes;
        }

        """ + Spoke("").Replace("[VpcPeering<SpokeVpc, Hub.HubVpc>]", "[VpcPeering<SpokeVpc, {|TDSL227:Hub.HubVpc|}>]"));

    [Fact]
    public Task TDSL114_RouteRecordToADestinationTheTableRoutesAlready_AcrossStacksAndForms() => Verify(Hub.Replace("Route<HubIgw>(\"0.0.0.0/0\")", "Route<HubIgw>(\"0.0.0.0/0\"), Route<HubNat>(\"10.20.0.0/16\")") + Spoke("""
            [Route<Hub.HubRoutes, SpokeToHub>({|TDSL114:"10.20.0.0/16"|})] public partial record HubToSpoke;
            [Route<SpokeRoutes, SpokeToHub>({|TDSL114:"10.10.0.0/16"|})] public partial record Again;
            [Route<SpokeRoutes, SpokeToHub>("10.10.1.0/24")] public partial record MoreSpecific;
        """));

    [Fact]
    public Task TDSL114_TwoStacksThatDoNotSeeEachOther_RouteOneDestinationIntoTheHubsTable() => Verify(Hub + Spoke("""
            [Route<Hub.HubRoutes, Hub.HubNat>("192.168.0.0/16")] public partial record HubToOffice;
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
        """) + """
        [Stack("spoke2")]
        public static partial class Spoke2
        {
            [Route<Hub.HubRoutes, Hub.HubNat>({|TDSL114:"192.168.0.0/16"|})] public partial record HubToOfficeAgain;
            [Route<Hub.HubRoutes, Hub.HubNat>("172.16.0.0/12")] public partial record HubToLab;
        }
        """);

    [Fact]
    public Task TDSL127_TDSL128_RouteRecordToReservedAndLinkLocalDestinations() => Verify(Hub + Spoke("""
            [Route<Hub.HubRoutes, Hub.HubNat>({|TDSL127:"169.254.169.0/24"|})] public partial record Metadata;
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
            [Route<Hub.HubRoutes, Hub.HubNat>({|TDSL128:"169.254.0.0/24"|})] public partial record LinkLocal;
            [Route<Hub.HubRoutes, Hub.HubNat>("169.0.0.0/8")] public partial record Wide;
        """));

    /// <summary>A hub with a directory server whose subnet's table gets its route back from the spoke, and a lab server whose table has none.</summary>
    private const string HubWithServers = """
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

    [Fact]
    public Task TDSL230_ReachesAcrossThePeering_TheRouteBackIsTheSpokesRouteRecord_NearMissATableWithout() => Markup.VerifyAsync("namespace Shop;\n" + HubWithServers + """
        [Stack("spoke")]
        public static partial class Spoke
        {
            [Vpc("10.20.0.0/16", FlowLogs = true)] public partial record SpokeVpc;
            [Subnet<SpokeVpc>("10.20.1.0/24", Zone = 0)] public partial record SpokeA;
            [VpcPeering<SpokeVpc, Hub.HubVpc>] public partial record SpokeToHub;
            [RouteTable<SpokeVpc>, Associate<SpokeA>, Route<SpokeToHub>("10.10.0.0/16")] public partial record SpokeRoutes;
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
            [SecurityGroup<SpokeVpc>("app"), Egress(Tcp, 636, "10.10.0.0/16", Description = "LDAPS to the hub")] public partial record App;
            [Instance<SpokeA>("10.20.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<App>]
            [Reaches<AppServer, Hub.DirectoryServer>(Tcp, 636), {|TDSL230:Reaches<AppServer, Hub.LabServer>(Tcp, 636)|}]
            public partial record AppServer;
        }
        """);

    [Fact]
    public Task TDSL235_SpokeRoutesToTheHub_WithoutTheRouteRecordBack() =>
        Verify(Hub + Spoke("").Replace("Route<SpokeToHub>(\"10.10.0.0/16\")", "Route<{|TDSL235:SpokeToHub|}>(\"10.10.0.0/16\")"));

    [Fact]
    public Task TDSL255_TDSL114_Ipv6RouteRecords_ToTheHubsEgressOnlyGateway() => Verify(
        Hub.Replace("[Vpc(\"10.10.0.0/16\")]", "[Vpc(\"10.10.0.0/16\", Ipv6 = true)]")
            .Replace("[TransitGateway]", "[EgressOnlyInternetGateway<HubVpc>] public partial record Eigw;\n    [TransitGateway]")
            .Replace("Route<HubIgw>(\"0.0.0.0/0\")", "Route<HubIgw>(\"0.0.0.0/0\"), Route<Eigw>(\"2001:db8::/32\")") + Spoke("""
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
            [Route<Hub.HubRoutes, Hub.Eigw>({|TDSL255:"192.168.0.0/16"|})] public partial record NotIpv6;
            [Route<Hub.HubRoutes, Hub.Eigw>({|TDSL114:"2001:0db8::/32"|})] public partial record SameBlockWrittenLonger;
            [Route<Hub.HubRoutes, Hub.Eigw>("::/0")] public partial record HubIpv6Out;
        """));

    [Fact]
    public Task TDSL113_RouteRecordIntoTheTablesOwnVpc() => Verify(Hub + Spoke("""
            [Route<Hub.HubRoutes, Hub.HubNat>({|TDSL113:"10.10.8.0/24"|})] public partial record Inside;
            [Route<Hub.HubRoutes, Hub.HubNat>("10.10.1.0/24")] public partial record ToTheSubnetThroughTheNat;
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
        """));

    [Fact]
    public Task TDSL119_RouteRecordBeyondThePeer() => Verify(Hub + Spoke("""
            [Route<Hub.HubRoutes, SpokeToHub>({|TDSL119:"10.30.0.0/16"|})] public partial record Beyond;
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.1.0/24")] public partial record HubToSpokeA;
        """));

    [Fact]
    public Task TDSL218_RouteRecordToAPeeringFromAThirdVpcsTable() => Verify(Hub + Spoke("""
            [Vpc("10.30.0.0/16")] public partial record Third;
            [RouteTable<Third>] public partial record ThirdRoutes;
            [Route<ThirdRoutes, {|TDSL218:SpokeToHub|}>("10.10.0.0/16")] public partial record ThirdToHub;
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
        """));

    [Fact]
    public Task TDSL205_RouteRecordToAGatewayOfAnotherVpc() => Verify(Hub + Spoke("""
            [Route<SpokeRoutes, {|TDSL205:Hub.HubNat|}>("0.0.0.0/0")] public partial record Out;
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
            [Route<Hub.HubRoutes, Hub.HubNat>("192.168.0.0/16")] public partial record HubOut;
        """));

    [Fact]
    public Task TDSL221_RouteRecordToATransitGatewayTheTablesVpcIsNotAttachedTo() => Verify(Hub + Spoke("""
            [Subnet<SpokeVpc>("10.20.9.0/28", Zone = 0)] public partial record SpokeTgw;
            [Route<Hub.HubRoutes, {|TDSL221:Hub.Tgw|}>("10.40.0.0/16")] public partial record HubToTgw;
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
            [TransitGatewayAttachment<Hub.Tgw, SpokeVpc>, AttachmentSubnet<SpokeTgw>] public partial record SpokeAttachment;
            [Route<SpokeRoutes, Hub.Tgw>("10.40.0.0/16")] public partial record SpokeToTgw;
        """));

    [Fact]
    public Task TDSL101_RouteRecordWithAMalformedDestination() => Verify(Hub + Spoke("""
            [Route<Hub.HubRoutes, SpokeToHub>({|TDSL101:"10.20.0.0/33"|})] public partial record Broken;
            [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
        """));

    [Fact]
    public Task TDSL013_TagOnARouteRecord_NearMissOnTheRouteTable() => Verify(Hub.Replace("[RouteTable<HubVpc>,", "[Tag(\"Tier\", \"hub\"), RouteTable<HubVpc>,") + Spoke("""
            [{|TDSL013:Tag("Tier", "hub")|}, Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
        """));

    [Fact]
    public Task TDSL233_ScriptOnASubnetWhoseWayOutIsARouteRecordOfThisStack_NearMissWithout() => Markup.VerifyAllAsync("namespace Shop;\n" + """
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.0.0.0/16", FlowLogs = true)] public partial record Main;
            [Subnet<Main>("10.0.1.0/24")] public partial record Public;
            [Subnet<Main>("10.0.2.0/24")] public partial record Private;
            [Subnet<Main>("10.0.3.0/24")] public partial record Closed;
            [InternetGateway<Main>] public partial record Igw;
            [NatGateway<Public>] public partial record Nat;
            [RouteTable<Main>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            [RouteTable<Main>, Associate<Private>] public partial record PrivateRoutes;
            [RouteTable<Main>, Associate<Closed>] public partial record ClosedRoutes;
        }

        [Stack("app")]
        public static partial class App
        {
            [Route<Network.PrivateRoutes, Network.Nat>("0.0.0.0/0")] public partial record PrivateOut;
            [SecurityGroup<Network.Main>("app"), Egress(Tcp, 443, "0.0.0.0/0", Description = "packages")] public partial record AppGroup;
            [Instance<Network.Private>("10.0.2.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", UserData = "boot.sh"), Uses<AppGroup>] public partial record Server;
            [Instance<Network.Closed>("10.0.3.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", UserData = {|TDSL233:"boot.sh"|}), Uses<AppGroup>] public partial record Worker;
        }
        """, new InMemoryAdditionalText("/p/boot.sh", "#!/bin/bash\nset -euo pipefail\ndnf install -y nginx\n"));

    // ---- The plan: what the declaring stack emits ----

    private static RefSpec Local(string name) => new(name, InStack: true, IsError: false);

    private static RefSpec FromHub(string name) => new(name, InStack: false, IsError: false, Stack: "Shop.Hub");

    private static StackSpec Stack(string className, string name, params ResourceSpec[] resources) =>
        new("Shop", className, true, true, name, null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

    private static readonly StackSpec HubSpec = Stack("Hub", "hub",
        new VpcSpec("HubVpc", TypeKeyword.Record, true, "10.10.0.0/16", EquatableArray<string>.Empty, false, 30),
        new SubnetSpec("HubA", TypeKeyword.Record, true, Local("HubVpc"), "10.10.1.0/24", 0, SubnetKindSpec.Unspecified),
        new RouteTableSpec("HubRoutes", TypeKeyword.Record, true, Local("HubVpc"), new[] { Local("HubA") }.ToEquatableArray(), EquatableArray<RouteSpec>.Empty));

    private static readonly StackSpec SpokeSpec = Stack("Spoke", "spoke",
        new VpcSpec("SpokeVpc", TypeKeyword.Record, true, "10.20.0.0/16", EquatableArray<string>.Empty, false, 30),
        new SubnetSpec("SpokeA", TypeKeyword.Record, true, Local("SpokeVpc"), "10.20.1.0/24", 0, SubnetKindSpec.Unspecified),
        new VpcPeeringSpec("SpokeToHub", TypeKeyword.Record, true, Local("SpokeVpc"), FromHub("HubVpc"), null, null, null, null, EquatableArray<string>.Empty),
        new RouteTableSpec("SpokeRoutes", TypeKeyword.Record, true, Local("SpokeVpc"), new[] { Local("SpokeA") }.ToEquatableArray(),
            new[] { new RouteSpec("10.10.0.0/16", Local("SpokeToHub")) }.ToEquatableArray()),
        new RouteResourceSpec("HubToSpoke", TypeKeyword.Record, true, FromHub("HubRoutes"), new RouteSpec("10.20.0.0/16", Local("SpokeToHub"))));

    private static string Text(PlannedValue? value) => Assert.IsType<PlannedValue.Text>(value).Value;

    [Fact]
    public void Plan_RouteRecord_IsARouteOfTheDeclaringStack_WithTheImportedTable()
    {
        var plan = StackPlan.Template(new StackIndex(SpokeSpec, new[] { HubSpec }.ToEquatableArray(), _ => null), EquatableArray<string>.Empty);
        Assert.Equal(["Shop.Hub.HubVpc", "Shop.Hub.HubRoutes"], plan.Where(c => c.Method == "Import").Select(c => c.Name));
        var route = plan.Single(c => c.Name == "HubToSpoke");
        Assert.Equal("Route", route.Method);
        Assert.Equal("Shop.Hub.HubRoutes", Text(route["table"]));
        Assert.Equal("10.20.0.0/16", Text(route["destination"]));
        Assert.Equal("SpokeToHub", Text(route["peering"]));
        Assert.Null(route["dependsOn"]);
        Assert.Contains(StackPlan.Names(SpokeSpec), n => n.LogicalId == "HubToSpoke" && n.CfnType == "AWS::EC2::Route");
        Assert.Equal(["Shop.Hub"], StackPlan.ImportedStacks(SpokeSpec));
        Assert.Empty(StackPlan.ImportedStacks(HubSpec));
    }

    [Fact]
    public void StackIndex_RoutesOfTheHubsTable_SeenFromTheSpoke_HoldTheRouteRecord_AtItsPath()
    {
        var index = new StackIndex(SpokeSpec, new[] { HubSpec }.ToEquatableArray(), _ => null);
        var table = index.AllResources.OfType<RouteTableSpec>().Single(t => t.Name == "HubRoutes");
        var route = Assert.Single(index.RoutesOf(table));
        Assert.Equal("HubToSpoke", route.Declared.Name);
        Assert.Equal("HubToSpoke/destination", route.DestinationPath.ToString());
        Assert.Equal("SpokeToHub", index.TargetOf<VpcPeeringSpec>(route)?.Name);
        Assert.Equal("HubVpc", index.VpcOf(route.Declared)?.Name);
        Assert.Empty(new StackIndex(HubSpec, EquatableArray<StackSpec>.Empty, _ => null).RoutesOf(HubSpec.Resources.OfType<RouteTableSpec>().Single()));
    }

    [Fact]
    public void Validate_SpokeWithTheRouteBack_HasNoFindings_AndTheSameRouteTwiceIsTdsl114OnTheSecond()
    {
        Assert.DoesNotContain(TopologyValidator.Validate(SpokeSpec, new[] { HubSpec }.ToEquatableArray(), _ => null), DiagnosticCatalogIsError);
        var twice = SpokeSpec with
        {
            Resources = SpokeSpec.Resources.Append(new RouteResourceSpec("Again", TypeKeyword.Record, true, FromHub("HubRoutes"), new RouteSpec("10.20.0.0/16", Local("SpokeToHub")))).ToEquatableArray(),
        };
        var findings = TopologyValidator.Validate(twice, new[] { HubSpec }.ToEquatableArray(), _ => null);
        var duplicate = Assert.Single(findings, f => f.Id == "TDSL114");
        Assert.Equal("Again/destination", duplicate.Path.ToString());
    }

    private static bool DiagnosticCatalogIsError(Finding finding) => Diagnostics.DiagnosticCatalog.IsError(finding.Id);
}

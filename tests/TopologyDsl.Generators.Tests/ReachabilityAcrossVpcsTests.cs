using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The reachability model across VPCs (a peering connection, a transit gateway: a route each way,
/// the attachment's zones, the transit gateway's tables) and across stacks (imported instances and
/// groups), over hand-built specs.
/// </summary>
public class ReachabilityAcrossVpcsTests
{
    private static RefSpec Ref(string name) => new(name, InStack: true, IsError: false);

    private static StackSpec Stack(string name, IEnumerable<ResourceSpec> resources) =>
        new("Shop", name, true, true, name.ToLowerInvariant(), null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

    private static RuleSpec Cidr(int port, string peer) => new(ProtocolSpec.Tcp, port, 0, peer, null, "r");

    private static RuleSpec Group(int port, RefSpec group) => new(ProtocolSpec.Tcp, port, 0, null, group, "r");

    private static SecurityGroupSpec Sg(string name, string vpc, RuleSpec[] ingress, RuleSpec[] egress) =>
        new(name, TypeKeyword.Record, true, Ref(vpc), name, ingress.ToEquatableArray(), egress.ToEquatableArray());

    private static InstanceSpec Server(string name, RefSpec subnet, string ip, params RefSpec[] groups) =>
        new(name, TypeKeyword.Record, true, subnet, ip, false, null, "ami-0123456789abcdef0", "t3.micro", null, 0,
            groups.ToEquatableArray(), null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty);

    private static RouteTableSpec Table(string name, string vpc, string subnet, params (string Destination, string Target)[] routes) =>
        new(name, TypeKeyword.Record, true, Ref(vpc), new[] { Ref(subnet) }.ToEquatableArray(),
            routes.Select(r => new RouteSpec(r.Destination, Ref(r.Target))).ToEquatableArray());

    /// <summary>Two VPCs with a private subnet each, in zone 0; the routes are the caller's.</summary>
    private static List<ResourceSpec> TwoVpcs(int zoneB = 0) =>
    [
        new VpcSpec("A", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, true, 30),
        new VpcSpec("B", TypeKeyword.Record, true, "10.1.0.0/16", EquatableArray<string>.Empty, true, 30),
        new SubnetSpec("SubA", TypeKeyword.Record, true, Ref("A"), "10.0.1.0/24", 0, SubnetKindSpec.Private),
        new SubnetSpec("SubB", TypeKeyword.Record, true, Ref("B"), "10.1.1.0/24", zoneB, SubnetKindSpec.Private),
    ];

    /// <summary>An app in A that sends Redis to the cache group in B, which takes it from the app group (across the peering) or from A's block.</summary>
    private static List<ResourceSpec> Servers(bool byGroup)
    {
        RuleSpec From = byGroup ? Group(6379, Ref("App")) : Cidr(6379, "10.0.0.0/16");
        RuleSpec To = byGroup ? Group(6379, Ref("Cache")) : Cidr(6379, "10.1.0.0/16");
        return
        [
            Sg("App", "A", [], [To]),
            Sg("Cache", "B", [From], [Cidr(443, "10.1.0.0/16")]),
            Server("AppServer", Ref("SubA"), "10.0.1.10", Ref("App")),
            Server("CacheServer", Ref("SubB"), "10.1.1.10", Ref("Cache")),
        ];
    }

    private static Reachability Model(IEnumerable<ResourceSpec> resources) => new(new StackIndex(Stack("Shop", resources), _ => null));

    private static readonly Endpoint App = new(EndpointKind.Instance, "AppServer");
    private static readonly Endpoint Cache = new(EndpointKind.Instance, "CacheServer");
    private static readonly PortRange Redis = PortRange.Single(ProtocolSpec.Tcp, 6379);

    private static string[] Matrix(Reachability model) =>
        model.ClassPaths.Select(p => model.Label(p.From) + " -> " + model.Label(p.To) + ": " + p.Ports + " via " + p.Via).ToArray();

    private static List<ResourceSpec> Peered(bool routeThere = true, bool routeBack = true, bool byGroup = true)
    {
        var resources = TwoVpcs();
        resources.Add(new VpcPeeringSpec("AToB", TypeKeyword.Record, true, Ref("A"), Ref("B"), null, null, null, null, EquatableArray<string>.Empty));
        resources.Add(routeThere ? Table("RoutesA", "A", "SubA", ("10.1.0.0/16", "AToB")) : Table("RoutesA", "A", "SubA"));
        resources.Add(routeBack ? Table("RoutesB", "B", "SubB", ("10.0.0.0/16", "AToB")) : Table("RoutesB", "B", "SubB"));
        resources.AddRange(Servers(byGroup));
        return resources;
    }

    [Fact]
    public void Peering_WithRoutesBothWays_OpensThePath_AndAGroupOfThePeerCounts()
    {
        var model = Model(Peered());
        Assert.Equal(["AppServer -> CacheServer: TCP 6379 via peering 'AToB'"], Matrix(model));
        Assert.Null(model.Explain(App, Cache, Redis));
    }

    [Fact]
    public void Peering_WithoutTheForwardRoute_NamesTheSourceSubnet()
    {
        var broken = Model(Peered(routeThere: false)).Explain(App, Cache, Redis);
        Assert.Equal("subnet 'SubA' has no route toward CacheServer (10.1.1.10)", broken?.Reason);
        Assert.Equal("SubA", broken?.At.Value);
    }

    [Fact]
    public void Peering_WithoutTheReturnRoute_NamesTheTargetSubnet()
    {
        var model = Model(Peered(routeBack: false));
        var broken = model.Explain(App, Cache, Redis);
        Assert.Equal("subnet 'SubB' has no route back toward AppServer (10.0.1.10), so replies from CacheServer cannot return", broken?.Reason);
        Assert.Equal("SubB", broken?.At.Value);
        Assert.Empty(model.ClassPaths);
    }

    [Fact]
    public void BrokenLink_NamesTheInstancesAsked_NotTheirClass()
    {
        var resources = Peered(routeBack: false);
        resources.Add(Server("CacheTwo", Ref("SubB"), "10.1.1.11", Ref("Cache")));
        var model = Model(resources);
        Assert.Equal("subnet 'SubB' has no route back toward AppServer (10.0.1.10), so replies from CacheServer cannot return",
            model.Explain(App, Cache, Redis)?.Reason);
        Assert.Equal("subnet 'SubB' has no route back toward AppServer (10.0.1.10), so replies from CacheTwo cannot return",
            model.Explain(App, new(EndpointKind.Instance, "CacheTwo"), Redis)?.Reason);
    }

    [Fact]
    public void Peering_RouteToAnotherTarget_NamesTheRoute()
    {
        var resources = Peered(routeBack: false);
        resources.Add(new InternetGatewaySpec("IgwB", TypeKeyword.Record, true, Ref("B")));
        resources[resources.FindIndex(r => r.Name == "RoutesB")] = Table("RoutesB", "B", "SubB", ("0.0.0.0/0", "IgwB"));
        var broken = Model(resources).Explain(App, Cache, Redis);
        Assert.Equal("route table 'RoutesB' sends AppServer (10.0.1.10) to internet gateway 'IgwB', not to VPC 'A'", broken?.Reason);
        Assert.Equal("RoutesB/route[0]", broken?.At.Value);
    }

    [Fact]
    public void Peering_ByCidr_AlsoOpensThePath() =>
        Assert.Equal(["AppServer -> CacheServer: TCP 6379 via peering 'AToB'"], Matrix(Model(Peered(byGroup: false))));

    /// <summary>Both VPCs attached to a transit gateway in zone 0; A's and B's subnets route the other's block to it.</summary>
    private static List<ResourceSpec> Hub(bool defaultTables = true, bool propagateB = true, int zoneB = 0, bool byGroup = false)
    {
        var resources = TwoVpcs(zoneB);
        resources.Add(new TransitGatewaySpec("Tgw", TypeKeyword.Record, true, null, 64512, defaultTables));
        resources.Add(new TransitGatewayAttachmentSpec("AttA", TypeKeyword.Record, true, Ref("Tgw"), Ref("A"), new[] { Ref("SubA") }.ToEquatableArray()));
        resources.Add(new SubnetSpec("AttachB", TypeKeyword.Record, true, Ref("B"), "10.1.9.0/28", 0, SubnetKindSpec.Private));
        resources.Add(new TransitGatewayAttachmentSpec("AttB", TypeKeyword.Record, true, Ref("Tgw"), Ref("B"), new[] { Ref("AttachB") }.ToEquatableArray()));
        resources.Add(Table("RoutesA", "A", "SubA", ("10.1.0.0/16", "Tgw")));
        resources.Add(Table("RoutesB", "B", "SubB", ("10.0.0.0/16", "Tgw")));
        if (!defaultTables)
        {
            resources.Add(new TransitGatewayRouteTableSpec("Spokes", TypeKeyword.Record, true, Ref("Tgw"),
                new[] { Ref("AttA"), Ref("AttB") }.ToEquatableArray(),
                (propagateB ? new[] { Ref("AttA"), Ref("AttB") } : [Ref("AttA")]).ToEquatableArray(), EquatableArray<TransitGatewayRouteSpec>.Empty));
        }

        resources.AddRange(Servers(byGroup));
        return resources;
    }

    [Fact]
    public void TransitGateway_DefaultTables_OpenThePath() =>
        Assert.Equal(["AppServer -> CacheServer: TCP 6379 via transit gateway 'Tgw'"], Matrix(Model(Hub())));

    [Fact]
    public void TransitGateway_OwnTableWithBothPropagations_OpensThePath() =>
        Assert.Equal(["AppServer -> CacheServer: TCP 6379 via transit gateway 'Tgw'"], Matrix(Model(Hub(defaultTables: false))));

    [Fact]
    public void TransitGateway_WithoutThePropagation_NamesTheTable()
    {
        var broken = Model(Hub(defaultTables: false, propagateB: false)).Explain(App, Cache, Redis);
        Assert.Equal("transit gateway route table 'Spokes' has no route toward CacheServer (10.1.1.10): propagate the attachment of VPC 'B' to it or add a static route",
            broken?.Reason);
        Assert.Equal("Spokes", broken?.At.Value);
    }

    [Fact]
    public void TransitGateway_StaticRoute_StandsInForThePropagation()
    {
        var resources = Hub(defaultTables: false, propagateB: false);
        var i = resources.FindIndex(r => r.Name == "Spokes");
        resources[i] = ((TransitGatewayRouteTableSpec)resources[i]) with
        {
            Routes = new[] { new TransitGatewayRouteSpec("10.1.1.0/24", Ref("AttB")) }.ToEquatableArray(),
        };
        Assert.Null(Model(resources).Explain(App, Cache, Redis));
    }

    [Fact]
    public void TransitGateway_AttachmentWithoutTheTargetsZone_BreaksTheReply()
    {
        var broken = Model(Hub(zoneB: 1)).Explain(App, Cache, Redis);
        Assert.Equal("attachment 'AttB' has no subnet in zone 1, so subnet 'SubB' cannot reach transit gateway 'Tgw'", broken?.Reason);
        Assert.Equal("AttB", broken?.At.Value);
    }

    [Fact]
    public void TransitGateway_DoesNotCarryGroupReferences()
    {
        var model = Model(Hub(byGroup: true));
        Assert.Empty(model.ClassPaths);
        Assert.Equal("security group 'App' of 'AppServer' has no outbound rule for TCP 6379 to CacheServer", model.Explain(App, Cache, Redis)?.Reason);
    }

    [Fact]
    public void TransitGateway_VpcWithoutAttachment_NamesTheRoute()
    {
        var resources = Hub();
        resources.RemoveAll(r => r.Name == "AttA");
        var broken = Model(resources).Explain(App, Cache, Redis);
        Assert.Equal("VPC 'A' has no attachment to transit gateway 'Tgw', so its route to it leads nowhere", broken?.Reason);
        Assert.Equal("RoutesA/route[0]", broken?.At.Value);
    }

    /// <summary>The network stack owns the VPCs, routes, peering and the cache; the app stack imports them.</summary>
    [Fact]
    public void ImportedInstance_IsAnEnd_AndImportedOnlyPathsStayInTheirStack()
    {
        const string NetworkKey = "Shop.Network";
        RefSpec Imported(string name) => new(name, InStack: false, IsError: false, Stack: NetworkKey);
        var network = Stack("Network", Peered().Where(r => r is not InstanceSpec and not SecurityGroupSpec)
            .Append(Sg("Cache", "B", [Group(6379, Ref("App")), Cidr(22, "10.1.0.0/16")], []))
            .Append(Sg("App", "A", [], [Group(6379, Ref("Cache"))]))
            .Append(Server("CacheServer", Ref("SubB"), "10.1.1.10", Ref("Cache")))
            .Append(Server("Admin", Ref("SubB"), "10.1.1.20")));
        var app = Stack("App", [Server("AppServer", Imported("SubA"), "10.0.1.10", Imported("App"))]);
        var model = new Reachability(new StackIndex(app, new[] { network }.ToEquatableArray(), _ => null));
        var cache = new Endpoint(EndpointKind.Instance, "Network.CacheServer");
        Assert.Equal(["AppServer -> Network.CacheServer: TCP 6379 via peering 'Network.AToB'"], Matrix(model));
        Assert.Null(model.Explain(App, cache, Redis));
        Assert.Equal(["AppServer"], model.Instances.Select(i => i.Name));
    }

    /// <summary>Two groups named alike in two stacks are two groups: each rule admits its own sources.</summary>
    [Fact]
    public void GroupsNamedAlikeInTwoStacks_KeepTheirOwnRules()
    {
        const string NetworkKey = "Shop.Network";
        var network = Stack("Network", TwoVpcs().Append(Sg("Db", "A", [Cidr(5432, "10.9.0.0/16")], [])));
        RefSpec Imported(string name) => new(name, InStack: false, IsError: false, Stack: NetworkKey);
        var app = Stack("App", [
            new SecurityGroupSpec("Db", TypeKeyword.Record, true, Imported("A"), "Db", new[] { Group(5432, Ref("Client")) }.ToEquatableArray(), EquatableArray<RuleSpec>.Empty),
            new SecurityGroupSpec("Client", TypeKeyword.Record, true, Imported("A"), "Client", EquatableArray<RuleSpec>.Empty, EquatableArray<RuleSpec>.Empty),
            Server("Shared", Imported("SubA"), "10.0.1.20", Imported("Db")),
            Server("Own", Imported("SubA"), "10.0.1.30", Ref("Db")),
            Server("Client", Imported("SubA"), "10.0.1.10", Ref("Client")),
        ]);
        var model = new Reachability(new StackIndex(app, new[] { network }.ToEquatableArray(), _ => null));
        Assert.Equal(["Client -> Own: TCP 5432 via local route"], Matrix(model).Where(p => !p.Contains("internet")));
    }

    /// <summary>The picture draws the transit gateway, each attachment and the routes to it, and the matrix names it.</summary>
    [Fact]
    public void Overview_TransitGateway_MatchesSnapshot()
    {
        var resources = Hub(defaultTables: false);
        resources.Add(new VpcPeeringSpec("AToB", TypeKeyword.Record, true, Ref("A"), Ref("B"), null, null, null, null, EquatableArray<string>.Empty));
        TopologyDsl.Testing.Snapshot.Verify(TopologyDsl.Generators.Emit.Overview.Render(new StackIndex(Stack("Shop", resources), _ => null)), "md");
    }

    /// <summary>A block of a VPC outside the program, behind a peering given by ID, is reached through it, both ways.</summary>
    [Fact]
    public void RemotePeering_CarriesItsBlocks()
    {
        var resources = TwoVpcs();
        resources.Add(new VpcPeeringSpec("ToPartner", TypeKeyword.Record, true, Ref("A"), null, "vpc-0123456789abcdef0", null, null, null,
            new[] { "192.168.0.0/16" }.ToEquatableArray()));
        resources.Add(Table("RoutesA", "A", "SubA", ("192.168.0.0/16", "ToPartner")));
        resources.Add(Sg("Api", "A", [Cidr(8443, "192.168.10.0/24")], [Cidr(443, "192.168.10.0/24")]));
        resources.Add(Server("ApiServer", Ref("SubA"), "10.0.1.10", Ref("Api")));
        Assert.Equal(
        [
            "ApiServer -> 192.168.10.0/24: TCP 443 via peering 'ToPartner'",
            "192.168.10.0/24 -> ApiServer: TCP 8443 via peering 'ToPartner'",
        ], Matrix(Model(resources)));
    }
}

using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>The reachability model over hand-built specs: which paths are open, and the first link that breaks one that is not.</summary>
public class ReachabilityTests
{
    private static RefSpec Ref(string name) => new(name, InStack: true, IsError: false);

    private static StackSpec Stack(IEnumerable<ResourceSpec> resources) =>
        new("Shop", "Shop", true, true, "shop", null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

    private static RuleSpec Cidr(ProtocolSpec protocol, int port, string peer) => new(protocol, port, 0, peer, null, "r");

    private static RuleSpec Group(ProtocolSpec protocol, int port, string group) => new(protocol, port, 0, null, Ref(group), "r");

    private static SecurityGroupSpec Sg(string name, RuleSpec[] ingress, RuleSpec[] egress) =>
        new(name, TypeKeyword.Record, true, Ref("Net"), name, ingress.ToEquatableArray(), egress.ToEquatableArray());

    private static InstanceSpec Server(string name, string subnet, string ip, bool publicIp, params string[] groups) =>
        new(name, TypeKeyword.Record, true, Ref(subnet), ip, publicIp, null, "ami-0123456789abcdef0", "t3.micro", null, 0,
            groups.Select(Ref).ToEquatableArray(), null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty);

    /// <summary>The book's network: a public subnet routed to an internet gateway, a private one to a NAT gateway.</summary>
    private static List<ResourceSpec> Network(bool privateToNat = true) =>
    [
        new VpcSpec("Net", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, true, 30),
        new SubnetSpec("Public", TypeKeyword.Record, true, Ref("Net"), "10.0.1.0/24", 0, SubnetKindSpec.Public),
        new SubnetSpec("Private", TypeKeyword.Record, true, Ref("Net"), "10.0.2.0/24", 0, SubnetKindSpec.Private),
        new InternetGatewaySpec("Igw", TypeKeyword.Record, true, Ref("Net")),
        new NatGatewaySpec("Nat", TypeKeyword.Record, true, Ref("Public")),
        new RouteTableSpec("PublicRoutes", TypeKeyword.Record, true, Ref("Net"), new[] { Ref("Public") }.ToEquatableArray(),
            new[] { new RouteSpec("0.0.0.0/0", Ref("Igw")) }.ToEquatableArray()),
        new RouteTableSpec("PrivateRoutes", TypeKeyword.Record, true, Ref("Net"), new[] { Ref("Private") }.ToEquatableArray(),
            privateToNat ? new[] { new RouteSpec("0.0.0.0/0", Ref("Nat")) }.ToEquatableArray() : EquatableArray<RouteSpec>.Empty),
        new ParameterSpec("AdminCidr", TypeKeyword.Record, true, "String", null, null, false, EquatableArray<string>.Empty, null, 0, 0, null),
    ];

    /// <summary>The seed example's tiers: web takes HTTP from anywhere and SSH from the admin block; DB takes MariaDB and SSH from web.</summary>
    private static Reachability TwoTier(RuleSpec[]? webEgress = null, bool privateToNat = true, bool webPublicIp = true)
    {
        var resources = Network(privateToNat);
        resources.Add(Sg("Web", [Cidr(ProtocolSpec.Tcp, 80, "0.0.0.0/0"), Cidr(ProtocolSpec.Tcp, 22, "AdminCidr")],
            webEgress ?? [Cidr(ProtocolSpec.Tcp, 443, "0.0.0.0/0"), Group(ProtocolSpec.Tcp, 3306, "Db"), Group(ProtocolSpec.Tcp, 22, "Db")]));
        resources.Add(Sg("Db", [Group(ProtocolSpec.Tcp, 3306, "Web"), Group(ProtocolSpec.Tcp, 22, "Web")], [Cidr(ProtocolSpec.Tcp, 443, "0.0.0.0/0")]));
        resources.Add(Server("WebServer", "Public", "10.0.1.10", webPublicIp, "Web"));
        resources.Add(Server("DbServer", "Private", "10.0.2.10", false, "Db"));
        return new Reachability(new StackIndex(Stack(resources), _ => null));
    }

    private static readonly Endpoint Web = new(EndpointKind.Instance, "WebServer");
    private static readonly Endpoint Db = new(EndpointKind.Instance, "DbServer");
    private static readonly Endpoint Admin = new(EndpointKind.ParameterBlock, "AdminCidr");

    private static string[] Matrix(Reachability model) =>
        model.Paths.Select(p => p.From.Display + " -> " + p.To.Display + ": " + p.Ports + " via " + p.Via).ToArray();

    [Fact]
    public void TwoTier_OpensExactlyTheIntendedPaths() => Assert.Equal(
    [
        "DbServer -> the internet (IPv4): TCP 443 via NAT gateway 'Nat', internet gateway 'Igw'",
        "WebServer -> DbServer: TCP 22 via local route",
        "WebServer -> DbServer: TCP 3306 via local route",
        "WebServer -> the internet (IPv4): TCP 443 via internet gateway 'Igw'",
        "the internet (IPv4) -> WebServer: TCP 80 via internet gateway 'Igw'",
        "the AdminCidr block -> WebServer: TCP 22 via internet gateway 'Igw'",
    ], Matrix(TwoTier()));

    [Fact]
    public void Egress443Only_BreaksWebToDb_AtTheWebGroup()
    {
        var model = TwoTier(webEgress: [Cidr(ProtocolSpec.Tcp, 443, "0.0.0.0/0")]);
        var broken = model.Explain(Web, Db, PortRange.Single(ProtocolSpec.Tcp, 3306));
        Assert.Equal("security group 'Web' of 'WebServer' has no outbound rule for TCP 3306 to DbServer", broken?.Reason);
        Assert.Equal("Web/attribute", broken?.At.Value);
        Assert.DoesNotContain(model.Paths, p => p.To == Db);
    }

    [Fact]
    public void OpenPath_HasNoBrokenLink()
    {
        var model = TwoTier();
        Assert.Null(model.Explain(Web, Db, PortRange.Single(ProtocolSpec.Tcp, 3306)));
        Assert.Null(model.Explain(Endpoint.Internet, Web, PortRange.Single(ProtocolSpec.Tcp, 80)));
        Assert.Null(model.Explain(Db, Endpoint.Internet, PortRange.Single(ProtocolSpec.Tcp, 443)));
        Assert.Null(model.Explain(Admin, Web, PortRange.Single(ProtocolSpec.Tcp, 22)));
    }

    [Fact]
    public void TargetIngress_IsTheLastLink()
    {
        var broken = TwoTier().Explain(Web, Db, PortRange.Single(ProtocolSpec.Tcp, 5432));
        Assert.Equal("security group 'Web' of 'WebServer' has no outbound rule for TCP 5432 to DbServer", broken?.Reason);
        var inbound = TwoTier(webEgress: [Cidr(ProtocolSpec.All, 0, "10.0.0.0/16")]).Explain(Web, Db, PortRange.Single(ProtocolSpec.Tcp, 5432));
        Assert.Equal("security group 'Db' of 'DbServer' lets in no TCP 5432 from WebServer", inbound?.Reason);
        Assert.Equal("Db/attribute", inbound?.At.Value);
    }

    [Fact]
    public void PrivateSubnetWithoutNat_HasNoWayOut()
    {
        var broken = TwoTier(privateToNat: false).Explain(Db, Endpoint.Internet, PortRange.Single(ProtocolSpec.Tcp, 443));
        Assert.Equal("subnet 'Private' has no route toward the internet (IPv4)", broken?.Reason);
        Assert.Equal("Private", broken?.At.Value);
    }

    [Fact]
    public void InternetGatewayWithoutPublicIp_CarriesNothing()
    {
        var model = TwoTier(webPublicIp: false);
        Assert.Equal("instance 'WebServer' has no public IP, so internet gateway 'Igw' does not carry its traffic",
            model.Explain(Endpoint.Internet, Web, PortRange.Single(ProtocolSpec.Tcp, 80))?.Reason);
        Assert.Null(model.FromInternet(model.Instance("WebServer")!));
    }

    [Fact]
    public void NatGateway_TakesNoConnectionFromOutside()
    {
        var broken = TwoTier().Explain(Endpoint.Internet, Db, PortRange.Single(ProtocolSpec.Tcp, 3306));
        Assert.Equal("subnet 'Private' answers the internet (IPv4) through NAT gateway 'Nat', which takes no connections from outside", broken?.Reason);
        Assert.Equal("PrivateRoutes/route[0]", broken?.At.Value);
    }

    [Fact]
    public void Ipv6_NeedsAnAddressTheSubnetDoesNotGive() =>
        Assert.Equal("instance 'WebServer' has no IPv6 address (subnet 'Public' has no IPv6 block)",
            TwoTier().Explain(Endpoint.InternetV6, Web, PortRange.Single(ProtocolSpec.Tcp, 80))?.Reason);

    [Fact]
    public void ParameterBlock_IsSymbolic_NotMatchedByInstanceAddresses()
    {
        var resources = Network();
        resources.Add(Sg("A", [Cidr(ProtocolSpec.Tcp, 22, "AdminCidr")], [Cidr(ProtocolSpec.All, 0, "10.0.0.0/16")]));
        resources.Add(Server("One", "Public", "10.0.1.10", true, "A"));
        resources.Add(Server("Two", "Public", "10.0.1.11", true, "A"));
        var model = new Reachability(new StackIndex(Stack(resources), _ => null));
        Assert.Equal(["the AdminCidr block -> One", "the AdminCidr block -> Two"], model.Paths.Select(p => p.From.Display + " -> " + p.To.Display));
        Assert.Equal(["the AdminCidr block -> One, Two"], model.ClassPaths.Select(p => model.Label(p.From) + " -> " + model.Label(p.To)));
    }

    [Fact]
    public void Classes_SplitWhereABlockTellsMembersApart_AndReachThemselves()
    {
        var resources = Network();
        resources.Add(Sg("Peers", [Group(ProtocolSpec.Tcp, 7000, "Peers"), Cidr(ProtocolSpec.Tcp, 9000, "10.0.1.8/29")], [Cidr(ProtocolSpec.All, 0, "10.0.0.0/16")]));
        for (var i = 0; i < 6; i++)
        {
            resources.Add(Server("P" + i, "Public", "10.0.1." + (4 + i * 2), false, "Peers"));
        }

        var model = new Reachability(new StackIndex(Stack(resources), _ => null));
        Assert.Equal(
        [
            "P0, P1 -> P0, P1: TCP 7000",
            "P0, P1 -> P2, P3, P4 and 1 more: TCP 7000",
            "P2, P3, P4 and 1 more -> P0, P1: TCP 7000",
            "P2, P3, P4 and 1 more -> P0, P1: TCP 9000",
            "P2, P3, P4 and 1 more -> P2, P3, P4 and 1 more: TCP 7000",
            "P2, P3, P4 and 1 more -> P2, P3, P4 and 1 more: TCP 9000",
        ], model.ClassPaths.Select(p => model.Label(p.From) + " -> " + model.Label(p.To) + ": " + p.Ports));

        // 7000 between any two of the six; 9000 from the four inside 10.0.1.8/29 to any other.
        Assert.Equal(6 * 5 + 4 * 5, model.Paths.Count);
        Assert.DoesNotContain(model.Paths, p => p.From == p.To);
    }

    [Fact]
    public void ExternalBlock_NeedsARouteThatCoversIt_AndEgressByCidrMatchesInstances()
    {
        var resources = Network();
        resources.Add(Sg("A", [Cidr(ProtocolSpec.Tcp, 443, "198.51.100.0/24"), Cidr(ProtocolSpec.Udp, 53, "10.0.2.0/24")],
            [Cidr(ProtocolSpec.Udp, 53, "10.0.1.0/24")]));
        resources.Add(Server("One", "Public", "10.0.1.10", true, "A"));
        resources.Add(Server("Two", "Private", "10.0.2.10", false, "A"));
        var model = new Reachability(new StackIndex(Stack(resources), _ => null));
        Assert.Equal(
        [
            "Two -> One: UDP 53 via local route",
            "198.51.100.0/24 -> One: TCP 443 via internet gateway 'Igw'",
        ], Matrix(model));
    }

    [Fact]
    public void GroupWithoutEgress_KeepsTheDefaultAllowAll()
    {
        var resources = Network();
        resources.Add(Sg("A", [], []));
        resources.Add(Server("One", "Public", "10.0.1.10", true, "A"));
        var model = new Reachability(new StackIndex(Stack(resources), _ => null));
        Assert.Equal(["One -> the internet (IPv4): all traffic via internet gateway 'Igw'"], Matrix(model));
    }

    [Fact]
    public void PortRanges_AreIntersected_AndCoverageSpansSeveralRules()
    {
        var resources = Network();
        resources.Add(Sg("A", [], [Cidr(ProtocolSpec.Tcp, 8000, "10.0.0.0/16") with { ToPort = 8100 }]));
        resources.Add(Sg("B", [Cidr(ProtocolSpec.Tcp, 8050, "10.0.1.0/24") with { ToPort = 8060 }, Cidr(ProtocolSpec.Tcp, 8061, "10.0.1.0/24") with { ToPort = 9000 }], []));
        resources.Add(Server("One", "Public", "10.0.1.10", false, "A"));
        resources.Add(Server("Two", "Private", "10.0.2.10", false, "B"));
        var model = new Reachability(new StackIndex(Stack(resources), _ => null));
        Assert.Equal(["One -> Two: TCP 8050-8060 via local route", "One -> Two: TCP 8061-8100 via local route"],
            Matrix(model).Where(l => l.StartsWith("One -> Two", System.StringComparison.Ordinal)));
        Assert.Null(model.Explain(new(EndpointKind.Instance, "One"), new(EndpointKind.Instance, "Two"), PortRange.Range(ProtocolSpec.Tcp, 8055, 8070)));
        Assert.NotNull(model.Explain(new(EndpointKind.Instance, "One"), new(EndpointKind.Instance, "Two"), PortRange.Range(ProtocolSpec.Tcp, 8055, 8101)));
    }

    [Fact]
    public void InternetFacing_PublicIpOrPublicSubnet()
    {
        var model = TwoTier(webPublicIp: false);
        Assert.Equal("WebServer/subnet", model.InternetFacing(model.Instance("WebServer")!)?.At.Value);
        Assert.Null(model.InternetFacing(model.Instance("DbServer")!));
        var exposed = TwoTier();
        Assert.Equal("WebServer/publicIp", exposed.InternetFacing(exposed.Instance("WebServer")!)?.At.Value);
    }

    [Fact]
    public void Overview_TwoTier_MatchesSnapshot() =>
        TopologyDsl.Testing.Snapshot.Verify(TopologyDsl.Generators.Emit.Overview.Render(TwoTier().Index), "md");

    [Fact]
    public void Paths_AreDeterministic() => Assert.Equal(Matrix(TwoTier()), Matrix(TwoTier()));

    [Fact]
    public void Overview_ShowsAssignedAddressesElasticIpsAndDataVolumes()
    {
        var resources = Network();
        resources.Add(Server("Web", "Public", "", true) with { ElasticIp = true, AssignedIp = true });
        resources.Add(Server("Db", "Private", "10.0.2.10", false));
        resources.Add(new DataVolumeSpec("DbData", TypeKeyword.Record, true, Ref("Db"), "/dev/sdf", 20, VolumeTypeSpec.Gp3, true));
        var overview = TopologyDsl.Generators.Emit.Overview.Render(new StackIndex(Stack(resources), _ => null));
        Assert.Contains("        i_Web[\"Web<br/>address from EC2 + Elastic IP\"]\n", overview);
        Assert.Contains("        i_Db[\"Db<br/>10.0.2.10<br/>volume DbData /dev/sdf 20 GiB\"]\n", overview);
    }
}

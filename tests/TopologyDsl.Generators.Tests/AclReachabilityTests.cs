using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The reachability model with network ACLs (stateless: both directions, the replies to the
/// ephemeral ports included) and over IPv6 (an internet gateway both ways, an egress-only gateway
/// out only), over hand-built specs.
/// </summary>
public class AclReachabilityTests
{
    private static RefSpec Ref(string name) => new(name, InStack: true, IsError: false);

    private static RuleSpec Cidr(ProtocolSpec protocol, int port, string peer, int toPort = 0) => new(protocol, port, toPort, peer, null, "r");

    private static RuleSpec Group(ProtocolSpec protocol, int port, string group) => new(protocol, port, 0, null, Ref(group), "r");

    private static AclRuleSpec Allow(int number, ProtocolSpec protocol, int port, string cidr, int toPort = 0) => new(number, true, protocol, port, toPort, cidr, -1);

    private static AclRuleSpec Deny(int number, ProtocolSpec protocol, int port, string cidr, int toPort = 0) => new(number, false, protocol, port, toPort, cidr, -1);

    private static NetworkAclSpec Acl(string name, string subnet, AclRuleSpec[] ingress, AclRuleSpec[] egress) =>
        new(name, TypeKeyword.Record, true, Ref("Net"), new[] { Ref(subnet) }.ToEquatableArray(), ingress.ToEquatableArray(), egress.ToEquatableArray());

    private static Reachability Model(IEnumerable<ResourceSpec> extra, bool dualStack = false, string privateIpv6Target = "Eigw")
    {
        var resources = new List<ResourceSpec>
        {
            new VpcSpec("Net", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, true, 30, Ipv6: dualStack),
            new SubnetSpec("Public", TypeKeyword.Record, true, Ref("Net"), "10.0.1.0/24", 0, SubnetKindSpec.Public, dualStack ? 0 : -1, dualStack),
            new SubnetSpec("Private", TypeKeyword.Record, true, Ref("Net"), "10.0.2.0/24", 0, SubnetKindSpec.Private, dualStack ? 1 : -1, dualStack),
            new InternetGatewaySpec("Igw", TypeKeyword.Record, true, Ref("Net")),
            new EgressOnlyInternetGatewaySpec("Eigw", TypeKeyword.Record, true, Ref("Net")),
            new NatGatewaySpec("Nat", TypeKeyword.Record, true, Ref("Public")),
            new RouteTableSpec("PublicRoutes", TypeKeyword.Record, true, Ref("Net"), new[] { Ref("Public") }.ToEquatableArray(),
                new[] { new RouteSpec("0.0.0.0/0", Ref("Igw")), new RouteSpec("::/0", Ref("Igw")) }.ToEquatableArray()),
            new RouteTableSpec("PrivateRoutes", TypeKeyword.Record, true, Ref("Net"), new[] { Ref("Private") }.ToEquatableArray(),
                new[] { new RouteSpec("0.0.0.0/0", Ref("Nat")), new RouteSpec("::/0", Ref(privateIpv6Target)) }.ToEquatableArray()),
            new SecurityGroupSpec("Web", TypeKeyword.Record, true, Ref("Net"), "Web",
                new[] { Cidr(ProtocolSpec.Tcp, 0, "0.0.0.0/0", 65535), Cidr(ProtocolSpec.Tcp, 80, "::/0") }.ToEquatableArray(),
                new[] { Cidr(ProtocolSpec.Tcp, 443, "0.0.0.0/0"), Cidr(ProtocolSpec.Tcp, 443, "::/0"), Group(ProtocolSpec.Tcp, 3306, "Db"), Group(ProtocolSpec.Tcp, 22, "Db") }.ToEquatableArray()),
            new SecurityGroupSpec("Db", TypeKeyword.Record, true, Ref("Net"), "Db",
                new[] { Group(ProtocolSpec.Tcp, 3306, "Web"), Group(ProtocolSpec.Tcp, 22, "Web"), Cidr(ProtocolSpec.Tcp, 80, "::/0") }.ToEquatableArray(),
                new[] { Cidr(ProtocolSpec.Tcp, 443, "0.0.0.0/0"), Cidr(ProtocolSpec.Tcp, 443, "::/0") }.ToEquatableArray()),
            Server("WebServer", "Public", "10.0.1.10", true, "Web"),
            Server("DbServer", "Private", "10.0.2.10", false, "Db"),
        };
        resources.AddRange(extra);
        var stack = new StackSpec("Shop", "Shop", true, true, "shop", null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);
        return new Reachability(new StackIndex(stack, _ => null));
    }

    private static InstanceSpec Server(string name, string subnet, string ip, bool publicIp, string group) =>
        new(name, TypeKeyword.Record, true, Ref(subnet), ip, publicIp, null, "ami-0123456789abcdef0", "t3.micro", null, 0,
            new[] { Ref(group) }.ToEquatableArray(), null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty);

    private static readonly Endpoint Web = new(EndpointKind.Instance, "WebServer");
    private static readonly Endpoint Db = new(EndpointKind.Instance, "DbServer");

    private static string[] Matrix(Reachability model) =>
        model.Paths.Select(p => p.From.Display + " -> " + p.To.Display + ": " + p.Ports + " via " + p.Via).ToArray();

    /// <summary>The database subnet's ACL: MariaDB from the public subnet and its replies, HTTPS out with its replies.</summary>
    private static NetworkAclSpec DbAcl(bool replies = true) => Acl("DbAcl", "Private",
        [Allow(100, ProtocolSpec.Tcp, 3306, "10.0.1.0/24"), .. replies ? new[] { Allow(110, ProtocolSpec.Tcp, 1024, "0.0.0.0/0", 65535) } : []],
        [Allow(100, ProtocolSpec.Tcp, 1024, "10.0.1.0/24", 65535), Allow(110, ProtocolSpec.Tcp, 443, "0.0.0.0/0")]);

    [Fact]
    public void WithoutAcls_TheDefaultAclAllowsEverything() => Assert.Contains("WebServer -> DbServer: TCP 22 via local route", Matrix(Model([])));

    [Fact]
    public void DbAcl_KeepsMariaDbAndHttpsOut_DropsSsh() => Assert.Equal(
    [
        "DbServer -> WebServer: TCP 443 via local route",
        "DbServer -> the internet (IPv4): TCP 443 via NAT gateway 'Nat', internet gateway 'Igw'",
        "WebServer -> DbServer: TCP 3306 via local route",
        "WebServer -> the internet (IPv4): TCP 443 via internet gateway 'Igw'",
        "the internet (IPv4) -> WebServer: TCP all ports via internet gateway 'Igw'",
    ], Matrix(Model([DbAcl()])));

    [Fact]
    public void DefaultDeny_IsNamed_AtTheAcl()
    {
        var broken = Model([DbAcl()]).Explain(Web, Db, PortRange.Single(ProtocolSpec.Tcp, 22));
        Assert.Equal("network ACL 'DbAcl' of subnet 'Private' has no inbound rule that allows TCP 22 from WebServer, so its default rule denies it", broken!.Reason);
        Assert.Equal("DbAcl/attribute", broken.At.Value);
    }

    [Fact]
    public void DenyRule_IsNamed_AtItsNumber()
    {
        var acl = Acl("DbAcl", "Private", [Deny(90, ProtocolSpec.All, 0, "10.0.1.10/32"), Allow(100, ProtocolSpec.Tcp, 3306, "10.0.1.0/24")],
            [Allow(100, ProtocolSpec.Tcp, 1024, "10.0.1.0/24", 65535)]);
        var broken = Model([acl]).Explain(Web, Db, PortRange.Single(ProtocolSpec.Tcp, 3306));
        Assert.Equal("network ACL 'DbAcl' of subnet 'Private' denies inbound TCP 3306 from WebServer (rule 90: deny all traffic from 10.0.1.10/32)", broken!.Reason);
        Assert.Equal("DbAcl/ingress[0]/number", broken.At.Value);
    }

    [Fact]
    public void MissingReplyRule_BreaksThePath_OnTheWayBack()
    {
        var acl = Acl("DbAcl", "Private", [Allow(100, ProtocolSpec.Tcp, 3306, "10.0.1.0/24")], [Allow(100, ProtocolSpec.Tcp, 443, "0.0.0.0/0")]);
        var broken = Model([acl]).Explain(Web, Db, PortRange.Single(ProtocolSpec.Tcp, 3306));
        Assert.Equal("network ACL 'DbAcl' of subnet 'Private' has no outbound rule that allows the replies (TCP 1024-65535) to WebServer, so its default rule denies it", broken!.Reason);
        Assert.DoesNotContain("WebServer -> DbServer: TCP 3306 via local route", Matrix(Model([acl])));
    }

    [Fact]
    public void SourceSubnetAcl_FiltersTheWayOut()
    {
        var acl = Acl("WebAcl", "Public", [Allow(100, ProtocolSpec.All, 0, "0.0.0.0/0")], [Allow(100, ProtocolSpec.Tcp, 443, "0.0.0.0/0"), Allow(110, ProtocolSpec.Tcp, 1024, "0.0.0.0/0", 65535)]);
        var broken = Model([acl]).Explain(Web, Db, PortRange.Single(ProtocolSpec.Tcp, 22));
        Assert.Equal("network ACL 'WebAcl' of subnet 'Public' has no outbound rule that allows TCP 22 to DbServer, so its default rule denies it", broken!.Reason);
        Assert.Null(Model([acl]).Explain(Web, Db, PortRange.Single(ProtocolSpec.Tcp, 3306)));
    }

    [Fact]
    public void InternetPaths_AreNarrowedToWhatTheAclLetsIn()
    {
        // The group lets the internet in on every TCP port; the ACL only on 443 (and 8000-8080), with the replies out.
        var acl = Acl("WebAcl", "Public", [Allow(100, ProtocolSpec.Tcp, 443, "0.0.0.0/0"), Allow(110, ProtocolSpec.Tcp, 8000, "0.0.0.0/0", 8080)],
            [Allow(100, ProtocolSpec.Tcp, 1024, "0.0.0.0/0", 65535)]);
        var model = Model([acl]);
        var web = model.Instance("WebServer")!;
        Assert.Equal(["TCP 443", "TCP 8000-8080"], model.FromOutside(web).Where(p => p.From == Endpoint.Internet).Select(p => p.Ports.ToString()).ToArray());
    }

    [Fact]
    public void SameSubnet_MeetsNoAcl()
    {
        var acl = Acl("DbAcl", "Private", [], []);
        var model = Model([acl, Server("DbServer2", "Private", "10.0.2.11", false, "Web")]);
        Assert.Null(model.Explain(new Endpoint(EndpointKind.Instance, "DbServer2"), Db, PortRange.Single(ProtocolSpec.Tcp, 3306)));
    }

    [Fact]
    public void Ipv6_ThroughTheInternetGateway_BothWays_ThroughTheEgressOnlyGateway_OutOnly()
    {
        var model = Model([], dualStack: true);
        var matrix = Matrix(model);
        Assert.Contains("the internet (IPv6) -> WebServer: TCP 80 via internet gateway 'Igw'", matrix);
        Assert.Contains("WebServer -> the internet (IPv6): TCP 443 via internet gateway 'Igw'", matrix);
        Assert.Contains("DbServer -> the internet (IPv6): TCP 443 via egress-only internet gateway 'Eigw'", matrix);
        Assert.DoesNotContain(matrix, p => p.StartsWith("the internet (IPv6) -> DbServer", System.StringComparison.Ordinal));
        var broken = model.Explain(Endpoint.InternetV6, Db, PortRange.Single(ProtocolSpec.Tcp, 80));
        Assert.Equal("subnet 'Private' answers the internet (IPv6) through egress-only internet gateway 'Eigw', which takes no connections from outside", broken!.Reason);
    }

    [Fact]
    public void Ipv6_PrivateSubnetRoutedToTheInternetGateway_IsReachable() =>
        Assert.Contains("the internet (IPv6) -> DbServer: TCP 80 via internet gateway 'Igw'", Matrix(Model([], dualStack: true, privateIpv6Target: "Igw")));

    [Fact]
    public void Ipv6_WithoutAnAddress_NoPath()
    {
        var model = Model([]);
        Assert.DoesNotContain(Matrix(model), p => p.Contains("IPv6", System.StringComparison.Ordinal));
        Assert.Equal("instance 'WebServer' has no IPv6 address (subnet 'Public' has no IPv6 block)",
            model.Explain(Endpoint.InternetV6, Web, PortRange.Single(ProtocolSpec.Tcp, 80))!.Reason);
    }

    [Fact]
    public void Ipv6Acl_DeniesTheIpv6InternetOnly()
    {
        var acl = Acl("WebAcl", "Public", [Deny(50, ProtocolSpec.All, 0, "::/0"), Allow(100, ProtocolSpec.All, 0, "0.0.0.0/0")], [Allow(100, ProtocolSpec.All, 0, "0.0.0.0/0"), Allow(110, ProtocolSpec.All, 0, "::/0")]);
        var matrix = Matrix(Model([acl], dualStack: true));
        Assert.DoesNotContain("the internet (IPv6) -> WebServer: TCP 80 via internet gateway 'Igw'", matrix);
        Assert.Contains("the internet (IPv4) -> WebServer: TCP all ports via internet gateway 'Igw'", matrix);
    }
    [Fact]
    public void GatewayEndpoint_NeedsHttpsOutAndTheRepliesIn_ThroughTheSubnetsAcl()
    {
        var s3 = new GatewayEndpointSpec("S3", TypeKeyword.Record, true, Ref("Net"), "s3", new[] { Ref("PrivateRoutes") }.ToEquatableArray());
        var db = Model([DbAcl(), s3]);
        Assert.Null(db.ExplainGateway(db.Instance("DbServer")!, s3));

        var closed = Acl("DbAcl", "Private", [Allow(100, ProtocolSpec.Tcp, 3306, "10.0.1.0/24")], [Allow(100, ProtocolSpec.Tcp, 1024, "10.0.1.0/24", 65535)]);
        var model = Model([closed, s3]);
        Assert.Equal("network ACL 'DbAcl' of subnet 'Private' has no outbound rule that allows TCP 443 to the internet (IPv4), so its default rule denies it",
            model.ExplainGateway(model.Instance("DbServer")!, s3)!.Reason);
    }

    [Fact]
    public void InterfaceEndpoint_NeedsTheAclsOfBothSubnets()
    {
        var endpointGroup = new SecurityGroupSpec("EndpointAccess", TypeKeyword.Record, true, Ref("Net"), "endpoints",
            new[] { Group(ProtocolSpec.Tcp, 443, "Db") }.ToEquatableArray(), EquatableArray<RuleSpec>.Empty);
        var ssm = new InterfaceEndpointSpec("Ssm", TypeKeyword.Record, true, Ref("Net"), "ssm", true,
            new[] { Ref("Public") }.ToEquatableArray(), new[] { Ref("EndpointAccess") }.ToEquatableArray());
        var open = Model([DbAcl(), endpointGroup, ssm]);
        Assert.Null(open.ExplainEndpoint(open.Instance("DbServer")!, ssm, PortRange.Single(ProtocolSpec.Tcp, 443)));

        var webAcl = Acl("WebAcl", "Public", [Allow(100, ProtocolSpec.Tcp, 80, "0.0.0.0/0")], [Allow(100, ProtocolSpec.Tcp, 1024, "0.0.0.0/0", 65535)]);
        var model = Model([DbAcl(), webAcl, endpointGroup, ssm]);
        var broken = model.ExplainEndpoint(model.Instance("DbServer")!, ssm, PortRange.Single(ProtocolSpec.Tcp, 443));
        Assert.Equal("network ACL 'WebAcl' of endpoint subnet 'Public' has no inbound rule that allows TCP 443 from DbServer, so its default rule denies it", broken!.Reason);
        Assert.Equal("WebAcl/attribute", broken.At.Value);
    }

    // ---- Traffic network ACLs do not filter ----

    /// <summary>
    /// An agent in the private subnet (behind <see cref="DbAcl"/>, which has no rule for any of it) whose group
    /// names the link-local services: the metadata service, the Time Sync Service, the ECS task metadata
    /// endpoint and both Windows activation servers as one /31; and the near misses, an ordinary address
    /// beside the metadata service and a /24 that holds it among ordinary addresses. (The /24's UDP 123 rule
    /// covers the services inside it too, so the group lets UDP 123 out to each of them.)
    /// </summary>
    private static ResourceSpec[] Agent() =>
    [
        new SecurityGroupSpec("Agent", TypeKeyword.Record, true, Ref("Net"), "Agent", EquatableArray<RuleSpec>.Empty,
            new[]
            {
                Cidr(ProtocolSpec.Tcp, 80, "169.254.169.254/32"), Cidr(ProtocolSpec.Udp, 123, "169.254.169.123/32"), Cidr(ProtocolSpec.Tcp, 80, "169.254.170.2/32"),
                Cidr(ProtocolSpec.Tcp, 1688, "169.254.169.250/31"), Cidr(ProtocolSpec.Tcp, 80, "169.254.169.255/32"), Cidr(ProtocolSpec.Udp, 123, "169.254.169.0/24"),
            }.ToEquatableArray()),
        Server("AgentServer", "Private", "10.0.2.20", false, "Agent"),
    ];

    private static readonly Endpoint AgentServer = new(EndpointKind.Instance, "AgentServer");

    private static Endpoint Block(string block) => new(EndpointKind.Block, block);

    [Fact]
    public void LinkLocalServices_PassTheAcl_WithoutARoute() => Assert.Equal(
    [
        "AgentServer -> 169.254.169.123/32: UDP 123 via a link-local address (no route needed)",
        "AgentServer -> 169.254.169.250/31: TCP 1688 via a link-local address (no route needed)",
        "AgentServer -> 169.254.169.250/31: UDP 123 via a link-local address (no route needed)",
        "AgentServer -> 169.254.169.254/32: TCP 80 via a link-local address (no route needed)",
        "AgentServer -> 169.254.169.254/32: UDP 123 via a link-local address (no route needed)",
        "AgentServer -> 169.254.170.2/32: TCP 80 via a link-local address (no route needed)",
    ], Matrix(Model([DbAcl(), .. Agent()])).Where(p => p.StartsWith("AgentServer -> 169.254.", System.StringComparison.Ordinal)).ToArray());

    [Fact]
    public void AnAclThatDeniesTheMetadataService_DoesNotStopIt_ButStopsTheAddressBeside()
    {
        var acl = Acl("DbAcl", "Private", [Allow(100, ProtocolSpec.All, 0, "0.0.0.0/0")], [Deny(50, ProtocolSpec.All, 0, "169.254.0.0/16"), Allow(100, ProtocolSpec.All, 0, "0.0.0.0/0")]);
        var model = Model([acl, .. Agent()]);
        Assert.Null(model.Explain(AgentServer, Block("169.254.169.254/32"), PortRange.Single(ProtocolSpec.Tcp, 80)));
        Assert.Null(model.Explain(AgentServer, Block("169.254.169.123/32"), PortRange.Single(ProtocolSpec.Udp, 123)));
        var broken = model.Explain(AgentServer, Block("169.254.169.255/32"), PortRange.Single(ProtocolSpec.Tcp, 80));
        Assert.Equal("network ACL 'DbAcl' of subnet 'Private' denies outbound TCP 80 to 169.254.169.255/32 (rule 50: deny all traffic to 169.254.0.0/16)", broken!.Reason);
        Assert.Equal("DbAcl/egress[0]/number", broken.At.Value);
    }

    [Fact]
    public void ABlockHoldingTheTimeSyncServiceAmongOrdinaryAddresses_IsFiltered()
    {
        var model = Model([DbAcl(), .. Agent()]);
        var broken = model.Explain(AgentServer, Block("169.254.169.0/24"), PortRange.Single(ProtocolSpec.Udp, 123));
        Assert.Equal("network ACL 'DbAcl' of subnet 'Private' has no outbound rule that allows UDP 123 to 169.254.169.0/24, so its default rule denies it", broken!.Reason);
        Assert.DoesNotContain(Matrix(model), p => p.StartsWith("AgentServer -> 169.254.169.0/24", System.StringComparison.Ordinal)
            || p.StartsWith("AgentServer -> 169.254.169.255/32", System.StringComparison.Ordinal));
    }
}

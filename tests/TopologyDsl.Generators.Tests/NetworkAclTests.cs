using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Network ACLs and IPv6 dual stack: one test per ID at the exact argument, each with the near miss
/// beside it that must stay quiet; reachability through the stateless filters and over IPv6.
/// </summary>
public class NetworkAclTests
{
    private const string Ami = TestCompilation.AmiParameter;

    /// <summary>The two tiers with flow logs, so that the security findings (TDSL4xx) counted in some tests are the ACLs' own.</summary>
    private static string Stack(string body, string attributes = "[Stack(\"shop\")]") =>
        "namespace Shop;\n" + attributes + "\npublic static partial class Shop\n{\n" + Ami
        + TestCompilation.TwoTierNetwork.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\", FlowLogs = true)]") + body + "}\n";

    /// <summary>An ACL on the private subnet that lets the public subnet in on PostgreSQL, with the replies: quiet.</summary>
    private const string DbAcl = """
        [NetworkAcl<Net>, Associate<Private>]
        [AclIngress(100, AclAction.Allow, Protocol.Tcp, 5432, "10.0.1.0/24"), AclEgress(100, AclAction.Allow, Protocol.Tcp, 1024, "10.0.1.0/24", ToPort = 65535)]
        public partial record DbAcl;

        """;

    [Fact]
    public Task ValidAcl_HasNoDiagnostics() => Markup.VerifyAllAsync(Stack(DbAcl));

    [Fact]
    public Task TDSL140_RuleNumberOutOfRange() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclIngress({|TDSL140:0|}, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24"), AclIngress({|TDSL140:32767|}, AclAction.Deny, Protocol.All, 0, "198.51.100.0/24")]
        [AclEgress(1, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24"), AclEgress(32766, AclAction.Deny, Protocol.All, 0, "198.51.100.0/24")]
        public partial record DbAcl;
        """));

    [Fact]
    public Task TDSL141_DuplicateRuleNumber_OneDirection() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclIngress(100, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24"), AclIngress({|TDSL141:100|}, AclAction.Deny, Protocol.All, 0, "198.51.100.0/24")]
        [AclEgress(100, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24")]
        public partial record DbAcl;
        """));

    [Fact]
    public Task TDSL146_TooManyRules_PerDirectionAndFamily() => Markup.VerifyAsync(Stack(
        "[NetworkAcl<Net>, Associate<Private>"
        + string.Concat(Enumerable.Range(1, 20).Select(i => $", AclIngress({i}, AclAction.Deny, Protocol.Udp, {i}, \"203.0.113.0/24\")"))
        + ", {|TDSL146:AclIngress(21, AclAction.Deny, Protocol.Udp, 21, \"203.0.113.0/24\")|}"
        + string.Concat(Enumerable.Range(1, 20).Select(i => $", AclEgress({i}, AclAction.Deny, Protocol.Udp, {i}, \"203.0.113.0/24\")"))
        + string.Concat(Enumerable.Range(30, 20).Select(i => $", AclEgress({i}, AclAction.Deny, Protocol.Udp, {i}, \"2001:db8::/32\")"))
        + "] public partial record DbAcl;\n"));

    [Fact]
    public Task TDSL146_RaisedQuotaFromBuildProperty() => Markup.VerifyAsync(Stack(
        "[NetworkAcl<Net>, Associate<Private>"
        + string.Concat(Enumerable.Range(1, 21).Select(i => $", AclIngress({i}, AclAction.Deny, Protocol.Udp, {i}, \"203.0.113.0/24\")"))
        + "] public partial record DbAcl;\n"),
        new BuildPropertiesProvider(("TopologyDslRulesPerNetworkAcl", "40")));

    [Fact]
    public Task TDSL147_TooManyAclsInOneVpc() => Markup.VerifyAsync(Stack(
        string.Concat(Enumerable.Range(1, 199).Select(i => $"[NetworkAcl<Net>] public partial record Acl{i};\n"))
        + "[NetworkAcl<{|TDSL147:Net|}>] public partial record Acl200;\n"
        + "[Vpc(\"10.1.0.0/16\")] public partial record Other;\n[NetworkAcl<Other>] public partial record OtherAcl;\n"));

    [Fact]
    public Task TDSL250_SubnetInTwoAcls() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>] public partial record First;
        [NetworkAcl<Net>, Associate<{|TDSL250:Private|}>, Associate<Public>] public partial record Second;
        """));

    [Fact]
    public Task TDSL205_AclOfAnotherVpc() => Markup.VerifyAsync(Stack("""
        [Vpc("10.1.0.0/16")] public partial record Other;
        [NetworkAcl<Other>, Associate<{|TDSL205:Private|}>] public partial record Foreign;
        [NetworkAcl<Net>, Associate<Public>] public partial record Own;
        """));

    [Fact]
    public Task TDSL251_ShadowedRule_NamesTheWinner() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclIngress(100, AclAction.Deny, Protocol.Tcp, 0, "0.0.0.0/0"), AclIngress({|TDSL251:200|}, AclAction.Allow, Protocol.Tcp, 22, "10.0.1.0/24")]
        [AclIngress(110, AclAction.Deny, Protocol.Udp, 53, "10.0.0.0/16"), AclIngress(120, AclAction.Allow, Protocol.Udp, 53, "0.0.0.0/0")]
        [AclEgress(100, AclAction.Allow, Protocol.All, 0, "0.0.0.0/0"), AclEgress({|TDSL251:110|}, AclAction.Deny, Protocol.Icmp, 8, "10.0.1.0/24")]
        [AclEgress(90, AclAction.Deny, Protocol.Icmp, 0, "::/0"), AclEgress(95, AclAction.Allow, Protocol.Icmp, -1, "2001:db8::/32")]
        public partial record DbAcl;
        """));

    /// <summary>
    /// A rule for the Time Sync Service after a deny of everything is not "shadowed": no rule decides that
    /// traffic, it passes. The same rule for an ordinary address beside it is. Every finding is counted.
    /// </summary>
    [Fact]
    public Task TDSL251_Near_ARuleForTrafficAclsDoNotFilter_IsNotShadowed() => Markup.VerifyAllAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclEgress(100, AclAction.Deny, Protocol.All, 0, "0.0.0.0/0"), AclEgress(200, AclAction.Allow, Protocol.Udp, 123, "169.254.169.123/32")]
        [AclEgress({|TDSL251:210|}, AclAction.Allow, Protocol.Udp, 123, "169.254.169.122/32")]
        public partial record DbAcl;
        """));

    [Fact]
    public Task TDSL252_NoRuleForTheReplies_BothDirections() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclIngress(100, AclAction.Allow, Protocol.Tcp, {|TDSL252:5432|}, "192.168.0.0/24"), AclIngress(110, AclAction.Allow, Protocol.Tcp, 22, "10.0.0.0/16")]
        [AclEgress(100, AclAction.Allow, Protocol.Tcp, {|TDSL252:443|}, "0.0.0.0/0"), AclEgress(110, AclAction.Allow, Protocol.Tcp, 1024, "10.0.0.0/16", ToPort = 65535)]
        [AclIngress(120, AclAction.Allow, Protocol.Udp, {|TDSL252:53|}, "10.0.1.0/24"), AclIngress(130, AclAction.Allow, Protocol.Tcp, 1024, "198.51.100.0/24", ToPort = 65535)]
        public partial record DbAcl;
        """));

    [Fact]
    public Task TDSL252_Udp_DnsOutWithOnlyATcpReplyRule() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclEgress(100, AclAction.Allow, Protocol.Udp, {|TDSL252:53|}, "0.0.0.0/0"), AclEgress(110, AclAction.Allow, Protocol.Tcp, 443, "0.0.0.0/0")]
        [AclIngress(100, AclAction.Allow, Protocol.Tcp, 1024, "0.0.0.0/0", ToPort = 65535)]
        public partial record DbAcl;
        """));

    [Fact]
    public Task TDSL252_Near_UdpRepliesByAUdpRuleOrAnAllProtocolsRule() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclEgress(100, AclAction.Allow, Protocol.Udp, 53, "198.51.100.0/24"), AclEgress(110, AclAction.Allow, Protocol.Udp, 123, "10.0.0.0/16")]
        [AclEgress(120, AclAction.Allow, Protocol.Tcp, 443, "0.0.0.0/0")]
        [AclIngress(100, AclAction.Allow, Protocol.Udp, 1024, "198.51.100.0/24", ToPort = 65535), AclIngress(110, AclAction.Allow, Protocol.All, 0, "10.0.0.0/16")]
        [AclIngress(120, AclAction.Allow, Protocol.Tcp, 1024, "0.0.0.0/0", ToPort = 65535), AclIngress(130, AclAction.Deny, Protocol.Udp, 53, "0.0.0.0/0")]
        public partial record DbAcl;
        """));

    /// <summary>
    /// Network ACLs do not filter traffic to and from the Amazon DNS server (the Route 53 Resolver at
    /// the VPC's base + 2, 10.0.0.2, and at 169.254.169.253): DNS to it needs no reply rule. Every
    /// finding of the whole catalog is counted, so no other ACL or reachability finding fires either.
    /// </summary>
    [Fact]
    public Task TDSL252_Near_DnsToTheVpcResolver_NeedsNoReplyRule() => Markup.VerifyAllAsync(Stack(DbAcl.Replace("public partial record DbAcl;", """
        [AclEgress(110, AclAction.Allow, Protocol.Udp, 53, "10.0.0.2/32"), AclEgress(120, AclAction.Allow, Protocol.Tcp, 53, "10.0.0.2/32")]
        [AclEgress(130, AclAction.Allow, Protocol.Udp, 53, "169.254.169.253/32"), AclEgress(140, AclAction.Allow, Protocol.Tcp, 53, "169.254.169.253/32")]
        [AclEgress(150, AclAction.Allow, Protocol.Udp, 53, "fd00:ec2::253/128")]
        public partial record DbAcl;
        """)));

    /// <summary>
    /// The near misses of the resolver: a block that also holds other addresses (the VPC's first four,
    /// the whole VPC), the base + 2 of another block than the VPC's, and DNS to a server of the
    /// internet all still need their reply rule.
    /// </summary>
    [Fact]
    public Task TDSL252_DnsToMoreThanTheResolver_OrToAnotherServer_StillNeedsTheReplies() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclEgress(100, AclAction.Allow, Protocol.Udp, {|TDSL252:53|}, "10.0.0.0/30"), AclEgress(110, AclAction.Allow, Protocol.Tcp, {|TDSL252:53|}, "10.0.0.0/16")]
        [AclEgress(120, AclAction.Allow, Protocol.Udp, {|TDSL252:53|}, "10.1.0.2/32"), AclEgress(130, AclAction.Allow, Protocol.Udp, {|TDSL252:53|}, "8.8.8.8/32")]
        [AclEgress(140, AclAction.Allow, Protocol.Udp, {|TDSL252:53|}, "169.254.169.252/30"), AclEgress(150, AclAction.Allow, Protocol.Udp, {|TDSL252:53|}, "fd00:ec2::/64")]
        public partial record DbAcl;
        """));

    /// <summary>
    /// The other destinations network ACLs do not filter need no reply rule either: the instance metadata
    /// service and the Time Sync Service (IPv4 and IPv6), the ECS task metadata endpoint, the two Windows
    /// activation servers (a /31 that holds only them) and the VPC router of each subnet (10.0.2.1 out,
    /// 10.0.1.1 in). Every finding of the whole catalog is counted.
    /// </summary>
    [Fact]
    public Task TDSL252_Near_LinkLocalServicesAndTheRouter_NeedNoReplyRule() => Markup.VerifyAllAsync(Stack(DbAcl.Replace("public partial record DbAcl;", """
        [AclEgress(110, AclAction.Allow, Protocol.Tcp, 80, "169.254.169.254/32"), AclEgress(120, AclAction.Allow, Protocol.Tcp, 80, "fd00:ec2::254/128")]
        [AclEgress(130, AclAction.Allow, Protocol.Udp, 123, "169.254.169.123/32"), AclEgress(140, AclAction.Allow, Protocol.Udp, 123, "fd00:ec2::123/128")]
        [AclEgress(150, AclAction.Allow, Protocol.Tcp, 80, "169.254.170.2/32"), AclEgress(160, AclAction.Allow, Protocol.Tcp, 1688, "169.254.169.250/31")]
        [AclEgress(170, AclAction.Allow, Protocol.Udp, 67, "10.0.2.1/32"), AclIngress(110, AclAction.Allow, Protocol.Udp, 67, "10.0.1.1/32", ToPort = 68)]
        public partial record DbAcl;
        """)));

    /// <summary>
    /// The near misses: an ordinary address beside a service (169.254.169.255, .122, 169.254.170.3), a block
    /// that holds a service among ordinary addresses (169.254.0.0/16 and the metadata service, a /125 and the
    /// IPv6 Time Sync Service, a /30 and both activation servers, a subnet's first two addresses and its
    /// router), and the base + 1 of a block that is no subnet of the VPC: each still needs its reply rule.
    /// </summary>
    [Fact]
    public Task TDSL252_OrdinaryAddressesBesideTheServices_StillNeedTheReplies() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclEgress(100, AclAction.Allow, Protocol.Tcp, {|TDSL252:80|}, "169.254.169.255/32"), AclEgress(110, AclAction.Allow, Protocol.Tcp, {|TDSL252:80|}, "169.254.0.0/16")]
        [AclEgress(120, AclAction.Allow, Protocol.Udp, {|TDSL252:123|}, "169.254.169.122/32"), AclEgress(130, AclAction.Allow, Protocol.Udp, {|TDSL252:123|}, "fd00:ec2::120/125")]
        [AclEgress(140, AclAction.Allow, Protocol.Tcp, {|TDSL252:1688|}, "169.254.169.248/30"), AclEgress(150, AclAction.Allow, Protocol.Tcp, {|TDSL252:443|}, "169.254.170.3/32")]
        [AclEgress(160, AclAction.Allow, Protocol.Udp, {|TDSL252:67|}, "10.0.2.0/31"), AclEgress(170, AclAction.Allow, Protocol.Udp, {|TDSL252:67|}, "10.1.0.1/32")]
        public partial record DbAcl;
        """));

    /// <summary>Deny rules for the metadata service (both families), the Time Sync Service, the activation servers and the router: each blocks nothing.</summary>
    [Fact]
    public Task TDSL256_DenyingTrafficAclsDoNotFilter() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclEgress(50, AclAction.Deny, Protocol.All, 0, {|TDSL256:"169.254.169.254/32"|}), AclEgress(60, AclAction.Deny, Protocol.Tcp, 80, {|TDSL256:"fd00:ec2::254/128"|})]
        [AclEgress(70, AclAction.Deny, Protocol.Udp, 123, {|TDSL256:"169.254.169.123/32"|}), AclEgress(80, AclAction.Deny, Protocol.Tcp, 1688, {|TDSL256:"169.254.169.250/31"|})]
        [AclIngress(50, AclAction.Deny, Protocol.All, 0, {|TDSL256:"10.0.2.1/32"|})]
        [AclEgress(100, AclAction.Allow, Protocol.All, 0, "0.0.0.0/0"), AclIngress(100, AclAction.Allow, Protocol.All, 0, "0.0.0.0/0")]
        public partial record DbAcl;
        """));

    /// <summary>
    /// The near misses: a deny of a block that also holds ordinary addresses (169.254.0.0/16, the /30 around
    /// the activation servers) denies those, an ordinary address beside a service is filtered, and an allow
    /// rule for a service is harmless. Every finding of the whole catalog is counted.
    /// </summary>
    [Fact]
    public Task TDSL256_Near_DenyingMoreThanTheServices_OrAllowingThem() => Markup.VerifyAllAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclEgress(90, AclAction.Deny, Protocol.All, 0, "169.254.0.0/16"), AclEgress(60, AclAction.Deny, Protocol.Tcp, 1688, "169.254.169.248/30")]
        [AclEgress(70, AclAction.Deny, Protocol.Tcp, 80, "169.254.169.255/32"), AclEgress(40, AclAction.Allow, Protocol.Tcp, 80, "169.254.169.254/32")]
        [AclEgress(100, AclAction.Allow, Protocol.All, 0, "0.0.0.0/0"), AclIngress(100, AclAction.Allow, Protocol.Tcp, 1024, "0.0.0.0/0", ToPort = 65535)]
        public partial record DbAcl;
        """));

    [Fact]
    public Task TDSL252_ADenyBeforeTheReplyRule_StillBlocks() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclIngress(100, AclAction.Allow, Protocol.Tcp, {|TDSL252:5432|}, "10.0.1.0/24")]
        [AclEgress(50, AclAction.Deny, Protocol.Tcp, 1024, "10.0.1.0/24", ToPort = 2048), AclEgress(100, AclAction.Allow, Protocol.Tcp, 1024, "10.0.0.0/16", ToPort = 65535)]
        public partial record DbAcl;
        """));

    [Fact]
    public Task TDSL420_AdminPortOpenToTheInternet() => Markup.VerifyAllAsync(Stack("""
        [NetworkAcl<Net>, Associate<Public>]
        [AclIngress(100, AclAction.Allow, Protocol.Tcp, 22, {|TDSL420:"0.0.0.0/0"|}), AclIngress(110, AclAction.Allow, Protocol.All, 0, {|TDSL420:"::/0"|})]
        [AclIngress(120, AclAction.Deny, Protocol.Tcp, 3389, "0.0.0.0/0"), AclIngress(130, AclAction.Allow, Protocol.Tcp, 3000, "0.0.0.0/0", ToPort = 4000)]
        [AclIngress(90, AclAction.Allow, Protocol.Tcp, 22, "203.0.113.0/24"), AclIngress(150, AclAction.Allow, Protocol.Tcp, 1024, "0.0.0.0/0", ToPort = 65535), AclIngress(160, AclAction.Allow, Protocol.Tcp, 20, {|TDSL420:"0.0.0.0/0"|}, ToPort = 21)]
        [AclEgress(100, AclAction.Allow, Protocol.All, 0, "0.0.0.0/0"), AclEgress(110, AclAction.Allow, Protocol.All, 0, "::/0")]
        public partial record WebAcl;
        """));

    [Fact]
    public Task TDSL421_AclWithoutSubnet() => Markup.VerifyAllAsync(Stack("""
        [{|TDSL421:NetworkAcl<Net>|}] public partial record Unused;
        [NetworkAcl<Net>, Associate<Private>] public partial record Used;
        """));

    [Fact]
    public Task AclRule_MalformedBlockAndPorts_AreShapeFindings() => Markup.VerifyAsync(Stack("""
        [NetworkAcl<Net>, Associate<Private>]
        [AclIngress(100, AclAction.Deny, Protocol.Tcp, 22, {|TDSL101:"10.0.0/8"|}), AclIngress(110, AclAction.Deny, Protocol.Tcp, {|TDSL008:70000|}, "10.0.0.0/8")]
        [AclIngress(120, AclAction.Deny, Protocol.Icmp, 8, "10.0.0.0/8", IcmpCode = {|TDSL008:300|}), AclIngress(130, AclAction.Deny, Protocol.Tcp, 22, {|TDSL103:"10.0.0.1/8"|})]
        [AclEgress(100, AclAction.Deny, Protocol.Tcp, 22, "2001:db8::/32"), AclEgress(110, AclAction.Deny, Protocol.Icmp, -1, "10.0.0.0/8")]
        public partial record DbAcl;
        """));

    [Fact]
    public Task Associate_OnANetworkAcl_IsNotMisplaced_ButAclRulesOnATableAre() => Markup.VerifyAsync(Stack("""
        [RouteTable<Net>, {|TDSL006:AclIngress(100, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24")|}] public partial record Odd;
        [NetworkAcl<Net>, Associate<Private>] public partial record DbAcl;
        """));

    // ---- IPv6 ----

    /// <summary>A dual-stack public subnet (internet gateway) and private subnet (egress-only gateway): quiet.</summary>
    private static string DualStack(string publicSubnet = "Ipv6Index = 0, AssignIpv6AddressOnCreation = true", string privateSubnet = "Ipv6Index = 1, AssignIpv6AddressOnCreation = true",
        string privateRoute = "[Route<Eigw>(\"::/0\")]", string vpc = ", Ipv6 = true") =>
        TestCompilation.TwoTierNetwork
            .Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\"" + vpc + ")]")
            .Replace("[Subnet<Net>(\"10.0.1.0/24\")]", "[Subnet<Net>(\"10.0.1.0/24\", Kind = SubnetKind.Public, " + publicSubnet + ")]")
            .Replace("[Subnet<Net>(\"10.0.2.0/24\")]", "[Subnet<Net>(\"10.0.2.0/24\", Kind = SubnetKind.Private, " + privateSubnet + ")]")
            .Replace("Route<Igw>(\"0.0.0.0/0\")]", "Route<Igw>(\"0.0.0.0/0\"), Route<Igw>(\"::/0\")]")
            .Replace("Route<Nat>(\"0.0.0.0/0\")]", "Route<Nat>(\"0.0.0.0/0\")]" + privateRoute)
        + "[EgressOnlyInternetGateway<Net>] public partial record Eigw;\n";

    private static string DualStackStack(string network, string body = "") =>
        "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + Ami + network + body + "}\n";

    [Fact]
    public Task DualStack_HasNoDiagnostics() => Markup.VerifyAsync(DualStackStack(DualStack()));

    [Fact]
    public Task TDSL142_Ipv6IndexOutOfRange() => Markup.VerifyAsync(DualStackStack(DualStack(
        publicSubnet: "Ipv6Index = {|TDSL142:256|}", privateSubnet: "Ipv6Index = 255", privateRoute: "")));

    [Fact]
    public Task TDSL143_TwoSubnetsWithOneIndex() => Markup.VerifyAsync(DualStackStack(DualStack(
        publicSubnet: "Ipv6Index = 3", privateSubnet: "Ipv6Index = {|TDSL143:3|}", privateRoute: "")
        + "[Subnet<Net>(\"10.0.3.0/24\", Ipv6Index = 4)] public partial record Third;\n"));

    [Fact]
    public Task TDSL144_Ipv6SubnetInAVpcWithoutIpv6() => Markup.VerifyAsync(DualStackStack(DualStack(
        publicSubnet: "Ipv6Index = {|TDSL144:0|}", privateSubnet: "Zone = 0", privateRoute: "", vpc: "")
        .Replace("[EgressOnlyInternetGateway<Net>] public partial record Eigw;\n", "")
        .Replace(", Route<Igw>(\"::/0\")", "")));

    [Fact]
    public Task TDSL145_AssignWithoutBlock() => Markup.VerifyAsync(DualStackStack(DualStack(
        publicSubnet: "AssignIpv6AddressOnCreation = {|TDSL145:true|}", privateSubnet: "Ipv6Index = 1, AssignIpv6AddressOnCreation = true")));

    [Fact]
    public Task TDSL253_PrivateSubnetRoutesIpv6ToTheInternetGateway() => Markup.VerifyAsync(DualStackStack(DualStack(
        privateSubnet: "Ipv6Index = 1, AssignIpv6AddressOnCreation = true", privateRoute: "[Route<Igw>(\"::/0\")]")
        .Replace("Kind = SubnetKind.Private", "Kind = {|TDSL253:SubnetKind.Private|}")));

    [Fact]
    public Task TDSL254_Ipv6AddressesWithoutIpv6Route() => Markup.VerifyAsync(DualStackStack(DualStack(
        privateSubnet: "Ipv6Index = 1, AssignIpv6AddressOnCreation = {|TDSL254:true|}", privateRoute: "")
        + "[Subnet<Net>(\"10.0.3.0/24\", Ipv6Index = 2)] public partial record Quiet;\n"));

    [Fact]
    public Task TDSL255_Ipv4RouteToTheEgressOnlyGateway() => Markup.VerifyAsync(DualStackStack(DualStack(
        privateRoute: "[Route<Eigw>(\"::/0\")]").Replace("Route<Nat>(\"0.0.0.0/0\")]", "Route<Nat>(\"0.0.0.0/0\"), Route<Eigw>({|TDSL255:\"203.0.113.0/24\"|})]")));

    [Fact]
    public Task TDSL205_EgressOnlyGatewayOfAnotherVpc() => Markup.VerifyAsync(DualStackStack(DualStack(privateRoute: "[Route<OtherEigw>(\"::/0\")]")
        .Replace("Route<OtherEigw>", "Route<{|TDSL205:OtherEigw|}>")
        + "[Vpc(\"10.1.0.0/16\", Ipv6 = true)] public partial record Other;\n[EgressOnlyInternetGateway<Other>] public partial record OtherEigw;\n"));

    [Fact]
    public Task DuplicateIpv6Route_IsTDSL114() => Markup.VerifyAsync(DualStackStack(DualStack(
        privateRoute: "[Route<Eigw>(\"::/0\"), Route<Eigw>({|TDSL114:\"0::/0\"|})]")));
    // ---- Intent through the filters ----

    private const string Tiers = """
        [SecurityGroup<Net>("web"), Egress(Tcp, 443, "0.0.0.0/0"), EgressTo<DbGroup>(Tcp, 5432)] public partial record WebGroup;
        [SecurityGroup<Net>("db"), IngressFrom<WebGroup>(Tcp, 5432), Ingress(Tcp, 80, "::/0"), Egress(Tcp, 443, "0.0.0.0/0")] public partial record DbGroup;
        [Instance<Public>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<WebGroup>] public partial record Web;
        [Instance<Private>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<DbGroup>] public partial record Db;

        """;

    [Fact]
    public Task TDSL230_TheAclForgetsTheReplies_AtTheAssertion() => Markup.VerifyAsync(Stack(Tiers + """
        [NetworkAcl<Net>, Associate<Private>]
        [AclIngress(100, AclAction.Allow, Protocol.Tcp, {|TDSL252:5432|}, "10.0.1.0/24"), AclIngress(110, AclAction.Allow, Protocol.Tcp, 1024, "0.0.0.0/0", ToPort = 65535)]
        [AclEgress(100, AclAction.Allow, Protocol.Tcp, 443, "0.0.0.0/0")]
        public partial record DbAcl;
        """, "[Stack(\"shop\"), {|TDSL230:Reaches<Shop.Web, Shop.Db>(Tcp, 5432)|}]"));

    [Fact]
    public Task TDSL230_Near_TheAclWithReplies_HoldsTheAssertion() => Markup.VerifyAsync(Stack(Tiers + """
        [NetworkAcl<Net>, Associate<Private>]
        [AclIngress(100, AclAction.Allow, Protocol.Tcp, 5432, "10.0.1.0/24"), AclIngress(110, AclAction.Allow, Protocol.Tcp, 1024, "0.0.0.0/0", ToPort = 65535)]
        [AclEgress(100, AclAction.Allow, Protocol.Tcp, 443, "0.0.0.0/0"), AclEgress(110, AclAction.Allow, Protocol.Tcp, 1024, "10.0.1.0/24", ToPort = 65535)]
        public partial record DbAcl;
        """, "[Stack(\"shop\"), Reaches<Shop.Web, Shop.Db>(Tcp, 5432), NeverReachableFromInternet<Shop.Db>]"));

    [Fact]
    public Task TDSL231_PrivateSubnetReachableOverIpv6() => Markup.VerifyAsync(
        "namespace Shop;\n[Stack(\"shop\"), {|TDSL231:NeverReachableFromInternet<Shop.Db>|}]\npublic static partial class Shop\n{\n" + Ami
        + DualStack(privateRoute: "[Route<Igw>(\"::/0\")]").Replace("Kind = SubnetKind.Private", "Kind = {|TDSL253:SubnetKind.Private|}") + Tiers + "}\n");

    [Fact]
    public Task TDSL231_Near_EgressOnlyKeepsThePrivateSubnetUnreachable() => Markup.VerifyAsync(
        "namespace Shop;\n[Stack(\"shop\"), NeverReachableFromInternet<Shop.Db>]\npublic static partial class Shop\n{\n" + Ami + DualStack() + Tiers + "}\n");
    // ---- Endpoints through the filters ----

    private const string Managed = """
        [SecurityGroup<Net>("db"), Egress(Tcp, 443, "0.0.0.0/0")] public partial record DbGroup;
        [SecurityGroup<Net>("endpoints"), IngressFrom<DbGroup>(Tcp, 443)] public partial record EndpointAccess;
        [InterfaceEndpoint<Net>(EndpointServices.Ssm), EndpointSubnet<Public>, Uses<EndpointAccess>] public partial record Ssm;
        [InterfaceEndpoint<Net>(EndpointServices.SsmMessages), EndpointSubnet<Public>, Uses<EndpointAccess>] public partial record SsmMessages;
        [InterfaceEndpoint<Net>(EndpointServices.Ec2Messages), EndpointSubnet<Public>, Uses<EndpointAccess>] public partial record Ec2Messages;
        [Instance<Private>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = true), Uses<DbGroup>] public partial record Db;

        """;

    /// <summary>The private subnet has no way out but the endpoints; the ACL decides whether Session Manager's agent reaches them.</summary>
    private static string ManagedStack(string acl) => Stack(Managed + acl).Replace(", Route<Nat>(\"0.0.0.0/0\")]", "]");

    [Fact]
    public Task TDSL243_TheAclKeepsTheAgentFromTheEndpoints_NamingTheRule() => Markup.VerifyAsync(ManagedStack("""
        [NetworkAcl<Net>, Associate<Private>, AclEgress(100, AclAction.Deny, Tcp, 443, "10.0.1.0/24")] public partial record DbAcl;
        """).Replace("Uses<EndpointAccess>] public partial record Ssm", "Uses<{|TDSL243:EndpointAccess|}>] public partial record Ssm")
        .Replace("Uses<EndpointAccess>] public partial record Ec2", "Uses<{|TDSL243:EndpointAccess|}>] public partial record Ec2"));

    [Fact]
    public Task TDSL243_Near_TheAclLetsHttpsOutAndTheRepliesIn() => Markup.VerifyAsync(ManagedStack("""
        [NetworkAcl<Net>, Associate<Private>, AclEgress(100, AclAction.Allow, Tcp, 443, "10.0.1.0/24"), AclIngress(100, AclAction.Allow, Tcp, 1024, "10.0.1.0/24", ToPort = 65535)]
        public partial record DbAcl;
        """));
}

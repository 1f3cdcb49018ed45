using TopologyDsl;
using static TopologyDsl.Protocol;

namespace TopologyDsl.Tests.Stacks;

/// <summary>
/// Network ACLs and IPv6 dual stack, every shape the generator emits for them, for the schema,
/// reference and cfn-lint tests: a VPC with its Amazon-provided /56, a public dual-stack subnet routed
/// to the internet gateway over both families, a private one whose IPv6 goes out through an
/// egress-only gateway, and a database subnet behind a network ACL with TCP, UDP, ICMP, all-protocol
/// and IPv6 rules (allow and deny, inbound and outbound) and the reply rules a stateless filter needs.
/// </summary>
[Stack("filters", Description = "Network ACL and dual-stack shapes")]
public static partial class Filters
{
    [Vpc("10.0.0.0/16", Ipv6 = true, FlowLogs = true)] public partial record Net;
    [Subnet<Net>("10.0.1.0/24", Kind = SubnetKind.Public, Ipv6Index = 0, AssignIpv6AddressOnCreation = true)] public partial record Web;
    [Subnet<Net>("10.0.2.0/24", Kind = SubnetKind.Private, Ipv6Index = 1, AssignIpv6AddressOnCreation = true)] public partial record App;
    [Subnet<Net>("10.0.3.0/24", Kind = SubnetKind.Private)] public partial record Data;

    [InternetGateway<Net>] public partial record Igw;
    [EgressOnlyInternetGateway<Net>] public partial record Eigw;
    [NatGateway<Web>] public partial record Nat;

    [RouteTable<Net>, Associate<Web>, Route<Igw>("0.0.0.0/0"), Route<Igw>("::/0")] public partial record WebRoutes;
    [RouteTable<Net>, Associate<App>, Associate<Data>, Route<Nat>("0.0.0.0/0"), Route<Eigw>("::/0")] public partial record AppRoutes;

    [NetworkAcl<Net>, Associate<Data>]
    [AclIngress(100, AclAction.Allow, Tcp, 5432, "10.0.2.0/24")]
    [AclIngress(110, AclAction.Allow, Tcp, 1024, "0.0.0.0/0", ToPort = 65535)]
    [AclIngress(115, AclAction.Allow, Udp, 1024, "0.0.0.0/0", ToPort = 65535)]     // the replies to NTP (UDP 123) out
    [AclIngress(120, AclAction.Allow, Icmp, 3, "10.0.0.0/16", IcmpCode = 4)]
    [AclIngress(130, AclAction.Deny, All, 0, "203.0.113.0/24")]
    [AclEgress(100, AclAction.Allow, Tcp, 1024, "10.0.2.0/24", ToPort = 65535)]
    [AclEgress(110, AclAction.Allow, Tcp, 443, "0.0.0.0/0")]
    [AclEgress(120, AclAction.Allow, Udp, 123, "0.0.0.0/0")]
    [AclEgress(130, AclAction.Allow, Icmp, -1, "::/0")]
    [AclEgress(140, AclAction.Deny, Tcp, 25, "::/0")]
    public partial record DataAcl;

    [Parameter(Type = ParameterTypes.ImageId, Description = "An AMI")] public partial record ImageId;

    [SecurityGroup<Net>("Application servers")]
    [Ingress(Tcp, 443, "::/0", Description = "HTTPS over IPv6 - not reachable, the subnet goes out through the egress-only gateway")]
    [Egress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS out")]
    [Egress(Tcp, 443, "::/0", Description = "HTTPS out over IPv6")]
    [EgressTo<DbGroup>(Tcp, 5432, Description = "PostgreSQL")]
    public partial record AppGroup;

    [SecurityGroup<Net>("Database")]
    [IngressFrom<AppGroup>(Tcp, 5432, Description = "PostgreSQL from the application")]
    [Egress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS out, for updates")]
    public partial record DbGroup;

    [Instance<App>("10.0.2.10", ImageId = nameof(ImageId), InstanceType = "t3.micro"), Uses<AppGroup>] public partial record AppServer;
    [Instance<Data>("10.0.3.10", ImageId = nameof(ImageId), InstanceType = "t3.micro"), Uses<DbGroup>] public partial record DbServer;
}

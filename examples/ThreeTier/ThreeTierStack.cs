using TopologyDsl;
using static TopologyDsl.Protocol;

namespace Examples.ThreeTier;

/// <summary>
/// A three-tier network over two availability zones, managed without SSH: nginx web servers in the
/// public subnets, application servers in private subnets with no route to the internet, and MariaDB
/// in database subnets. Every server is reached through Session Manager; the private tiers install
/// packages through an S3 gateway endpoint (Amazon Linux 2023's repositories are in S3) and reach
/// Systems Manager and Secrets Manager through interface endpoints. No bastion, no NAT gateway, no key pair.
/// The public tier is dual stack (IPv6 from the VPC's Amazon-provided block); the database tier sits
/// behind a network ACL that admits MariaDB from the application subnets only.
/// </summary>
[Stack("three-tier", Description = "Three tiers over two zones, managed through Session Manager, private tiers served by VPC endpoints")]
[Output("SiteUrl", "http://${WebA.PublicIp}/", Description = "The site, through the first web server")]
// Intent, checked against the security groups, routes and gateways while you type (TDSL230, TDSL231).
[ReachableFromInternet<ThreeTierStack.WebA>(Tcp, 80)]
[Reaches<ThreeTierStack.WebA, ThreeTierStack.AppA>(Tcp, 8080)]
[Reaches<ThreeTierStack.WebB, ThreeTierStack.AppB>(Tcp, 8080)]
[Reaches<ThreeTierStack.AppA, ThreeTierStack.Db>(Tcp, 3306)]
[NeverReachableFromInternet<ThreeTierStack.AppA>]
[NeverReachableFromInternet<ThreeTierStack.Db>]
public static partial class ThreeTierStack
{
    [Parameter(Type = ParameterTypes.ImageId,
        Description = "Amazon Linux 2023 image ID, such as the value of the public SSM parameter /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")]
    public partial record ImageId;

    [Parameter(Default = "t3.micro", AllowedValues = ["t3.micro", "t3.small", "t3.medium"], Description = "EC2 instance type of every server")]
    public partial record InstanceType;

    // ---- Network: one VPC, three tiers of subnets, one subnet per tier and zone ----

    // Dual stack on the public tier: the VPC's Amazon-provided IPv6 /56, a /64 for each public subnet.
    [Vpc("10.0.0.0/16", FlowLogs = true, Ipv6 = true)] public partial record Network;

    [Subnet<Network>("10.0.0.0/24", Zone = 0, Kind = SubnetKind.Public, Ipv6Index = 0, AssignIpv6AddressOnCreation = true)] public partial record PublicSubnetA;
    [Subnet<Network>("10.0.1.0/24", Zone = 1, Kind = SubnetKind.Public, Ipv6Index = 1, AssignIpv6AddressOnCreation = true)] public partial record PublicSubnetB;
    [Subnet<Network>("10.0.10.0/24", Zone = 0, Kind = SubnetKind.Private)] public partial record AppSubnetA;
    [Subnet<Network>("10.0.11.0/24", Zone = 1, Kind = SubnetKind.Private)] public partial record AppSubnetB;
    [Subnet<Network>("10.0.20.0/24", Zone = 0, Kind = SubnetKind.Private)] public partial record DbSubnetA;
    [Subnet<Network>("10.0.21.0/24", Zone = 1, Kind = SubnetKind.Private)] public partial record DbSubnetB;

    [InternetGateway<Network>] public partial record Igw;

    // Only the public tier has a route out. The others reach AWS through the endpoints below.
    [RouteTable<Network>, Associate<PublicSubnetA>, Associate<PublicSubnetB>, Route<Igw>("0.0.0.0/0"), Route<Igw>("::/0")] public partial record PublicRoutes;
    [RouteTable<Network>, Associate<AppSubnetA>, Associate<AppSubnetB>] public partial record AppRoutes;
    [RouteTable<Network>, Associate<DbSubnetA>, Associate<DbSubnetB>] public partial record DbRoutes;

    // ---- VPC endpoints ----

    // S3 (free): dnf on Amazon Linux 2023 fetches from S3, so the private tiers install packages without a NAT gateway.
    [GatewayEndpoint<Network>(EndpointServices.S3), EndpointRouteTable<AppRoutes>, EndpointRouteTable<DbRoutes>] public partial record S3Endpoint;

    // Session Manager's three services, and Secrets Manager for the database password; one network interface per zone.
    [InterfaceEndpoint<Network>(EndpointServices.Ssm), EndpointSubnet<AppSubnetA>, EndpointSubnet<AppSubnetB>, Uses<EndpointAccess>] public partial record SsmEndpoint;
    [InterfaceEndpoint<Network>(EndpointServices.SsmMessages), EndpointSubnet<AppSubnetA>, EndpointSubnet<AppSubnetB>, Uses<EndpointAccess>] public partial record SsmMessagesEndpoint;
    [InterfaceEndpoint<Network>(EndpointServices.Ec2Messages), EndpointSubnet<AppSubnetA>, EndpointSubnet<AppSubnetB>, Uses<EndpointAccess>] public partial record Ec2MessagesEndpoint;
    [InterfaceEndpoint<Network>(EndpointServices.SecretsManager), EndpointSubnet<AppSubnetA>, EndpointSubnet<AppSubnetB>, Uses<EndpointAccess>] public partial record SecretsEndpoint;

    // ---- Network ACL of the database tier: a second, stateless filter at the subnets' edge ----

    // Stateless: every rule has its reply rule, to the clients' ephemeral ports (TDSL252 checks the pairs).
    [NetworkAcl<Network>, Associate<DbSubnetA>, Associate<DbSubnetB>]
    [AclIngress(100, AclAction.Allow, Tcp, 3306, "10.0.10.0/23")]                     // MariaDB from the application subnets
    [AclIngress(110, AclAction.Allow, Tcp, 1024, "0.0.0.0/0", ToPort = 65535)]       // replies to the tier's HTTPS calls
    [AclEgress(100, AclAction.Allow, Tcp, 1024, "10.0.10.0/23", ToPort = 65535)]     // replies to the application's MariaDB connections
    [AclEgress(110, AclAction.Allow, Tcp, 443, "0.0.0.0/0")]                         // HTTPS: the interface endpoints, and S3 through its gateway endpoint
    public partial record DbAcl;

    // ---- Security groups: each tier admits only the tier in front of it; no SSH anywhere ----

    [SecurityGroup<Network>("Web tier")]
    [Ingress(Tcp, 80, "0.0.0.0/0", Description = "HTTP from anyone")]
    [Ingress(Tcp, 80, "::/0", Description = "HTTP from anyone over IPv6")]
    [Egress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS: packages and Systems Manager through the internet gateway")]
    [Egress(Tcp, 443, "::/0", Description = "HTTPS over IPv6, where a service answers on it")]
    [EgressTo<AppAccess>(Tcp, 8080, Description = "The application tier")]
    public partial record WebAccess;

    [SecurityGroup<Network>("Application tier")]
    [IngressFrom<WebAccess>(Tcp, 8080, Description = "The web tier")]
    [Egress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS: the endpoints, and S3 through its prefix list")]
    [EgressTo<DbAccess>(Tcp, 3306, Description = "MariaDB")]
    public partial record AppAccess;

    [SecurityGroup<Network>("Database tier")]
    [IngressFrom<AppAccess>(Tcp, 3306, Description = "MariaDB from the application tier")]
    [Egress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS: the endpoints, and S3 through its prefix list")]
    public partial record DbAccess;

    // Private DNS sends every instance of the VPC to the endpoints, the web tier's too (TDSL243).
    [SecurityGroup<Network>("Interface endpoints")]
    [IngressFrom<WebAccess>(Tcp, 443, Description = "AWS APIs from the web tier")]
    [IngressFrom<AppAccess>(Tcp, 443, Description = "AWS APIs from the application tier")]
    [IngressFrom<DbAccess>(Tcp, 443, Description = "AWS APIs from the database tier")]
    [Egress(Tcp, 443, "10.0.0.0/16", Description = "Endpoints only answer. This rule keeps the default allow-all outbound rule off")]
    public partial record EndpointAccess;

    // ---- Servers: Session Manager on every one (output {Server}SessionCommand) ----

    [Secret(Description = "Password of the application's MariaDB user")] public partial record DbPassword;

    [Instance<PublicSubnetA>("10.0.0.10", PublicIp = true, SessionManager = true, UserData = "userdata/web.sh", ImageId = nameof(ImageId), InstanceType = nameof(InstanceType))]
    [Uses<WebAccess>]
    public partial record WebA;

    [Instance<PublicSubnetB>("10.0.1.10", PublicIp = true, SessionManager = true, UserData = "userdata/web.sh", ImageId = nameof(ImageId), InstanceType = nameof(InstanceType))]
    [Uses<WebAccess>]
    public partial record WebB;

    [Instance<AppSubnetA>("10.0.10.10", SessionManager = true, UserData = "userdata/app.sh", ImageId = nameof(ImageId), InstanceType = nameof(InstanceType))]
    [Uses<AppAccess>, ReadsSecret<DbPassword>]
    public partial record AppA;

    [Instance<AppSubnetB>("10.0.11.10", SessionManager = true, UserData = "userdata/app.sh", ImageId = nameof(ImageId), InstanceType = nameof(InstanceType))]
    [Uses<AppAccess>, ReadsSecret<DbPassword>]
    public partial record AppB;

    [Instance<DbSubnetA>("10.0.20.10", SessionManager = true, UserData = "userdata/db.sh", ImageId = nameof(ImageId), InstanceType = nameof(InstanceType))]
    [Uses<DbAccess>, ReadsSecret<DbPassword>]
    public partial record Db;
}

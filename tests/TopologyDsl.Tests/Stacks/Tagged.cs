using TopologyDsl;
using static TopologyDsl.Protocol;

namespace TopologyDsl.Tests.Stacks;

/// <summary>
/// Tags and zones given by ID: stack-wide tags on every taggable resource (generated ones included:
/// the NAT gateway's Elastic IP, the flow log with its group and role, the instance's role), a
/// record's tags overriding the stack's, a Name tag replacing the logical ID, untaggable resources
/// (routes, associations, the instance profile) left alone, and subnets placed by zone ID.
/// </summary>
[Stack("tagged", Description = "Tags and zone IDs")]
[Tag("CostCenter", "42"), Tag("Environment", "prod")]
public static partial class Tagged
{
    [Parameter(Type = ParameterTypes.ImageId)] public partial record Ami;

    [Vpc("10.0.0.0/16", FlowLogs = true), Tag("Name", "prod-vpc"), Tag("Owner", "network-team")] public partial record Net;
    [Subnet<Net>("10.0.1.0/24", ZoneId = "apne1-az1", Kind = SubnetKind.Public)] public partial record PublicA;
    [Subnet<Net>("10.0.2.0/24", ZoneId = "apne1-az1", Kind = SubnetKind.Private), Tag("Environment", "staging")] public partial record PrivateA;
    [InternetGateway<Net>] public partial record Igw;
    [NatGateway<PublicA>, Tag("Tier", "egress")] public partial record Nat;
    [RouteTable<Net>, Associate<PublicA>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
    [RouteTable<Net>, Associate<PrivateA>, Route<Nat>("0.0.0.0/0")] public partial record PrivateRoutes;

    [SecurityGroup<Net>("App servers: HTTPS out only"), Egress(Tcp, 443, "0.0.0.0/0", Description = "packages")] public partial record App;
    [Secret(Description = "The app's database password")] public partial record DbPassword;

    [Instance<PrivateA>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<App>, ReadsSecret<DbPassword>,
     Tag("Name", "prod-app-1"), Tag("Tier", "app")]
    public partial record Server;
}

using TopologyDsl;
using static TopologyDsl.Protocol;

namespace Examples.SharedNetwork;

/// <summary>
/// A reporting team's stack with a VPC of its own, peered with the network stack's services VPC so that
/// its server can read the application's cache. The peering and the routes of both sides are declared
/// here: the services VPC's route back to this VPC goes into the network stack's route table as a route
/// record (<c>[Route&lt;TRouteTable, TTarget&gt;]</c>). A <c>[Route&lt;ReportingToServices&gt;]</c> on that
/// table would make the network stack import from this one, which imports from it: a cycle (TDSL227).
/// This way only this stack imports, and it deploys last.
/// </summary>
[Stack("shared-reporting", Description = "A reporting VPC peered with the services VPC of the shared network")]
[Tag("CostCenter", "shop-9")]
// Redis from the reporting server to the cache across this stack's peering: the route there is in this
// stack's table, the route back is the route record in the network stack's.
[Reaches<ReportServer, AppStack.CacheServer>(Tcp, 6379)]
[NeverReachableFromInternet<ReportServer>]
public static partial class ReportingStack
{
    [Parameter(Type = ParameterTypes.ImageId,
        Description = "Amazon Linux 2023 image ID, such as the value of the public SSM parameter /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")]
    public partial record ImageId;

    [Vpc("10.2.0.0/16", FlowLogs = true), Tag("Name", "shared-reporting")]
    public partial record Reporting;

    [Subnet<Reporting>("10.2.10.0/24", Zone = 0, Kind = SubnetKind.Private)]
    public partial record ReportingA;

    // Same account and region: CloudFormation creates and accepts the connection.
    [VpcPeering<Reporting, NetworkStack.Services>]
    public partial record ReportingToServices;

    // This VPC's side: the services VPC through the peering, and nothing else (no way to the internet).
    [RouteTable<Reporting>, Associate<ReportingA>, Route<ReportingToServices>("10.1.0.0/16")]
    public partial record ReportingRoutes;

    // The services VPC's side, in the network stack's table: the route back, without which the cache's
    // replies could not return (TDSL235). The network stack's overview lists it among the routes other
    // stacks declare in its tables, and its reachability counts it.
    [Route<NetworkStack.ServicesRoutes, ReportingToServices>("10.2.0.0/16")]
    public partial record ServicesToReporting;

    [SecurityGroup<Reporting>("Reporting server: Redis to the cache only")]
    [EgressTo<AppStack.CacheAccess>(Tcp, 6379, Description = "Redis on the cache, across the peering")]
    public partial record ReportAccess;

    [Instance<ReportingA>("10.2.10.10", ImageId = nameof(ImageId), InstanceType = "t3.micro"), Uses<ReportAccess>]
    public partial record ReportServer;
}

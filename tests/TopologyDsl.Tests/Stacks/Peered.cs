using TopologyDsl;
using static TopologyDsl.Protocol;

namespace TopologyDsl.Tests.Stacks;

/// <summary>
/// A hub VPC and a spoke VPC in two stacks, peered, with routes both ways: the spoke's stack holds the
/// peering, its own route to the hub and the hub's route back ([Route&lt;TRouteTable, TTarget&gt;] against
/// the hub's imported route table), so only the spoke imports and the hub deploys first.
/// </summary>
[Stack("peered-hub", Description = "Hub VPC whose route back to the spoke is declared by the spoke")]
public static partial class PeeredHub
{
    [Vpc("10.10.0.0/16")] public partial record HubVpc;
    [Subnet<HubVpc>("10.10.1.0/24", Zone = 0)] public partial record HubA;
    [Subnet<HubVpc>("10.10.2.0/24", Zone = 1)] public partial record HubB;
    [RouteTable<HubVpc>, Associate<HubA>, Associate<HubB>] public partial record HubRoutes;

    [SecurityGroup<HubVpc>("Directory: LDAPS from the spoke")]
    [Ingress(Tcp, 636, "10.20.0.0/16", Description = "LDAPS from the spoke VPC")]
    public partial record Directory;
}

/// <summary>The spoke of <see cref="PeeredHub"/>.</summary>
[Stack("peered-spoke", Description = "Spoke VPC peered with the hub, with the routes of both sides")]
public static partial class PeeredSpoke
{
    [Vpc("10.20.0.0/16")] public partial record SpokeVpc;
    [Subnet<SpokeVpc>("10.20.1.0/24", Zone = 0)] public partial record SpokeA;
    [VpcPeering<SpokeVpc, PeeredHub.HubVpc>] public partial record SpokeToHub;
    [RouteTable<SpokeVpc>, Associate<SpokeA>, Route<SpokeToHub>("10.10.0.0/16")] public partial record SpokeRoutes;

    /// <summary>The hub's route back, in the hub's table: declared here, so the hub imports nothing from the spoke.</summary>
    [Route<PeeredHub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;

    [SecurityGroup<SpokeVpc>("Application")]
    [EgressTo<PeeredHub.Directory>(Tcp, 636, Description = "LDAPS across the peering")]
    public partial record App;
}

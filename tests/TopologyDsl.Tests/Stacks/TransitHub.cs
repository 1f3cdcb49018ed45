using TopologyDsl;
using static TopologyDsl.Protocol;

namespace TopologyDsl.Tests.Stacks;

/// <summary>
/// A transit gateway hub and two spokes in three stacks: the hub holds the transit gateway, its two
/// route tables and a shared-services VPC; each spoke attaches its VPC and declares, on records of its
/// own, the association with the hub's spoke table and the propagations into both of the hub's tables
/// ([AssociateAttachment&lt;TTable, TAttachment&gt;], [Propagate&lt;TTable, TAttachment&gt;]), so only the
/// spokes import and the hub deploys first.
/// </summary>
[Stack("transit-hub", Description = "Transit gateway hub whose spokes associate and propagate themselves")]
public static partial class TransitHub
{
    [Vpc("10.10.0.0/16")] public partial record HubVpc;
    [Subnet<HubVpc>("10.10.1.0/24", Zone = 0)] public partial record HubA;
    [TransitGateway(Description = "Hub router", DefaultRouteTables = false)] public partial record Tgw;
    [TransitGatewayAttachment<Tgw, HubVpc>, AttachmentSubnet<HubA>] public partial record HubAttach;

    /// <summary>Routes traffic from the hub's VPC: each spoke propagates its blocks into it.</summary>
    [TransitGatewayRouteTable<Tgw>, AssociateAttachment<HubAttach>] public partial record HubTable;

    /// <summary>Routes traffic from the spokes, which associate with it: the hub's blocks, and each spoke's.</summary>
    [TransitGatewayRouteTable<Tgw>, Propagate<HubAttach>] public partial record SpokeTable;

    [RouteTable<HubVpc>, Associate<HubA>, Route<Tgw>("10.20.0.0/16"), Route<Tgw>("10.30.0.0/16")] public partial record HubRoutes;

    [SecurityGroup<HubVpc>("Directory: LDAPS from the spokes")]
    [Ingress(Tcp, 636, "10.20.0.0/16", Description = "LDAPS from spoke A")]
    [Ingress(Tcp, 636, "10.30.0.0/16", Description = "LDAPS from spoke B")]
    public partial record Directory;
}

/// <summary>Spoke A of <see cref="TransitHub"/>.</summary>
[Stack("transit-spoke-a", Description = "Spoke A: its attachment's association and propagations in the hub's tables")]
public static partial class TransitSpokeA
{
    [Vpc("10.20.0.0/16")] public partial record SpokeVpc;
    [Subnet<SpokeVpc>("10.20.1.0/24", Zone = 0)] public partial record SpokeA;
    [TransitGatewayAttachment<TransitHub.Tgw, SpokeVpc>, AttachmentSubnet<SpokeA>] public partial record SpokeAttach;
    [RouteTable<SpokeVpc>, Associate<SpokeA>, Route<TransitHub.Tgw>("10.10.0.0/16"), Route<TransitHub.Tgw>("10.30.0.0/16")] public partial record SpokeRoutes;

    /// <summary>Traffic from this spoke is routed by the hub's spoke table.</summary>
    [AssociateAttachment<TransitHub.SpokeTable, SpokeAttach>] public partial record SpokeAssociation;

    /// <summary>The hub's VPC finds its way back to this spoke.</summary>
    [Propagate<TransitHub.HubTable, SpokeAttach>] public partial record IntoHubTable;

    /// <summary>The other spoke finds its way to this one.</summary>
    [Propagate<TransitHub.SpokeTable, SpokeAttach>] public partial record IntoSpokeTable;

    [SecurityGroup<SpokeVpc>("Application")]
    [Egress(Tcp, 636, "10.10.0.0/16", Description = "LDAPS to the hub directory")]
    public partial record App;
}

/// <summary>Spoke B of <see cref="TransitHub"/>, like <see cref="TransitSpokeA"/>.</summary>
[Stack("transit-spoke-b", Description = "Spoke B: its attachment's association and propagations in the hub's tables")]
public static partial class TransitSpokeB
{
    [Vpc("10.30.0.0/16")] public partial record SpokeVpc;
    [Subnet<SpokeVpc>("10.30.1.0/24", Zone = 0)] public partial record SpokeB;
    [TransitGatewayAttachment<TransitHub.Tgw, SpokeVpc>, AttachmentSubnet<SpokeB>] public partial record SpokeAttach;
    [RouteTable<SpokeVpc>, Associate<SpokeB>, Route<TransitHub.Tgw>("10.10.0.0/16"), Route<TransitHub.Tgw>("10.20.0.0/16")] public partial record SpokeRoutes;
    [AssociateAttachment<TransitHub.SpokeTable, SpokeAttach>] public partial record SpokeAssociation;
    [Propagate<TransitHub.HubTable, SpokeAttach>] public partial record IntoHubTable;
    [Propagate<TransitHub.SpokeTable, SpokeAttach>] public partial record IntoSpokeTable;
}

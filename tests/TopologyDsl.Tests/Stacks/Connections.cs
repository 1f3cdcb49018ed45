using TopologyDsl;
using static TopologyDsl.Protocol;

namespace TopologyDsl.Tests.Stacks;

/// <summary>
/// Every shape of connection between VPCs that TopologyDsl emits, for the schema and reference
/// tests: a transit gateway with its own route tables (associations, propagations, static routes),
/// VPC routes to it, a peering in the program with routes and a group rule across it, and a peering
/// to a VPC of another account and region named by parameters.
/// </summary>
[Stack("connections", Description = "Transit gateway and peering shapes")]
public static partial class Connections
{
    [Parameter(Description = "The partner's VPC")] public partial record PartnerVpcId;
    [Parameter(Description = "The role in the partner's account that accepts the peering")] public partial record PartnerRole;

    [Vpc("10.0.0.0/16")] public partial record Prod;
    [Subnet<Prod>("10.0.1.0/24", Zone = 0)] public partial record ProdA;
    [Subnet<Prod>("10.0.2.0/24", Zone = 1)] public partial record ProdB;
    [Vpc("10.1.0.0/16")] public partial record Shared;
    [Subnet<Shared>("10.1.1.0/24", Zone = 0)] public partial record SharedA;
    [Vpc("10.2.0.0/16")] public partial record Egress;
    [Subnet<Egress>("10.2.1.0/24", Zone = 0)] public partial record EgressA;

    [TransitGateway(Description = "Core router", AmazonSideAsn = 64600, DefaultRouteTables = false)] public partial record Tgw;
    [TransitGatewayAttachment<Tgw, Prod>, AttachmentSubnet<ProdA>, AttachmentSubnet<ProdB>] public partial record ProdAttachment;
    [TransitGatewayAttachment<Tgw, Egress>, AttachmentSubnet<EgressA>] public partial record EgressAttachment;
    [TransitGatewayRouteTable<Tgw>, AssociateAttachment<ProdAttachment>, Propagate<EgressAttachment>, TransitGatewayRoute<EgressAttachment>("10.2.0.0/16")] public partial record Spokes;
    [TransitGatewayRouteTable<Tgw>, AssociateAttachment<EgressAttachment>, Propagate<ProdAttachment>] public partial record Hub;

    [VpcPeering<Prod, Shared>] public partial record ProdToShared;
    [VpcPeering<Shared>(PeerVpcId = nameof(PartnerVpcId), PeerOwnerId = "123456789012", PeerRegion = "eu-west-1", PeerRoleArn = nameof(PartnerRole),
        PeerCidrBlocks = ["172.20.0.0/16"])] public partial record ToPartner;

    [RouteTable<Prod>, Associate<ProdA>, Associate<ProdB>, Route<Tgw>("10.2.0.0/16"), Route<ProdToShared>("10.1.0.0/16")] public partial record ProdRoutes;
    [RouteTable<Shared>, Associate<SharedA>, Route<ProdToShared>("10.0.0.0/16"), Route<ToPartner>("172.20.0.0/16")] public partial record SharedRoutes;
    [RouteTable<Egress>, Associate<EgressA>, Route<Tgw>("10.0.0.0/16")] public partial record EgressRoutes;

    [SecurityGroup<Shared>("Directory: LDAPS from the application")]
    [IngressFrom<App>(Tcp, 636, Description = "LDAPS across the peering")]
    [Egress(Tcp, 443, "10.1.0.0/16", Description = "HTTPS inside the VPC")]
    public partial record Directory;

    [SecurityGroup<Prod>("Application")]
    [EgressTo<Directory>(Tcp, 636, Description = "LDAPS across the peering")]
    public partial record App;
}

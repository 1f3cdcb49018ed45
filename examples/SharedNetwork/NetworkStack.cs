using TopologyDsl;

namespace Examples.SharedNetwork;

/// <summary>
/// The network a platform team owns: an application VPC with public and private subnets in two
/// zones, and a services VPC for shared services, joined by a peering connection. Application stacks
/// import its VPCs and subnets; it is deployed first and changes rarely.
/// </summary>
[Stack("shared-network", Description = "Two VPCs joined by a peering connection: applications in one, shared services in the other")]
[Tag("CostCenter", "platform-42"), Tag("Owner", "platform-team")] // on every taggable resource of this stack
public static partial class NetworkStack
{
    // The application VPC: a public subnet for the NAT gateway, private subnets for the servers.

    // The console shows the VPCs by their Name tag instead of their logical IDs.
    [Vpc("10.0.0.0/16", FlowLogs = true), Tag("Name", "shared-core")]
    public partial record Core;

    [Subnet<Core>("10.0.0.0/24", Zone = 0, Kind = SubnetKind.Public)]
    public partial record PublicA;

    [Subnet<Core>("10.0.10.0/24", Zone = 0, Kind = SubnetKind.Private)]
    public partial record AppA;

    [Subnet<Core>("10.0.11.0/24", Zone = 1, Kind = SubnetKind.Private)]
    public partial record AppB;

    [InternetGateway<Core>]
    public partial record Gateway;

    [NatGateway<PublicA>]
    public partial record Nat;

    [RouteTable<Core>, Associate<PublicA>, Route<Gateway>("0.0.0.0/0")]
    public partial record PublicRoutes;

    // The private subnets go out through the NAT gateway, and to the services VPC through the peering.
    [RouteTable<Core>, Associate<AppA>, Associate<AppB>, Route<Nat>("0.0.0.0/0"), Route<CoreToServices>("10.1.0.0/16")]
    public partial record AppRoutes;

    // The services VPC: private subnets only, reached from the application VPC over the peering.

    [Vpc("10.1.0.0/16", FlowLogs = true), Tag("Name", "shared-services")]
    public partial record Services;

    [Subnet<Services>("10.1.10.0/24", Zone = 0, Kind = SubnetKind.Private)]
    public partial record ServicesA;

    [Subnet<Services>("10.1.11.0/24", Zone = 1, Kind = SubnetKind.Private)]
    public partial record ServicesB;

    // The reporting stack adds the route back to its own VPC here, with a route record of its stack
    // (ReportingStack.ServicesToReporting): this stack imports nothing from the stacks that peer with it.
    [RouteTable<Services>, Associate<ServicesA>, Associate<ServicesB>, Route<CoreToServices>("10.0.0.0/16")]
    public partial record ServicesRoutes;

    // Same account and region: CloudFormation creates and accepts the connection.
    [VpcPeering<Core, Services>]
    public partial record CoreToServices;
}

using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>VPC peering and transit gateways: one test per rule, each with its near miss in the same source.</summary>
public class ConnectionTests
{
    /// <summary>Two VPCs, each with a private subnet in zones 0 and 1 and a route table.</summary>
    private const string TwoVpcs = """
        [Vpc("10.0.0.0/16")] public partial record Prod;
        [Subnet<Prod>("10.0.1.0/24", Zone = 0)] public partial record ProdA;
        [Subnet<Prod>("10.0.2.0/24", Zone = 1)] public partial record ProdB;
        [Vpc("10.1.0.0/16")] public partial record Shared;
        [Subnet<Shared>("10.1.1.0/24", Zone = 0)] public partial record SharedA;
        [Subnet<Shared>("10.1.2.0/24", Zone = 1)] public partial record SharedB;

        """;

    private static Task Verify(string body) =>
        Markup.VerifyAsync("namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + body + "}\n");

    [Fact]
    public Task Peering_ValidProgram_HasNoDiagnostics() => Verify(TwoVpcs + """
        [VpcPeering<Prod, Shared>] public partial record ProdToShared;
        [RouteTable<Prod>, Associate<ProdA>, Associate<ProdB>, Route<ProdToShared>("10.1.0.0/16")] public partial record ProdRoutes;
        [RouteTable<Shared>, Associate<SharedA>, Associate<SharedB>, Route<ProdToShared>("10.0.0.0/16")] public partial record SharedRoutes;
        [SecurityGroup<Shared>("db"), IngressFrom<App>(Tcp, 5432, Description = "app")] public partial record Db;
        [SecurityGroup<Prod>("app"), EgressTo<Db>(Tcp, 5432, Description = "db")] public partial record App;
        """);

    [Fact]
    public Task TDSL118_PeeredVpcsOverlap() => Verify("""
        [Vpc("10.0.0.0/16")] public partial record Prod;
        [Vpc("10.0.0.0/16")] public partial record Copy;
        [Vpc("10.4.0.0/16", SecondaryCidrBlocks = ["10.0.128.0/17"])] public partial record Secondary;   // 10.1.0.0/16 would be TDSL116: 10.0.0.0/15 restricts 10.0.0.0/16
        [Vpc("10.2.0.0/16")] public partial record Apart;
        [VpcPeering<Prod, {|TDSL118:Copy|}>] public partial record ProdToCopy;
        [VpcPeering<Prod, {|TDSL118:Secondary|}>] public partial record ProdToSecondary;
        [VpcPeering<Prod, Apart>] public partial record ProdToApart;
        [VpcPeering<Prod>(PeerVpcId = "vpc-0123456789abcdef0", PeerCidrBlocks = [{|TDSL118:"10.0.0.0/8"|}])] public partial record ToPartner;
        [VpcPeering<Apart>(PeerVpcId = "vpc-0123456789abcdef0", PeerCidrBlocks = ["10.0.0.0/16"])] public partial record ApartToPartner;
        """.Replace("[{|TDSL118:\"10.0.0.0/8\"|}]", "{|TDSL118:[\"10.0.0.0/8\"]|}"));

    [Fact]
    public Task TDSL119_PeeringRouteOutsidePeer() => Verify(TwoVpcs + """
        [VpcPeering<Prod, Shared>] public partial record ProdToShared;
        [RouteTable<Prod>, Route<ProdToShared>({|TDSL119:"10.2.0.0/16"|}), Route<ProdToShared>("10.1.1.0/24")] public partial record ProdRoutes;
        [RouteTable<Shared>, Route<ProdToShared>({|TDSL119:"10.3.0.0/16"|}), Route<ProdToShared>("10.0.0.0/16")] public partial record SharedRoutes;
        """);

    [Fact]
    public Task TDSL218_RouteToPeeringFromAThirdVpc() => Verify(TwoVpcs + """
        [Vpc("10.2.0.0/16")] public partial record Staging;
        [VpcPeering<Prod, Shared>] public partial record ProdToShared;
        [RouteTable<Staging>, Route<{|TDSL218:ProdToShared|}>("10.1.0.0/16")] public partial record StagingRoutes;
        [RouteTable<Shared>, Route<ProdToShared>("10.0.0.0/16")] public partial record SharedRoutes;
        """);

    [Fact]
    public Task TDSL219_VpcPeeredWithItself() => Verify(TwoVpcs + """
        [VpcPeering<Prod, {|TDSL219:Prod|}>] public partial record Loop;
        [VpcPeering<Prod, Shared>] public partial record ProdToShared;
        """);

    [Fact]
    public Task TDSL220_TwoPeeringsOfOnePair() => Verify(TwoVpcs + """
        [Vpc("10.2.0.0/16")] public partial record Staging;
        [VpcPeering<Prod, Shared>] public partial record ProdToShared;
        [VpcPeering<Shared, {|TDSL220:Prod|}>] public partial record SharedToProd;
        [VpcPeering<Shared, Staging>] public partial record SharedToStaging;
        """);

    [Fact]
    public Task TDSL205_GroupRuleAcrossVpcsWithoutPeering_AllowedAcrossAPeering() => Verify(TwoVpcs + """
        [Vpc("10.2.0.0/16")] public partial record Staging;
        [VpcPeering<Prod, Shared>] public partial record ProdToShared;
        [SecurityGroup<Prod>("app")] public partial record App;
        [SecurityGroup<Staging>("test")] public partial record Test;
        [SecurityGroup<Shared>("db"), IngressFrom<App>(Tcp, 5432), IngressFrom<{|TDSL205:Test|}>(Tcp, 5432)] public partial record Db;
        """);

    [Fact]
    public Task TDSL229_RemotePeeringSettings() => Verify(TwoVpcs + """
        [Parameter] public partial record PartnerVpc;
        [Parameter] public partial record PartnerRole;
        [VpcPeering<Prod>(PeerVpcId = {|TDSL229:"partner"|}, PeerOwnerId = {|TDSL229:"1234"|}, PeerRegion = {|TDSL229:"Frankfurt"|}, PeerRoleArn = nameof(PartnerRole))] public partial record Bad;
        [VpcPeering<Shared>(PeerVpcId = nameof(PartnerVpc), PeerOwnerId = "123456789012", PeerRegion = "eu-central-1", PeerRoleArn = "arn:aws:iam::123456789012:role/AcceptPeering")] public partial record Good;
        """);

    [Fact]
    public Task TDSL010_RemotePeeringWithoutPeerVpcOrRole() => Verify(TwoVpcs + """
        [Parameter] public partial record PartnerVpc;
        [{|TDSL010:VpcPeering<Prod>|}] public partial record NoPeer;
        [VpcPeering<Shared>(PeerVpcId = nameof(PartnerVpc), PeerOwnerId = {|TDSL010:"123456789012"|})] public partial record NoRole;
        [VpcPeering<Shared>(PeerVpcId = nameof(PartnerVpc))] public partial record SameAccount;
        """);

    /// <summary>A transit gateway with both VPCs attached, one subnet per zone.</summary>
    private const string Transit = TwoVpcs + """
        [TransitGateway(Description = "core")] public partial record Tgw;
        [TransitGatewayAttachment<Tgw, Prod>, AttachmentSubnet<ProdA>, AttachmentSubnet<ProdB>] public partial record ProdAttachment;
        [TransitGatewayAttachment<Tgw, Shared>, AttachmentSubnet<SharedA>, AttachmentSubnet<SharedB>] public partial record SharedAttachment;

        """;

    [Fact]
    public Task TransitGateway_ValidProgram_HasNoDiagnostics() => Verify(Transit + """
        [RouteTable<Prod>, Associate<ProdA>, Associate<ProdB>, Route<Tgw>("10.1.0.0/16")] public partial record ProdRoutes;
        [RouteTable<Shared>, Associate<SharedA>, Associate<SharedB>, Route<Tgw>("10.0.0.0/16")] public partial record SharedRoutes;
        """);

    [Fact]
    public Task TransitGateway_OwnRouteTables_HasNoDiagnostics() => Verify(Transit.Replace("[TransitGateway(Description = \"core\")]", "[TransitGateway(DefaultRouteTables = false, AmazonSideAsn = 64600)]") + """
        [TransitGatewayRouteTable<Tgw>, AssociateAttachment<ProdAttachment>, AssociateAttachment<SharedAttachment>, Propagate<SharedAttachment>, TransitGatewayRoute<ProdAttachment>("10.0.0.0/16")] public partial record Core;
        """);

    [Fact]
    public Task TDSL120_TwoAttachmentSubnetsInOneZone() => Verify(TwoVpcs + """
        [Subnet<Prod>("10.0.3.0/28", Zone = 0)] public partial record ProdTgw;
        [TransitGateway] public partial record Tgw;
        [TransitGatewayAttachment<Tgw, Prod>, AttachmentSubnet<ProdA>, AttachmentSubnet<ProdB>, AttachmentSubnet<{|TDSL120:ProdTgw|}>] public partial record ProdAttachment;
        [TransitGatewayAttachment<Tgw, Shared>, AttachmentSubnet<SharedA>, AttachmentSubnet<SharedB>] public partial record SharedAttachment;
        """);

    [Fact]
    public Task TDSL121_AttachedVpcsOverlap() => Verify(Transit + """
        [Vpc("10.0.0.0/16")] public partial record Copy;
        [Subnet<Copy>("10.0.1.0/24")] public partial record CopyA;
        [Vpc("10.2.0.0/16")] public partial record Apart;
        [Subnet<Apart>("10.2.1.0/24")] public partial record ApartA;
        [TransitGatewayAttachment<Tgw, {|TDSL121:Copy|}>, AttachmentSubnet<CopyA>] public partial record CopyAttachment;
        [TransitGatewayAttachment<Tgw, Apart>, AttachmentSubnet<ApartA>] public partial record ApartAttachment;
        """);

    [Fact]
    public Task TDSL122_StaticRouteOutsideTheAttachedVpc() => Verify(Transit.Replace("[TransitGateway(Description = \"core\")]", "[TransitGateway(DefaultRouteTables = false)]") + """
        [TransitGatewayRouteTable<Tgw>, TransitGatewayRoute<ProdAttachment>({|TDSL122:"10.9.0.0/16"|}), TransitGatewayRoute<SharedAttachment>("10.1.0.0/16")] public partial record Core;
        """);

    [Fact]
    public Task TDSL221_RouteToATransitGatewayTheVpcIsNotAttachedTo() => Verify(TwoVpcs + """
        [TransitGateway] public partial record Tgw;
        [TransitGatewayAttachment<Tgw, Prod>, AttachmentSubnet<ProdA>] public partial record ProdAttachment;
        [RouteTable<Prod>, Route<Tgw>("10.1.0.0/16")] public partial record ProdRoutes;
        [RouteTable<Shared>, Route<{|TDSL221:Tgw|}>("10.0.0.0/16")] public partial record SharedRoutes;
        """);

    [Fact]
    public Task TDSL222_VpcAttachedTwice() => Verify(Transit + """
        [TransitGatewayAttachment<Tgw, {|TDSL222:Prod|}>, AttachmentSubnet<ProdA>] public partial record ProdAgain;
        [TransitGateway] public partial record Other;
        [TransitGatewayAttachment<Other, Prod>, AttachmentSubnet<ProdA>] public partial record ProdToOther;
        """);

    [Fact]
    public Task TDSL223_AttachmentWithoutSubnets() => Verify(TwoVpcs + """
        [TransitGateway] public partial record Tgw;
        [{|TDSL223:TransitGatewayAttachment<Tgw, Prod>|}] public partial record ProdAttachment;
        [TransitGatewayAttachment<Tgw, Shared>, AttachmentSubnet<SharedA>] public partial record SharedAttachment;
        """);

    [Fact]
    public Task TDSL205_AttachmentSubnetOfAnotherVpc() => Verify(TwoVpcs + """
        [TransitGateway] public partial record Tgw;
        [TransitGatewayAttachment<Tgw, Prod>, AttachmentSubnet<ProdA>, AttachmentSubnet<{|TDSL205:SharedB|}>] public partial record ProdAttachment;
        """);

    [Fact]
    public Task TDSL224_AttachmentAssociatedWithTwoTables() => Verify(Transit.Replace("[TransitGateway(Description = \"core\")]", "[TransitGateway(DefaultRouteTables = false)]") + """
        [TransitGatewayRouteTable<Tgw>, AssociateAttachment<ProdAttachment>] public partial record First;
        [TransitGatewayRouteTable<Tgw>, AssociateAttachment<{|TDSL224:ProdAttachment|}>, AssociateAttachment<SharedAttachment>, Propagate<ProdAttachment>] public partial record Second;
        """);

    [Fact]
    public Task TDSL225_TableAndAttachmentOfDifferentGateways() => Verify(TwoVpcs + """
        [TransitGateway(DefaultRouteTables = false)] public partial record East;
        [TransitGateway(DefaultRouteTables = false)] public partial record West;
        [TransitGatewayAttachment<West, Prod>, AttachmentSubnet<ProdA>] public partial record ProdAttachment;
        [TransitGatewayAttachment<East, Shared>, AttachmentSubnet<SharedA>] public partial record SharedAttachment;
        [TransitGatewayRouteTable<East>, AssociateAttachment<{|TDSL225:ProdAttachment|}>, Propagate<{|TDSL225:ProdAttachment|}>, AssociateAttachment<SharedAttachment>] public partial record EastTable;
        """);

    [Fact]
    public Task TDSL226_AssociationWhileTheDefaultTableAssociates() => Verify(TwoVpcs + """
        [TransitGateway] public partial record Tgw;
        [TransitGateway(DefaultRouteTables = false)] public partial record Own;
        [TransitGatewayAttachment<Tgw, Prod>, AttachmentSubnet<ProdA>] public partial record ProdAttachment;
        [TransitGatewayAttachment<Own, Shared>, AttachmentSubnet<SharedA>] public partial record SharedAttachment;
        [TransitGatewayRouteTable<Tgw>, AssociateAttachment<{|TDSL226:ProdAttachment|}>, Propagate<ProdAttachment>] public partial record Default;
        [TransitGatewayRouteTable<Own>, AssociateAttachment<SharedAttachment>] public partial record OwnTable;
        """);

    [Fact]
    public Task TDSL235_PeeringRouteWithoutRouteBack() => Verify(TwoVpcs + """
        [Vpc("10.2.0.0/16")] public partial record Third;
        [Subnet<Third>("10.2.1.0/24")] public partial record ThirdA;
        [VpcPeering<Prod, Shared>] public partial record ProdToShared;
        [VpcPeering<Prod, Third>] public partial record ProdToThird;
        [RouteTable<Prod>, Associate<ProdA>, Route<{|TDSL235:ProdToShared|}>("10.1.0.0/16"), Route<ProdToThird>("10.2.0.0/16")] public partial record ProdRoutes;
        [RouteTable<Prod>, Associate<ProdB>, Route<ProdToShared>("10.1.0.0/16")] public partial record ProdBRoutes;
        [RouteTable<Shared>, Associate<SharedA>, Associate<SharedB>, Route<ProdToShared>("10.0.2.0/24")] public partial record SharedRoutes;
        [RouteTable<Third>, Associate<ThirdA>, Route<ProdToThird>("10.0.0.0/16")] public partial record ThirdRoutes;
        """);

    [Fact]
    public Task TDSL235_NearMiss_PeerWithoutRouteTablesInView() => Verify(TwoVpcs + """
        [VpcPeering<Prod, Shared>] public partial record ProdToShared;
        [RouteTable<Prod>, Associate<ProdA>, Route<ProdToShared>("10.1.0.0/16")] public partial record ProdRoutes;
        """);

    [Fact]
    public Task TDSL236_TransitGatewayRouteFromAZoneWithoutAttachmentSubnet() => Verify(TwoVpcs + """
        [TransitGateway] public partial record Tgw;
        [TransitGatewayAttachment<Tgw, Prod>, AttachmentSubnet<ProdA>] public partial record ProdAttachment;
        [TransitGatewayAttachment<Tgw, Shared>, AttachmentSubnet<SharedA>, AttachmentSubnet<SharedB>] public partial record SharedAttachment;
        [RouteTable<Prod>, Associate<ProdA>, Associate<ProdB>, Route<{|TDSL236:Tgw|}>("10.1.0.0/16")] public partial record ProdRoutes;
        [RouteTable<Shared>, Associate<SharedA>, Associate<SharedB>, Route<Tgw>("10.0.0.0/16")] public partial record SharedRoutes;
        """);

    [Fact]
    public Task TDSL236_NearMiss_OnlySubnetsOfCoveredZones() => Verify(TwoVpcs + """
        [TransitGateway] public partial record Tgw;
        [TransitGatewayAttachment<Tgw, Prod>, AttachmentSubnet<ProdA>] public partial record ProdAttachment;
        [TransitGatewayAttachment<Tgw, Shared>, AttachmentSubnet<SharedA>, AttachmentSubnet<SharedB>] public partial record SharedAttachment;
        [RouteTable<Prod>, Associate<ProdA>, Route<Tgw>("10.1.0.0/16")] public partial record ProdRoutes;
        [RouteTable<Shared>, Associate<SharedA>, Associate<SharedB>, Route<Tgw>("10.0.0.0/16")] public partial record SharedRoutes;
        """);
}

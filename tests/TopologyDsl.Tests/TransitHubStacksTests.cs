using System.Linq;
using TopologyDsl.CloudFormation;
using TopologyDsl.Tests.Stacks;

namespace TopologyDsl.Tests;

/// <summary>
/// A transit gateway hub and two spokes in three stacks (<see cref="TransitHub"/>, <see cref="TransitSpokeA"/>,
/// <see cref="TransitSpokeB"/>): each spoke associates and propagates its own attachment in the hub's route
/// tables with records, so the spokes import the hub's tables and the hub imports nothing.
/// </summary>
public class TransitHubStacksTests
{
    [Fact]
    public void SpokeA_MatchesSnapshot() => TopologyDsl.Testing.Snapshot.Verify(TemplateWriter.Write(TransitSpokeA.BuildTemplate()), "yaml");

    [Fact]
    public void Records_AreResourcesOfTheSpoke_InTheHubsTablesByImport()
    {
        var yaml = TemplateWriter.Write(TransitSpokeA.BuildTemplate()).Replace("\r\n", "\n");
        Assert.Contains("""
              SpokeAssociation:
                Type: AWS::EC2::TransitGatewayRouteTableAssociation
                Properties:
                  TransitGatewayAttachmentId: !Ref SpokeAttach
                  TransitGatewayRouteTableId: !ImportValue transit-hub-SpokeTable
              IntoHubTable:
                Type: AWS::EC2::TransitGatewayRouteTablePropagation
                Properties:
                  TransitGatewayAttachmentId: !Ref SpokeAttach
                  TransitGatewayRouteTableId: !ImportValue transit-hub-HubTable
              IntoSpokeTable:
                Type: AWS::EC2::TransitGatewayRouteTablePropagation
                Properties:
                  TransitGatewayAttachmentId: !Ref SpokeAttach
                  TransitGatewayRouteTableId: !ImportValue transit-hub-SpokeTable
            """, yaml);
        var hub = TransitHub.BuildTemplate();
        Assert.Contains(hub.Outputs, o => o.Export == "transit-hub-SpokeTable");
        Assert.Contains(hub.Outputs, o => o.Export == "transit-hub-HubTable");
        Assert.DoesNotContain("ImportValue", TemplateWriter.Write(hub));
        Assert.Single(hub.Resources, r => r.Type == "AWS::EC2::TransitGatewayRouteTableAssociation");
        Assert.Single(hub.Resources, r => r.Type == "AWS::EC2::TransitGatewayRouteTablePropagation");
    }

    /// <summary>The spokes import only the hub: it deploys first, and they keep the order they were given.</summary>
    [Fact]
    public void DeployOrder_IsTheHubFirst_WhicheverComesFirst() =>
        Assert.Equal(["transit-hub", "transit-spoke-b", "transit-spoke-a"],
            DeployOrder.Sort([TransitSpokeB.BuildTemplate(), TransitSpokeA.BuildTemplate(), TransitHub.BuildTemplate()]).Select(t => t.StackName));

    [Fact]
    public void Overview_ListsTheSpokesRecords_WithTheHubsTables()
    {
        var overview = TransitSpokeA.BuildTemplate().Overview!.Replace("\r\n", "\n");
        Assert.Contains("## Transit gateway associations and propagations declared on their own records\n", overview);
        Assert.Contains("| SpokeAssociation | association | TransitHub.SpokeTable | SpokeAttach | SpokeVpc |\n", overview);
        Assert.Contains("| IntoHubTable | propagation | TransitHub.HubTable | SpokeAttach | SpokeVpc |\n", overview);
        Assert.DoesNotContain("declared on their own records", TransitHub.BuildTemplate().Overview!);
    }
}

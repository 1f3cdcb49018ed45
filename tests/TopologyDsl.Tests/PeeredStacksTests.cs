using System.Linq;
using TopologyDsl.CloudFormation;
using TopologyDsl.CloudFormation.Changes;
using TopologyDsl.Tests.Stacks;

namespace TopologyDsl.Tests;

/// <summary>
/// Two VPCs in two stacks, peered with routes both ways (the <see cref="PeeredHub"/> and
/// <see cref="PeeredSpoke"/> test stacks): the hub's route back is a route record of the spoke's stack,
/// so the spoke imports the hub's table and the hub imports nothing.
/// </summary>
public class PeeredStacksTests
{
    [Fact]
    public void Hub_MatchesSnapshot() => TopologyDsl.Testing.Snapshot.Verify(TemplateWriter.Write(PeeredHub.BuildTemplate()), "yaml");

    [Fact]
    public void Spoke_MatchesSnapshot() => TopologyDsl.Testing.Snapshot.Verify(TemplateWriter.Write(PeeredSpoke.BuildTemplate()), "yaml");

    [Fact]
    public void DeployOrder_IsHubThenSpoke_WhicheverComesFirst() =>
        Assert.Equal(["peered-hub", "peered-spoke"], DeployOrder.Sort([PeeredSpoke.BuildTemplate(), PeeredHub.BuildTemplate()]).Select(t => t.StackName));

    [Fact]
    public void RouteRecord_IsARouteOfTheSpoke_IntoTheHubsTableByImport()
    {
        var yaml = TemplateWriter.Write(PeeredSpoke.BuildTemplate());
        Assert.Contains("""
              HubToSpoke:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: !ImportValue peered-hub-HubRoutes
                  DestinationCidrBlock: 10.20.0.0/16
                  VpcPeeringConnectionId: !Ref SpokeToHub
            """, yaml.Replace("\r\n", "\n"));
        var hub = PeeredHub.BuildTemplate();
        Assert.Contains(hub.Outputs, o => o.Export == "peered-hub-HubRoutes");
        Assert.DoesNotContain("ImportValue", TemplateWriter.Write(hub));
        Assert.DoesNotContain(hub.Resources, r => r.Type == "AWS::EC2::Route");
    }

    [Fact]
    public void Overview_ListsTheRouteRecord_WithTheHubsTable()
    {
        var overview = PeeredSpoke.BuildTemplate().Overview!;
        Assert.Contains("| HubToSpoke | PeeredHub.HubRoutes | PeeredHub.HubVpc | 10.20.0.0/16 | SpokeToHub |", overview);
        Assert.DoesNotContain("Routes declared on their own records", PeeredHub.BuildTemplate().Overview!);
    }

    /// <summary>The hub's overview, built by the generator in this build, lists the route the spoke declares in the hub's table.</summary>
    [Fact]
    public void HubOverview_ListsTheSpokesRouteInItsTable()
    {
        var overview = PeeredHub.BuildTemplate().Overview!.Replace("\r\n", "\n");
        Assert.Contains("## Routes other stacks declare on this stack's paths", overview);
        Assert.Contains("| PeeredSpoke.HubToSpoke | HubRoutes | 10.20.0.0/16 | PeeredSpoke.SpokeToHub |\n", overview);
    }

    [Fact]
    public void ChangeReport_RouteRecordDestinationChange_ReplacesTheRoute_AndOnlyIt()
    {
        var before = TemplateWriter.Write(PeeredSpoke.BuildTemplate());
        var after = before.Replace("DestinationCidrBlock: 10.20.0.0/16", "DestinationCidrBlock: 10.20.0.0/17");
        Assert.NotEqual(before, after);
        var route = Assert.Single(TemplateChanges.Compare("peered-spoke", before, after).Resources);
        Assert.Equal("HubToSpoke", route.LogicalId);
        Assert.Equal(ResourceAction.Replace, route.Action);
    }
}

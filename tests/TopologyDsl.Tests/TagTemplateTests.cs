using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TopologyDsl.CloudFormation;
using TopologyDsl.CloudFormation.Changes;
using TopologyDsl.Resources;
using TopologyDsl.Testing;
using TopologyDsl.Tests.Infrastructure;
using TopologyDsl.Tests.Stacks;

namespace TopologyDsl.Tests;

/// <summary>Tags and zone IDs, from the attributes to the template (the Tagged stack), and what a tag change does on deploy.</summary>
public class TagTemplateTests
{
    private static string Yaml() => TemplateWriter.Write(Tagged.BuildTemplate());

    private static (string Key, string Value)[] TagsOf(string logicalId) =>
        Tagged.BuildTemplate().Resources.OfType<TaggedResource>().Single(r => r.LogicalId == logicalId).Tags
            .Select(t => (t.Key, Assert.IsType<StringValue>(t.Value).Text)).ToArray();

    [Fact]
    public void Template_MatchesSnapshot() => Snapshot.Verify(Yaml(), "yaml");

    [Fact]
    public void StackTags_ReachEveryTaggableResource_NameFirstThenKeysInOrdinalOrder()
    {
        var template = Tagged.BuildTemplate();
        Assert.All(template.Resources.OfType<TaggedResource>(), r =>
        {
            Assert.Equal("Name", r.Tags[0].Key);
            Assert.Contains(r.Tags, t => t.Key == "CostCenter");
            var keys = r.Tags.Skip(1).Select(t => t.Key).ToList();
            Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), keys);
        });
        Assert.Equal([("Name", "Igw"), ("CostCenter", "42"), ("Environment", "prod")], TagsOf("Igw"));
    }

    [Fact]
    public void RecordTags_OverrideTheStacks_AndReachWhatTheRecordMakes_ButNameOnlyItsOwnResource()
    {
        Assert.Equal([("Name", "prod-vpc"), ("CostCenter", "42"), ("Environment", "prod"), ("Owner", "network-team")], TagsOf("Net"));
        Assert.Equal([("Name", "PrivateA"), ("CostCenter", "42"), ("Environment", "staging")], TagsOf("PrivateA"));
        // The VPC's flow log, its group and its role carry the VPC's tags, named by their own logical IDs.
        Assert.Equal([("Name", "NetFlowLogRole"), ("CostCenter", "42"), ("Environment", "prod"), ("Owner", "network-team")], TagsOf("NetFlowLogRole"));
        Assert.Equal([("Name", "NatEip"), ("CostCenter", "42"), ("Environment", "prod"), ("Tier", "egress")], TagsOf("NatEip"));
        Assert.Equal([("Name", "prod-app-1"), ("CostCenter", "42"), ("Environment", "prod"), ("Tier", "app")], TagsOf("Server"));
        Assert.Equal([("Name", "ServerRole"), ("CostCenter", "42"), ("Environment", "prod"), ("Tier", "app")], TagsOf("ServerRole"));
    }

    [Fact]
    public void UntaggableResources_GetNoTags()
    {
        var root = TemplateYaml.Parse(Yaml()).Map("Resources");
        foreach (var id in new[] { "ServerProfile", "PublicRoutesToIgw", "PrivateRoutesPrivateAAssociation", "IgwAttachment" })
        {
            Assert.Null(root.Map(id).Map("Properties").Get("Tags"));
        }
    }

    [Fact]
    public void ZoneId_IsWrittenAsAvailabilityZoneId_WithoutAvailabilityZone()
    {
        var properties = TemplateYaml.Parse(Yaml()).Map("Resources").Map("PublicA").Map("Properties");
        Assert.Equal("apne1-az1", properties.Get("AvailabilityZoneId")!.ToString());
        Assert.Null(properties.Get("AvailabilityZone"));
    }

    [Fact]
    public void TaggedResourceTypes_AreTheSchemaTypesWithATagsProperty()
    {
        var types = typeof(Resource).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Resource)) && !t.IsAbstract)
            .Select(t => (Resource)Activator.CreateInstance(t, "X")!).ToList();
        Assert.All(types, r =>
        {
            var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", Schemas.FileName(r.Type))))!;
            var tags = schema["properties"]!["Tags"];
            Assert.True((tags is not null) == r is TaggedResource, $"{r.Type}: Tags in the schema {tags is not null}, TaggedResource {r is TaggedResource}");
            // Every one of them takes tags as a list of Key and Value, the shape WriteTags writes.
            Assert.True(tags is null || (string?)tags["type"] == "array", $"{r.Type} takes tags as {tags?["type"]}");
        });
    }

    [Fact]
    public void TagChange_IsAnInPlaceUpdate_NeverAReplacement()
    {
        var before = Yaml();
        var after = before.Replace("Value: staging", "Value: qa");
        Assert.NotEqual(before, after);
        var changes = TemplateChanges.Compare("tagged", before, after);
        var subnet = Assert.Single(changes.Resources);
        Assert.Equal("PrivateA", subnet.LogicalId);
        Assert.Equal(ResourceAction.Update, subnet.Action);
        Assert.All(subnet.Changes, c => Assert.StartsWith("Properties.Tags", c.Path));
        Assert.Null(subnet.DataLoss);
    }

    [Fact]
    public void StackTagChange_UpdatesEveryTaggedResourceInPlace_InstancesWithoutInterruption()
    {
        var before = Yaml();
        var changes = TemplateChanges.Compare("tagged", before, before.Replace("Value: \"42\"", "Value: \"43\"").Replace("Value: '42'", "Value: '43'"));
        Assert.Equal(Tagged.BuildTemplate().Resources.OfType<TaggedResource>().Count(), changes.Resources.Count);
        Assert.All(changes.Resources, r => Assert.Equal(ResourceAction.Update, r.Action));
    }

    [Fact]
    public void Tags_OnAResourceWithoutTags_IsRefusedByTheBuilder()
    {
        var builder = new TemplateBuilder("s");
        builder.Vpc("Net", "10.0.0.0/16");
        builder.VpcCidrBlock("Net2", "Net", "10.1.0.0/16");
        builder.Tags("Net", [builder.Tag("Name", "n")]);
        Assert.Equal("n", Assert.IsType<StringValue>(Assert.Single(((TaggedResource)builder.Template.Resources[0]).Tags).Value).Text);
        Assert.Throws<ArgumentException>(() => builder.Tags("Net2", [builder.Tag("Name", "n")]));
        Assert.Throws<ArgumentException>(() => builder.Tags("Missing", []));
    }
}

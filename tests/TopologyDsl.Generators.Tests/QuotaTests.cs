using System.Linq;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Past CloudFormation's 500-resource quota nothing of a stack can deploy: the validator counts
/// resources before any other rule and reports TDSL302 alone, which keeps a huge stack cheap to check.
/// </summary>
public class QuotaTests
{
    private static RefSpec Ref(string name) => new(name, InStack: true, IsError: false);

    private static StackSpec Stack(params ResourceSpec[] resources) =>
        new("Shop", "Shop", true, true, "shop", null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

    private static SecurityGroupSpec Group(string name, params RuleSpec[] egress) =>
        new(name, TypeKeyword.Record, true, Ref("Net"), "g", EquatableArray<RuleSpec>.Empty, egress.ToEquatableArray());

    /// <summary>A VPC with a public block (TDSL111) and no flow logs (TDSL409), and groups that allow all outbound traffic (TDSL408).</summary>
    private static StackSpec Groups(int count) => Stack(
        [new VpcSpec("Net", TypeKeyword.Record, true, "8.0.0.0/16", EquatableArray<string>.Empty, FlowLogs: false, 30),
         .. Enumerable.Range(0, count).Select(i => Group("G" + i))]);

    [Fact]
    public void OverQuota_ReportsTooManyResourcesAlone()
    {
        var finding = Assert.Single(TopologyValidator.Validate(Groups(500), _ => null));
        Assert.Equal(("TDSL302", "@stack/name"), (finding.Id, finding.Path.Value));
        Assert.Equal(["shop", "501"], finding.Arguments);
    }

    [Fact]
    public void AtQuota_RunsEveryRule()
    {
        var ids = TopologyValidator.Validate(Groups(499), _ => null).Select(f => f.Id).Distinct().Order().ToArray();
        Assert.Equal(["TDSL111", "TDSL408", "TDSL409"], ids);
    }

    [Fact]
    public void ResourceCount_CountsWhatTheGeneratorAdds_AsNamesDoes()
    {
        var vpc = new VpcSpec("Net", TypeKeyword.Record, true, "10.0.0.0/16", new[] { "10.1.0.0/16", "10.2.0.0/16" }.ToEquatableArray(), FlowLogs: true, 30);
        var subnet = new SubnetSpec("A", TypeKeyword.Record, true, Ref("Net"), "10.0.1.0/24", 0, SubnetKindSpec.Unspecified);
        var table = new RouteTableSpec("T", TypeKeyword.Record, true, Ref("Net"), new[] { Ref("A") }.ToEquatableArray(),
            new[] { new RouteSpec("0.0.0.0/0", Ref("Igw")), new RouteSpec("10.9.0.0/16", Ref("Nat")) }.ToEquatableArray());
        var toSelf = new RuleSpec(ProtocolSpec.Tcp, 22, 0, null, Ref("G"), null);
        var toWorld = new RuleSpec(ProtocolSpec.Tcp, 443, 0, "0.0.0.0/0", null, null);
        var instance = new InstanceSpec("I", TypeKeyword.Record, true, Ref("A"), "10.0.1.10", false, null, "ami-0123456789abcdef0", "t3.micro", null, 0,
            EquatableArray<RefSpec>.Empty, null, "ec2-user", false, true, new[] { Ref("S") }.ToEquatableArray());
        var stack = Stack(
            new ParameterSpec("P", TypeKeyword.Record, true, "String", null, null, false, EquatableArray<string>.Empty, null, 0, 0, null),
            vpc, subnet, new InternetGatewaySpec("Igw", TypeKeyword.Record, true, Ref("Net")), new NatGatewaySpec("Nat", TypeKeyword.Record, true, Ref("A")),
            table, Group("G", toSelf, toWorld), new SecretSpec("S", TypeKeyword.Record, true, null, 32), instance);

        Assert.Equal(StackPlan.Names(stack).Count(n => n.CfnType != "Parameter"), StackPlan.ResourceCount(stack));
        Assert.Equal(21, StackPlan.ResourceCount(stack)); // VPC 6 (2 secondary blocks, 3 for flow logs), subnet 1, gateways 4, table 4, group 2, secret 1, instance 3
    }
}

using System.Linq;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>The validator as a pure function over hand-built specs: findings by ID and model path.</summary>
public class ValidatorTests
{
    private static RefSpec Ref(string name) => new(name, InStack: true, IsError: false);

    private static StackSpec Stack(params ResourceSpec[] resources) =>
        new("Shop", "Shop", true, true, "shop", null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

    private static VpcSpec Vpc(string name, string cidr) => new(name, TypeKeyword.Record, true, cidr, EquatableArray<string>.Empty, FlowLogs: true, 30);

    private static SubnetSpec Subnet(string name, string vpc, string cidr) => new(name, TypeKeyword.Record, true, Ref(vpc), cidr, 0, SubnetKindSpec.Unspecified);

    private static (string, string)[] Findings(StackSpec stack) =>
        TopologyValidator.Validate(stack, _ => null).Select(f => (f.Id, f.Path.Value)).ToArray();

    [Fact]
    public void Overlaps_ReportedOnTheLaterDeclaredSubnet_WithTheEarlierAsRelated()
    {
        var stack = Stack(Vpc("Net", "10.0.0.0/16"),
            Subnet("Wide", "Net", "10.0.4.0/22"),
            Subnet("Early", "Net", "10.0.0.0/24"),
            Subnet("Inside", "Net", "10.0.5.0/24"),
            Subnet("Apart", "Net", "10.0.8.0/24"));
        var finding = Assert.Single(TopologyValidator.Validate(stack, _ => null));
        Assert.Equal("TDSL107", finding.Id);
        Assert.Equal("Inside/cidr", finding.Path.Value);
        Assert.Equal("Wide/cidr", finding.Related?.Value);
    }

    [Fact]
    public void Overlaps_InDifferentVpcs_AreFine() =>
        Assert.Empty(Findings(Stack(Vpc("A", "10.0.0.0/16"), Vpc("B", "10.0.0.0/16"), Subnet("SA", "A", "10.0.1.0/24"), Subnet("SB", "B", "10.0.1.0/24"))));

    [Fact]
    public void SubnetOfUnresolvedVpc_IsReportedOnceAsAReference()
    {
        var stack = Stack(Subnet("S", "Missing", "10.0.1.0/24"));
        Assert.Equal([("TDSL201", "S/vpc")], Findings(stack));
    }

    [Fact]
    public void ParseFindings_ComeFirstAndUnchanged()
    {
        var parse = Finding.Create("TDSL001", ModelPath.Resource("Net"), "Net");
        var stack = Stack(Vpc("Net", "10.0.0.0/16")) with { ParseFindings = new[] { parse }.ToEquatableArray() };
        Assert.Equal(parse, TopologyValidator.Validate(stack, _ => null).First());
    }

    [Theory]
    [InlineData("10.0.0.0/16", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("255.255.255.255/32", true)]
    [InlineData("10.0.0.0", false)]
    [InlineData("10.0.0.0/", false)]
    [InlineData("10.0.0.0/016", false)]
    [InlineData("10.0.0/16", false)]
    [InlineData("10.0.0.256/16", false)]
    [InlineData("010.0.0.0/16", false)]
    [InlineData(" 10.0.0.0/16", false)]
    [InlineData("10.0.0.0/16 ", false)]
    [InlineData("10.0.0.0/-1", false)]
    [InlineData("10.0.0.0/+8", false)]
    [InlineData("0x0a.0.0.0/8", false)]
    [InlineData("", false)]
    public void Cidr_ParsesOnlyTheDottedQuadForm(string text, bool valid) => Assert.Equal(valid, Cidr.TryParse(text, out _));

    [Fact]
    public void ReservedAddresses_AreTheFiveAwsKeeps()
    {
        Cidr.TryParse("10.0.1.0/28", out var subnet);
        var roles = Enumerable.Range(0, 16).Select(i => CidrRules.ReservedRole(subnet, subnet.First + (uint)i) is not null).ToArray();
        Assert.Equal([true, true, true, true, false, false, false, false, false, false, false, false, false, false, false, true], roles);
    }
}

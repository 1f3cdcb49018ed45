using System.Linq;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>The plan of stacks that import from each other, and of peering and transit gateway resources, from hand-built specs.</summary>
public class StackPlanProgramTests
{
    private static RefSpec Local(string name) => new(name, InStack: true, IsError: false);

    private static RefSpec Imported(string name) => new(name, InStack: false, IsError: false, Stack: "Shop.Network");

    private static StackSpec Stack(string className, string name, params ResourceSpec[] resources) =>
        new("Shop", className, true, true, name, null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

    private static readonly StackSpec Network = Stack("Network", "network",
        new VpcSpec("Main", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, false, 30),
        new SubnetSpec("Private", TypeKeyword.Record, true, Local("Main"), "10.0.2.0/24", 0, SubnetKindSpec.Unspecified),
        new RouteTableSpec("PrivateRoutes", TypeKeyword.Record, true, Local("Main"), new[] { Local("Private") }.ToEquatableArray(), EquatableArray<RouteSpec>.Empty),
        new SecurityGroupSpec("Web", TypeKeyword.Record, true, Local("Main"), "web", EquatableArray<RuleSpec>.Empty, EquatableArray<RuleSpec>.Empty));

    private static readonly StackSpec App = Stack("App", "app",
        new SecurityGroupSpec("AppGroup", TypeKeyword.Record, true, Imported("Main"), "app",
            new[] { new RuleSpec(ProtocolSpec.Tcp, 80, 0, null, Imported("Web"), "from web") }.ToEquatableArray(), EquatableArray<RuleSpec>.Empty),
        new InstanceSpec("Server", TypeKeyword.Record, true, Imported("Private"), "10.0.2.10", false, null, "ami-0123456789abcdef0", "t3.micro", null, 0,
            new[] { Local("AppGroup"), Imported("Web") }.ToEquatableArray(), null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty));

    private static System.Collections.Generic.IReadOnlyList<PlannedCall> Plan(StackSpec stack, EquatableArray<StackSpec> others, params string[] exports) =>
        StackPlan.Template(new StackIndex(stack, others, _ => null), exports.ToEquatableArray());

    private static string Text(PlannedValue? value) => Assert.IsType<PlannedValue.Text>(value).Value;

    [Fact]
    public void Template_ImportsComeFirst_InOrderOfUse_NamedByStackKeyAndRecord()
    {
        var plan = Plan(App, new[] { Network }.ToEquatableArray());
        var imports = plan.TakeWhile(c => c.Method == "Import").ToList();
        Assert.Equal(["Shop.Network.Main", "Shop.Network.Web", "Shop.Network.Private"], imports.Select(c => c.Name));
        Assert.Equal(["network-Main", "network-Web", "network-Private"], imports.Select(c => Text(c.Arguments[0].Value)));
        Assert.Equal("Shop.Network.Main", Text(plan.Single(c => c.Name == "AppGroup")["vpc"]));
        Assert.Equal("Shop.Network.Web", Text(plan.Single(c => c.Method == "SecurityGroupIngress")["source"]));
    }

    [Fact]
    public void Template_InstanceInAnImportedSubnet_WaitsForNothingOfTheOtherTemplate()
    {
        var server = Plan(App, new[] { Network }.ToEquatableArray()).Single(c => c.Name == "Server");
        Assert.Null(server["dependsOn"]);
        Assert.Equal("Shop.Network.Private", Text(server["subnet"]));
        Assert.Equal(["AppGroup", "Shop.Network.Web"], Assert.IsType<PlannedValue.Names>(server["groups"]).Values);
    }

    [Fact]
    public void Template_Exports_AreOutputsNamedByStackAndRecord()
    {
        var outputs = Plan(Network, EquatableArray<StackSpec>.Empty, "Main", "Private").Where(c => c.Method == "Output").ToList();
        Assert.Equal(["MainExport", "PrivateExport"], outputs.Select(o => o.Name));
        Assert.Equal(["network-Main", "network-Private"], outputs.Select(o => Text(o["export"])));
    }

    [Fact]
    public void Template_RoutesToAPeeringAndATransitGateway_WaitForWhatThisTemplateHolds()
    {
        var stack = Stack("Net", "net",
            new VpcSpec("Prod", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, false, 30),
            new SubnetSpec("ProdA", TypeKeyword.Record, true, Local("Prod"), "10.0.1.0/24", 0, SubnetKindSpec.Unspecified),
            new VpcSpec("Shared", TypeKeyword.Record, true, "10.1.0.0/16", EquatableArray<string>.Empty, false, 30),
            new VpcPeeringSpec("Peering", TypeKeyword.Record, true, Local("Prod"), Local("Shared"), null, null, null, null, EquatableArray<string>.Empty),
            new TransitGatewaySpec("Tgw", TypeKeyword.Record, true, null, 0, true),
            new TransitGatewayAttachmentSpec("ProdAttachment", TypeKeyword.Record, true, Local("Tgw"), Local("Prod"), new[] { Local("ProdA") }.ToEquatableArray()),
            new RouteTableSpec("Routes", TypeKeyword.Record, true, Local("Prod"), EquatableArray<RefSpec>.Empty,
                new[] { new RouteSpec("10.1.0.0/16", Local("Peering")), new RouteSpec("10.2.0.0/16", Local("Tgw")) }.ToEquatableArray()));
        var plan = Plan(stack, EquatableArray<StackSpec>.Empty);
        var toPeering = plan.Single(c => c.Name == "RoutesToPeering");
        Assert.Equal("Peering", Text(toPeering["peering"]));
        Assert.Null(toPeering["dependsOn"]);
        var toTgw = plan.Single(c => c.Name == "RoutesToTgw");
        Assert.Equal("Tgw", Text(toTgw["transitGateway"]));
        Assert.Equal(["ProdAttachment"], Assert.IsType<PlannedValue.Names>(toTgw["dependsOn"]).Values);
        Assert.Equal(
            StackPlan.Names(stack).Select(n => n.LogicalId),
            plan.Where(c => c.Method is not ("Parameter" or "Output" or "Import")).Select(c => c.Name));
    }
}

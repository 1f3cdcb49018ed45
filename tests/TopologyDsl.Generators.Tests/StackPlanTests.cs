using System.Linq;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The plan of a template (the builder calls the generated code makes), from hand-built specs: what
/// the generator adds beyond the user's words is decided and checked here, the emitter only prints it.
/// </summary>
public class StackPlanTests
{
    private static RefSpec Ref(string name) => new(name, InStack: true, IsError: false);

    private static StackSpec Stack(params ResourceSpec[] resources) =>
        new("Shop", "Shop", true, true, "shop", null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

    private static VpcSpec Vpc(string name, string cidr, params string[] secondary) =>
        new(name, TypeKeyword.Record, true, cidr, secondary.ToEquatableArray(), FlowLogs: true, 30);

    private static SubnetSpec Subnet(string name, string vpc, string cidr) => new(name, TypeKeyword.Record, true, Ref(vpc), cidr, 0, SubnetKindSpec.Unspecified);

    private static RouteTableSpec Table(string name, string vpc, string[] subnets, params (string Destination, string Target)[] routes) =>
        new(name, TypeKeyword.Record, true, Ref(vpc), subnets.Select(Ref).ToEquatableArray(), routes.Select(r => new RouteSpec(r.Destination, Ref(r.Target))).ToEquatableArray());

    private static InstanceSpec Instance(string name, string subnet, string ip) =>
        new(name, TypeKeyword.Record, true, Ref(subnet), ip, false, null, "ami-0123456789abcdef0", "t3.micro", null, 0,
            EquatableArray<RefSpec>.Empty, null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty);

    private static StackSpec TwoTier() => Stack(
        Vpc("Net", "10.0.0.0/16", "10.1.0.0/16"),
        Subnet("Public", "Net", "10.0.1.0/24"),
        Subnet("Extra", "Net", "10.1.0.0/24"),
        new InternetGatewaySpec("Igw", TypeKeyword.Record, true, Ref("Net")),
        new NatGatewaySpec("Nat", TypeKeyword.Record, true, Ref("Public")),
        Table("Edge", "Net", ["Public"], ("0.0.0.0/0", "Igw")),
        Table("Inner", "Net", ["Extra"], ("0.0.0.0/0", "Nat"), ("192.168.0.0/16", "Nat")),
        Instance("Db", "Extra", "10.1.0.10"));

    private static System.Collections.Generic.IReadOnlyList<PlannedCall> Plan(StackSpec stack) => StackPlan.Template(new StackIndex(stack, _ => null));

    private static string[] DependsOn(PlannedCall call) => (call["dependsOn"] as PlannedValue.Names)?.Values.ToArray() ?? [];

    [Fact]
    public void Template_NamesEveryResourceTheValidatorChecks_InTheSameOrder()
    {
        var stack = TwoTier();
        Assert.Equal(
            StackPlan.Names(stack).Where(n => n.CfnType != "Parameter").Select(n => n.LogicalId),
            Plan(stack).Where(c => c.Method is not ("Parameter" or "Output")).Select(c => c.Name));
        Assert.Equal(StackPlan.Outputs(stack).Select(n => n.LogicalId), Plan(stack).Where(c => c.Method == "Output").Select(c => c.Name));
    }

    [Fact]
    public void Template_UserData_SubstitutesOnlyWhenTheScriptDoes_AndPassesItsOwnLogicalId()
    {
        var files = new System.Collections.Generic.Dictionary<string, string>
        {
            ["plain.sh"] = "#!/bin/bash\necho \"$HOME\"\n",
            ["region.sh"] = "echo ${AWS::Region}\n",
            ["signal.sh"] = "cfn-signal -e 0 --stack ${AWS::StackName} --resource ${LogicalId}\n",
        };
        var stack = Stack(Vpc("Net", "10.0.0.0/16"), Subnet("S", "Net", "10.0.1.0/24"),
            Instance("Plain", "S", "10.0.1.10") with { UserData = "plain.sh" },
            Instance("Region", "S", "10.0.1.11") with { UserData = "region.sh" },
            Instance("Signals", "S", "10.0.1.12") with { UserData = "signal.sh", SignalTimeoutMinutes = 15 },
            Instance("Bare", "S", "10.0.1.13"));
        var plan = StackPlan.Template(new StackIndex(stack, path => files.TryGetValue(path, out var text) ? text : null));
        PlannedValue? UserData(string name) => plan.Single(c => c.Name == name)["userData"];
        PlannedValue Base64(PlannedValue inner) => PlannedValue.Helper("Base64", inner);

        Assert.Equal(Base64(new PlannedValue.Script(files["plain.sh"])), UserData("Plain"));
        Assert.Equal(Base64(PlannedValue.Helper("Sub", new PlannedValue.Script(files["region.sh"]))), UserData("Region"));
        Assert.Equal(Base64(PlannedValue.Helper("Sub", new PlannedValue.Script(files["signal.sh"]), new PlannedValue.Text("LogicalId"), new PlannedValue.Text("Signals"))),
            UserData("Signals"));
        Assert.Null(UserData("Bare"));
        Assert.Equal(new PlannedValue.Number(15), plan.Single(c => c.Name == "Signals")["signalTimeoutMinutes"]);
        Assert.Null(plan.Single(c => c.Name == "Region")["signalTimeoutMinutes"]);
    }

    [Fact]
    public void Template_SubnetInASecondaryBlock_WaitsForTheBlock()
    {
        var plan = Plan(TwoTier());
        Assert.Empty(DependsOn(plan.Single(c => c.Name == "Public")));
        Assert.Equal(["NetCidr2"], DependsOn(plan.Single(c => c.Name == "Extra")));
    }

    [Fact]
    public void Template_ElasticIpAndInternetRoute_WaitForTheAttachment_NatRoutesDoNot()
    {
        var plan = Plan(TwoTier());
        Assert.Equal(["IgwAttachment"], DependsOn(plan.Single(c => c.Name == "NatEip")));
        Assert.Equal(["IgwAttachment"], DependsOn(plan.Single(c => c.Name == "EdgeToIgw")));
        Assert.Empty(DependsOn(plan.Single(c => c.Name == "InnerToNat")));
        Assert.Equal(new PlannedValue.Text("Nat"), plan.Single(c => c.Name == "InnerToNat")["natGateway"]);
    }

    [Fact]
    public void Template_Instance_WaitsForItsSubnetsRoutesAndAssociation()
    {
        var plan = Plan(TwoTier());
        Assert.Equal(["InnerToNat", "InnerToNat2", "InnerExtraAssociation"], DependsOn(plan.Single(c => c.Name == "Db")));
    }

    [Fact]
    public void Template_GroupWithOnlyGroupEgress_GetsTheRuleThatMatchesNothing()
    {
        var rule = new RuleSpec(ProtocolSpec.Tcp, 5432, 0, null, Ref("Self"), "only to itself");
        var stack = Stack(Vpc("Net", "10.0.0.0/16"),
            new SecurityGroupSpec("Self", TypeKeyword.Record, true, Ref("Net"), "closed", EquatableArray<RuleSpec>.Empty, new[] { rule }.ToEquatableArray()));
        var plan = Plan(stack);
        Assert.Equal(new PlannedValue.Items(new[] { StackPlan.MatchesNothing }.ToEquatableArray()), plan.Single(c => c.Name == "Self")["egress"]);
        Assert.Equal(new PlannedValue.Text("Self"), plan.Single(c => c.Name == "SelfToSelfTcp5432")["destination"]);
    }

    [Fact]
    public void Template_ElasticIpAssignedAddressAndDataVolume()
    {
        var stack = Stack(Vpc("Net", "10.0.0.0/16"),
            Subnet("Public", "Net", "10.0.1.0/24"),
            Subnet("Private", "Net", "10.0.2.0/24") with { Zone = 2 },
            new InternetGatewaySpec("Igw", TypeKeyword.Record, true, Ref("Net")),
            Table("Edge", "Net", ["Public"], ("0.0.0.0/0", "Igw")),
            Instance("Web", "Public", "10.0.1.10") with { PublicIp = true, ElasticIp = true },
            Instance("Db", "Private", "") with { AssignedIp = true, SshVia = Ref("Web") },
            new DataVolumeSpec("Data", TypeKeyword.Record, true, Ref("Db"), "/dev/sdf", 20, VolumeTypeSpec.Gp3, true));
        var plan = Plan(stack);

        // The Elastic IP before its instance (its boot script may name it), the association after.
        Assert.Equal(StackPlan.Names(stack).Select(n => n.LogicalId), plan.Where(c => c.Method != "Output").Select(c => c.Name));
        Assert.Equal(["WebEip", "Web", "WebEipAssociation"], plan.Where(c => c.Name.StartsWith("Web", System.StringComparison.Ordinal) && c.Method != "Output").Select(c => c.Name));
        Assert.Equal(["IgwAttachment"], DependsOn(plan.Single(c => c.Name == "WebEip")));

        // No address for EC2 to assign; the ssh line reads it (and the jump host's Elastic IP) when CloudFormation runs.
        var db = plan.Single(c => c.Name == "Db");
        Assert.Null(db["privateIp"]);
        Assert.Equal(new PlannedValue.Names(new[] { "/dev/sdf", "Data" }.ToEquatableArray()), db["volumes"]);
        Assert.Equal(PlannedValue.Sub("ssh -J ec2-user@${WebEip} ec2-user@${Db.PrivateIp}"), plan.Single(c => c.Name == "DbSshCommand").Arguments[0].Value);
        Assert.Equal(PlannedValue.Ref("WebEip"), plan.Single(c => c.Name == "WebPublicIp").Arguments[0].Value);

        // The volume in the zone of its instance's subnet.
        Assert.Equal(new PlannedValue.Number(2), plan.Single(c => c.Name == "Data")["zone"]);
    }
}

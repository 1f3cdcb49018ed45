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

    private static InstanceSpec Server(string name, string ip, string? userData, int signalTimeoutMinutes) =>
        new(name, TypeKeyword.Record, true, Ref("S"), ip, false, userData, "ami-0123456789abcdef0", "t3.micro", null, 0,
            new[] { Ref("G") }.ToEquatableArray(), null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty, signalTimeoutMinutes);

    [Fact]
    public void Signals_WaitAndSendMustMatch()
    {
        var stack = Stack(Vpc("Net", "10.0.0.0/16"), Subnet("S", "Net", "10.0.1.0/24"),
            new SecurityGroupSpec("G", TypeKeyword.Record, true, Ref("Net"), "g", EquatableArray<RuleSpec>.Empty,
                new[] { new RuleSpec(ProtocolSpec.Tcp, 443, 0, "0.0.0.0/0", null, "out") }.ToEquatableArray()),
            Server("Quiet", "10.0.1.10", "quiet.sh", 15),
            Server("Bare", "10.0.1.11", null, 15),
            Server("Hasty", "10.0.1.12", "signal.sh", 0),
            Server("Patient", "10.0.1.13", "signal.sh", 15),
            Server("Plain", "10.0.1.14", "quiet.sh", 0),
            Server("Neither", "10.0.1.15", null, 0));
        var files = new System.Collections.Generic.Dictionary<string, string>
        {
            ["quiet.sh"] = "#!/bin/bash\n# cfn-signal would go here\ndnf install -y httpd\n",
            ["signal.sh"] = "#!/bin/bash\n  /opt/aws/bin/cfn-signal -e 0 --stack ${AWS::StackName} --resource ${LogicalId}\n",
        };
        Assert.Equal(
            [("TDSL215", "Quiet/signalTimeoutMinutes"), ("TDSL216", "Bare/signalTimeoutMinutes"), ("TDSL217", "Hasty/userData")],
            TopologyValidator.Validate(stack, path => files.TryGetValue(path, out var text) ? text : null)
                .Where(f => f.Id.StartsWith("TDSL21", System.StringComparison.Ordinal)).Select(f => (f.Id, f.Path.Value)).ToArray());
    }

    [Theory]
    [InlineData("/opt/aws/bin/cfn-signal -e $? --stack s --resource r", true)]
    [InlineData("cfn-signal --success true --stack s --resource r", true)]
    [InlineData("aws cloudformation signal-resource --stack-name s --logical-resource-id r --unique-id 1 --status SUCCESS", true)]
    [InlineData("trap 'cfn-signal -e $? --stack s --resource r' EXIT", true)]
    [InlineData("# cfn-signal later", false)]
    [InlineData("   # signal-resource in a comment", false)]
    [InlineData("echo done", false)]
    [InlineData("", false)]
    public void Signals_SeesCfnSignalOutsideComments(string line, bool signals) =>
        Assert.Equal(signals, SignalRules.Signals("#!/bin/bash\n" + line + "\n"));

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

    [Fact]
    public void DataState_PoliciesVolumesAndAssignedAddresses_ByPath()
    {
        DataVolumeSpec Volume(string name, string instance, string device, int size, VolumeTypeSpec type = VolumeTypeSpec.Gp3, bool encrypted = true) =>
            new(name, TypeKeyword.Record, true, Ref(instance), device, size, type, encrypted);
        var stack = Stack(Vpc("Net", "10.0.0.0/16"), Subnet("S", "Net", "10.0.1.0/24"),
            new SecurityGroupSpec("G", TypeKeyword.Record, true, Ref("Net"), "g", EquatableArray<RuleSpec>.Empty,
                new[] { new RuleSpec(ProtocolSpec.Tcp, 443, 0, "0.0.0.0/0", null, "out") }.ToEquatableArray()),
            Server("Db", "10.0.1.10", null, 0),
            Server("Any", "", null, 0) with { AssignedIp = true },
            Server("Other", "", null, 0) with { AssignedIp = true, Policies = new PolicySpec(RemovalPolicySpec.Snapshot, RemovalPolicySpec.Default) },
            Volume("Data", "Db", "/dev/sdf", 20),
            Volume("Twin", "Db", "/dev/xvdf", 20),
            Volume("Huge", "Any", "/dev/sdf", 70_000),
            Volume("Cold", "Any", "/dev/sdg", 100, VolumeTypeSpec.Sc1),
            Volume("Root", "Other", "/dev/xvda", 20, encrypted: false),
            new SecretSpec("Key", TypeKeyword.Record, true, null, 32) { Policies = new PolicySpec(RemovalPolicySpec.Default, RemovalPolicySpec.RetainExceptOnCreate) });
        Assert.Equal(
            [
                ("TDSL338", "Twin/device"), ("TDSL336", "Huge/size"), ("TDSL336", "Cold/size"), ("TDSL337", "Root/device"), ("TDSL412", "Root/encrypted"),
                ("TDSL335", "Other/policies/deletionPolicy"), ("TDSL413", "Other/policies/deletionPolicy"), ("TDSL335", "Key/policies/updateReplacePolicy"),
            ],
            Findings(stack).Where(f => f.Item1 is "TDSL335" or "TDSL336" or "TDSL337" or "TDSL338" or "TDSL412" or "TDSL413" or "TDSL102" or "TDSL110")
                .OrderBy(f => f.Item2.Split('/')[0] switch { "Twin" => 0, "Huge" => 1, "Cold" => 2, "Root" => 3, "Other" => 4, _ => 5 }).ToArray());
    }
}

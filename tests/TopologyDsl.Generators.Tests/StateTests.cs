using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Resources that hold data and addresses that survive: [Policies] (TDSL335), data volumes (TDSL336-338,
/// TDSL412, references), an address EC2 assigns, and Elastic IPs (TDSL339). One test per ID at its exact
/// argument, with its near miss.
/// </summary>
public class StateTests
{
    private const string Ami = TestCompilation.AmiParameter;

    private static string Stack(string body, string network = TestCompilation.TwoTierNetwork) =>
        "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + Ami + network + body + "}\n";

    private static string Stack(string body, bool flowLogs) =>
        Stack(body, flowLogs ? TestCompilation.TwoTierNetwork.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\", FlowLogs = true)]") : TestCompilation.TwoTierNetwork);

    private const string Db = "[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\")] public partial record Db;\n";

    private const string Web = "[Instance<Public>(\"10.0.1.10\", PublicIp = true, ImageId = nameof(Ami), InstanceType = \"t3.micro\")] public partial record Web;\n";

    [Theory]
    [InlineData("[Secret, Policies(DeletionPolicy = {|TDSL335:RemovalPolicy.Snapshot|})] public partial record S;\n")]
    [InlineData("[Secret, Policies(UpdateReplacePolicy = {|TDSL335:RemovalPolicy.RetainExceptOnCreate|})] public partial record S;\n")]
    [InlineData("[Subnet<Net>(\"10.0.3.0/24\"), {|TDSL335:Policies(DeletionPolicy = RemovalPolicy.Retain)|}] public partial record Extra;\n")]
    [InlineData("[Instance<Private>(\"10.0.2.11\", ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Policies(UpdateReplacePolicy = {|TDSL335:RemovalPolicy.Snapshot|})] public partial record I;\n")]
    public Task TDSL335_PolicyNotValid(string record) => Markup.VerifyAsync(Stack(record));

    [Fact]
    public Task TDSL335_OnAVpcWithoutFlowLogs() =>
        Markup.VerifyAsync(Stack("", TestCompilation.TwoTierNetwork.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\"), {|TDSL335:Policies(DeletionPolicy = RemovalPolicy.Delete)|}]")));

    [Theory]
    [InlineData("[Secret, Policies(DeletionPolicy = RemovalPolicy.Retain, UpdateReplacePolicy = RemovalPolicy.Delete)] public partial record S;\n")]
    [InlineData("[Secret, Policies(DeletionPolicy = RemovalPolicy.RetainExceptOnCreate)] public partial record S;\n")]
    [InlineData(Db + "[DataVolume<Db>(\"/dev/sdf\", 20), Policies(DeletionPolicy = RemovalPolicy.Snapshot, UpdateReplacePolicy = RemovalPolicy.Snapshot)] public partial record Data;\n")]
    [InlineData("[Instance<Private>(\"10.0.2.11\", ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Policies(DeletionPolicy = RemovalPolicy.Retain, UpdateReplacePolicy = RemovalPolicy.Retain)] public partial record I;\n")]
    public Task TDSL335_NearMiss_ValidPolicies(string record) => Markup.VerifyAsync(Stack(record));

    [Fact]
    public Task TDSL335_NearMiss_VpcWithFlowLogs() =>
        Markup.VerifyAsync(Stack("", TestCompilation.TwoTierNetwork.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\", FlowLogs = true), Policies(DeletionPolicy = RemovalPolicy.Delete)]")));

    [Theory]
    [InlineData("DeletionPolicy = {|TDSL413:RemovalPolicy.Retain|}")]
    [InlineData("DeletionPolicy = {|TDSL413:RemovalPolicy.RetainExceptOnCreate|}")]
    [InlineData("UpdateReplacePolicy = {|TDSL413:RemovalPolicy.Retain|}")]
    public Task TDSL413_HalfKeptInstance(string policy) =>
        Markup.VerifyAllAsync(Stack(Secured($"[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<G>, Policies({policy})] public partial record Db;\n"), flowLogs: true));

    [Theory]
    [InlineData("DeletionPolicy = RemovalPolicy.Retain, UpdateReplacePolicy = RemovalPolicy.Retain")]
    [InlineData("DeletionPolicy = RemovalPolicy.Delete")]
    [InlineData("UpdateReplacePolicy = RemovalPolicy.Delete")]
    public Task TDSL413_NearMiss_BothOrDelete(string policy) =>
        Markup.VerifyAllAsync(Stack(Secured($"[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<G>, Policies({policy})] public partial record Db;\n"), flowLogs: true));

    [Fact]
    public Task TDSL413_NearMiss_SecretHasADefaultForTheOther() =>
        Markup.VerifyAllAsync(Stack(Secured("[Secret, Policies(DeletionPolicy = RemovalPolicy.Delete)] public partial record S;\n"), flowLogs: true));

    /// <summary>A group for the instance and flow logs on the VPC, so that the security findings count only what a test is about.</summary>
    private static string Secured(string body) => "[SecurityGroup<Net>(\"g\"), Egress(Tcp, 443, \"0.0.0.0/0\", Description = \"out\")] public partial record G;\n" + body;

    [Theory]
    [InlineData("{|TDSL336:0|}")]
    [InlineData("{|TDSL336:65537|}")]
    [InlineData("{|TDSL336:16385|}, Type = VolumeType.Gp2")]
    [InlineData("{|TDSL336:124|}, Type = VolumeType.St1")]
    [InlineData("{|TDSL336:1025|}, Type = VolumeType.Standard")]
    public Task TDSL336_VolumeSizeOutOfRange(string size) =>
        Markup.VerifyAsync(Stack(Db + $"[DataVolume<Db>(\"/dev/sdf\", {size})] public partial record Data;\n"));

    [Fact]
    public Task TDSL008_UndefinedVolumeType() =>
        Markup.VerifyAsync(Stack(Db + "[DataVolume<Db>(\"/dev/sdf\", 20, Type = {|TDSL008:(VolumeType)9|})] public partial record Data;\n"));

    [Theory]
    [InlineData("1")]
    [InlineData("65536")]
    [InlineData("16384, Type = VolumeType.Gp2")]
    [InlineData("125, Type = VolumeType.Sc1")]
    [InlineData("1024, Type = VolumeType.Standard")]
    public Task TDSL336_NearMiss_SizeAtTheBounds(string size) =>
        Markup.VerifyAsync(Stack(Db + $"[DataVolume<Db>(\"/dev/sdf\", {size})] public partial record Data;\n"));

    [Theory]
    [InlineData("/dev/xvda")]
    [InlineData("/dev/sda1")]
    [InlineData("/dev/sde")]
    [InlineData("/dev/sdq")]
    [InlineData("sdf")]
    [InlineData("/dev/nvme1n1")]
    [InlineData("/dev/sdF")]
    public Task TDSL337_VolumeDeviceNotAllowed(string device) =>
        Markup.VerifyAsync(Stack(Db + $"[DataVolume<Db>({{|TDSL337:\"{device}\"|}}, 20)] public partial record Data;\n"));

    [Theory]
    [InlineData("/dev/sdf")]
    [InlineData("/dev/sdp")]
    [InlineData("/dev/xvdf")]
    [InlineData("/dev/xvdp")]
    public Task TDSL337_NearMiss_DataDevice(string device) =>
        Markup.VerifyAsync(Stack(Db + $"[DataVolume<Db>(\"{device}\", 20)] public partial record Data;\n"));

    [Theory]
    [InlineData("/dev/sdf", "/dev/sdf")]
    [InlineData("/dev/sdf", "/dev/xvdf")]
    [InlineData("/dev/xvdg", "/dev/sdg")]
    public async Task TDSL338_DuplicateVolumeDevice(string first, string second)
    {
        var marked = Stack(Db + $"[DataVolume<Db>(\"{first}\", 20)] public partial record Data;\n"
            + $"[DataVolume<Db>({{|TDSL338:\"{second}\"|}}, 100)] public partial record Logs;\n");
        await Markup.VerifyAsync(marked);
        var (source, _) = Markup.Parse(TestCompilation.Prelude + marked);
        var duplicate = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL338");
        Assert.Equal($"Data volume 'Logs' is attached to 'Db' as {second}, which data volume 'Data' already uses", duplicate.GetMessage());
        Assert.Single(duplicate.AdditionalLocations);
    }

    [Fact]
    public Task TDSL338_AlsoOutsideTheRecommendedRange() =>
        Markup.VerifyAsync(Stack(Db + "[DataVolume<Db>({|TDSL337:\"/dev/sdq\"|}, 20)] public partial record Data;\n"
            + "[DataVolume<Db>({|TDSL337:{|TDSL338:\"/dev/sdq\"|}|}, 20)] public partial record Logs;\n"));

    [Fact]
    public Task TDSL338_NearMiss_OneDeviceOnTwoInstances() =>
        Markup.VerifyAsync(Stack(Db + "[Instance<Private>(\"10.0.2.11\", ImageId = nameof(Ami), InstanceType = \"t3.micro\")] public partial record Db2;\n"
            + "[DataVolume<Db>(\"/dev/sdf\", 20)] public partial record Data;\n[DataVolume<Db2>(\"/dev/sdf\", 20)] public partial record Data2;\n"
            + "[DataVolume<Db>(\"/dev/sdg\", 20)] public partial record Logs;\n"));

    [Fact]
    public Task TDSL339_ElasticIpUnreachable() =>
        Markup.VerifyAsync(Stack("[Instance<Private>(\"10.0.2.10\", ElasticIp = {|TDSL339:true|}, ImageId = nameof(Ami), InstanceType = \"t3.micro\")] public partial record Db;\n"));

    [Fact]
    public Task TDSL339_NearMiss_ElasticIpInARoutedSubnet() =>
        Markup.VerifyAsync(Stack("[Instance<Public>(\"10.0.1.10\", ElasticIp = true, ImageId = nameof(Ami), InstanceType = \"t3.micro\")] public partial record Web;\n"));

    /// <summary>An Elastic IP is a public address for the reachability model: the internet reaches the instance through it.</summary>
    [Theory]
    [InlineData("ElasticIp = true", "ReachableFromInternet<Web>(Tcp, 80)")]
    [InlineData("PublicIp = false", "{|TDSL230:ReachableFromInternet<Web>(Tcp, 80)|}")]
    public Task Reachability_TreatsAnElasticIpAsAPublicAddress(string address, string intent) => Markup.VerifyAsync(Stack(
        "[SecurityGroup<Net>(\"web\"), Ingress(Tcp, 80, \"0.0.0.0/0\", Description = \"http\")] public partial record WebGroup;\n"
        + $"[Instance<Public>(\"10.0.1.10\", {address}, ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<WebGroup>] public partial record Web;\n"
        + $"[{intent}] public partial record Intent;\n"));

    [Fact]
    public Task TDSL412_DataVolumeUnencrypted() =>
        Markup.VerifyAllAsync(Stack("[SecurityGroup<Net>(\"g\"), Egress(Tcp, 443, \"0.0.0.0/0\", Description = \"out\")] public partial record G;\n"
            + "[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<G>] public partial record Db;\n"
            + "[DataVolume<Db>(\"/dev/sdf\", 20, Encrypted = {|TDSL412:false|})] public partial record Data;\n"
            + "[DataVolume<Db>(\"/dev/sdg\", 20, Encrypted = true)] public partial record Logs;\n",
            TestCompilation.TwoTierNetwork.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\", FlowLogs = true)]")));

    [Fact]
    public Task DataVolume_OnAnInstanceOfAnotherStack_CannotBeImported() => Markup.VerifyAsync(
        "namespace Shop;\n[Stack(\"base\")]\npublic static partial class Base\n{\n" + Ami + TestCompilation.TwoTierNetwork + Db + "}\n"
        + "[Stack(\"app\")]\npublic static partial class App\n{\n"
        + "[DataVolume<{|TDSL228:Base.Db|}>(\"/dev/sdf\", 20)] public partial record Data;\n}\n");

    [Fact]
    public Task AssignedAddresses_AreNeverMalformedReservedOrTaken() =>
        Markup.VerifyAsync(Stack(
            "[Instance<Private>(ImageId = nameof(Ami), InstanceType = \"t3.micro\")] public partial record A;\n"
            + "[Instance<Private>(ImageId = nameof(Ami), InstanceType = \"t3.micro\")] public partial record B;\n"
            + "[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\")] public partial record C;\n"));

    [Fact]
    public Task AssignedAddress_NearMiss_AnEmptyAddressIsStillMalformed() =>
        Markup.VerifyAsync(Stack("[Instance<Private>({|TDSL102:\"\"|}, ImageId = nameof(Ami), InstanceType = \"t3.micro\")] public partial record A;\n"));

    /// <summary>An address EC2 assigns is somewhere in the subnet: a rule for the whole subnet admits it, one for part of it does not.</summary>
    [Theory]
    [InlineData("10.0.1.0/24", false)]
    [InlineData("10.0.0.0/16", false)]
    [InlineData("10.0.1.0/25", true)]
    public Task Reachability_OfAnAssignedAddress_NeedsARuleForTheWholeSubnet(string block, bool broken) => Markup.VerifyAsync(Stack(
        "[SecurityGroup<Net>(\"web\"), Egress(Tcp, 3306, \"10.0.2.0/24\", Description = \"db\")] public partial record WebGroup;\n"
        + $"[SecurityGroup<Net>(\"db\"), Ingress(Tcp, 3306, \"{block}\", Description = \"web\")] public partial record DbGroup;\n"
        + "[Instance<Public>(ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<WebGroup>] public partial record Web;\n"
        + "[Instance<Private>(ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<DbGroup>] public partial record Db;\n"
        + (broken ? "[{|TDSL230:Reaches<Web, Db>(Tcp, 3306)|}] public partial record Intent;\n" : "[Reaches<Web, Db>(Tcp, 3306)] public partial record Intent;\n")));

    /// <summary>${Self.PublicIp} in an instance's own boot script: a cycle with a plain public IP, the Elastic IP (which exists first) with one.</summary>
    [Theory]
    [InlineData("ElasticIp = true", "\"web.sh\"")]
    [InlineData("PublicIp = true", "{|TDSL328:\"web.sh\"|}")]
    public Task OwnPublicIp_InUserData_IsACycleUnlessItIsAnElasticIp(string publicAddress, string userData) => Markup.VerifyAsync(Stack(
        $"[Instance<Public>(\"10.0.1.10\", {publicAddress}, ImageId = nameof(Ami), InstanceType = \"t3.micro\", UserData = {userData})] public partial record Web;\n"),
        new InMemoryAdditionalText("/p/web.sh", "echo ${Web.PublicIp}\n"));
}

using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;
using TopologyDsl.Testing;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// TDSL333 while typing: the WordPress example, edited, against its committed template (passed as
/// templates/wordpress.yaml, as the package's build targets pass it). The warning stands at the
/// edited argument when the edit replaces an instance, and stays quiet for in-place updates.
/// </summary>
public class ChangeAnalyzerTests
{
    private static AdditionalText Template() =>
        new InMemoryAdditionalText("/example/templates/wordpress.yaml", File.ReadAllText(Repo.PathOf("examples", "WordPress", "templates", "wordpress.yaml")));

    private static Task Verify((string Old, string New)[] edits, bool withTemplate = true)
    {
        var (source, files) = ChangeReportTests.EditedExample(edits);
        return Markup.VerifyAsync(source, withTemplate ? [.. files, Template()] : files);
    }

    [Fact]
    public Task TDSL333_PrivateIpEdited() =>
        Verify([("\"10.0.2.10\"", "{|TDSL333:\"10.0.2.20\"|}")]);

    [Fact]
    public Task TDSL333_SubnetCidrEdited_WarnsAtTheSubnetAndTheAddress() =>
        Verify([("[Subnet<Network>(\"10.0.2.0/24\"", "[Subnet<Network>({|TDSL333:\"10.0.3.0/24\"|}"), ("\"10.0.2.10\"", "{|TDSL333:\"10.0.3.10\"|}")]);

    [Fact]
    public Task TDSL333_SubnetMoved() =>
        Verify([("[Instance<PrivateSubnet>(", "[Instance<{|TDSL333:PublicSubnet|}>("), ("\"10.0.2.10\"", "{|TDSL333:\"10.0.1.20\"|}")]);

    [Fact]
    public Task TDSL333_SecurityGroupDescriptionEdited() =>
        Verify([("\"DB server: MariaDB and SSH from the web server only\"", "{|TDSL333:\"DB server: MariaDB and SSH from the web tier only\"|}")]);

    [Fact]
    public Task TDSL333_ImageOfOneServerPinned() =>
        Verify([("ImageId = nameof(ImageId), InstanceType = nameof(InstanceType), KeyName = nameof(KeyName))]\n    [Uses<DbAccess>",
            "ImageId = {|TDSL333:\"ami-0123456789abcdef0\"|}, InstanceType = nameof(InstanceType), KeyName = nameof(KeyName))]\n    [Uses<DbAccess>")]);

    [Fact]
    public Task TDSL333_ZoneIndexReplacedByZoneId_WarnsAtTheZoneId() =>
        Verify([("[Subnet<Network>(\"10.0.2.0/24\", Zone = 0)]", "[Subnet<Network>(\"10.0.2.0/24\", ZoneId = {|TDSL333:\"euw1-az1\"|})]")]);

    [Fact]
    public Task TagsAdded_UpdateInPlace_NoWarning() =>
        Verify([("[Vpc(\"10.0.0.0/16\", FlowLogs = true)]", "[Vpc(\"10.0.0.0/16\", FlowLogs = true), Tag(\"Name\", \"wordpress\"), Tag(\"CostCenter\", \"42\")]"),
            ("[Subnet<Network>(\"10.0.2.0/24\", Zone = 0)]", "[Subnet<Network>(\"10.0.2.0/24\", Zone = 0), Tag(\"Tier\", \"db\")]")]);

    [Fact]
    public Task TDSL333_VpcCidrEdited_NamesBothServers() =>
        Verify([("[Vpc(\"10.0.0.0/16\"", "[Vpc({|TDSL333:\"10.0.0.0/17\"|}")]);

    [Fact]
    public async Task TDSL333_Message_NamesTheArgumentTheServerAndTheCommittedValue()
    {
        var (source, files) = ChangeReportTests.EditedExample([("\"10.0.2.10\"", "\"10.0.2.20\"")]);
        var diagnostics = await TestCompilation.DiagnosticsAsync(source, [.. files, Template()]);
        var warning = Assert.Single(diagnostics, d => d.Id == "TDSL333");
        Assert.Equal("Changing PrivateIp replaces DbServer: its root volume is deleted (the committed template has 10.0.2.10)", warning.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    /// <summary>Dropping the fixed address (EC2 assigns one) replaces the server: the warning stands at the attribute, which no longer has the argument.</summary>
    [Fact]
    public Task TDSL333_AddressDropped_WarnsAtTheAttribute() =>
        Verify([("[Instance<PrivateSubnet>(\"10.0.2.10\", UserData = \"userdata/db.sh\", SignalTimeoutMinutes = 15,\n        ImageId = nameof(ImageId), InstanceType = nameof(InstanceType), KeyName = nameof(KeyName))]",
            "[{|TDSL333:Instance<PrivateSubnet>(UserData = \"userdata/db.sh\", SignalTimeoutMinutes = 15,\n        ImageId = nameof(ImageId), InstanceType = nameof(InstanceType), KeyName = nameof(KeyName))|}]")]);

    [Theory]
    [InlineData("InstanceType")]
    [InlineData("WebServerInstanceType")]
    [InlineData("DataVolumeSize")]
    [InlineData("DataVolumeTag")]
    [InlineData("DataVolumeDeletePolicy")]
    [InlineData("SecretDeletePolicy")]
    [InlineData("UserData")]
    [InlineData("SecurityGroupRule")]
    [InlineData("SecurityGroupRuleDescription")]
    [InlineData("ImageParameter")]
    public Task TDSL333_NearMiss_InPlaceUpdatesAndParameterDefaults(string edit) =>
        Verify(ChangeReportTests.EditTableFor(edit));

    [Fact]
    public Task TDSL333_NearMiss_NoCommittedTemplate() =>
        Verify([("\"10.0.2.10\"", "\"10.0.2.20\"")], withTemplate: false);

    private static string SmallStack(string ami, string imageId) =>
        "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + ami + TestCompilation.TwoTierNetwork
        + "[SecurityGroup<Net>(\"web\"), Ingress(Tcp, 443, \"0.0.0.0/0\")] public partial record Web;\n"
        + "[Instance<Public>(\"10.0.1.10\", ImageId = " + imageId + ", InstanceType = \"t3.micro\"), Uses<Web>] public partial record Server;\n}\n";

    [Fact]
    public Task TDSL334_FixedAddressWithSsmImage() =>
        Markup.VerifyAsync(SmallStack(TestCompilation.AmiParameter, "{|TDSL334:nameof(Ami)|}"));

    [Theory]
    [InlineData("[Parameter(Type = ParameterTypes.ImageId)] public partial record Ami;\n", "nameof(Ami)")]
    [InlineData("", "\"ami-0123456789abcdef0\"")]
    public Task TDSL334_NearMiss_PinnedImage(string ami, string imageId) =>
        Markup.VerifyAsync(SmallStack(ami, imageId));

    [Fact]
    public async Task TDSL334_Message()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + SmallStack(TestCompilation.AmiParameter, "nameof(Ami)"));
        var warning = Assert.Single(diagnostics, d => d.Id == "TDSL334");
        Assert.Equal("Instance 'Server' has the fixed address 10.0.1.10 and its image from SSM parameter 'Ami', which CloudFormation resolves again on every stack update; "
            + "once AWS publishes a new image, any update replaces the instance and fails while the old one holds 10.0.1.10", warning.GetMessage());
    }

    [Fact]
    public void CommittedTemplate_ReadsTheFactsOfTheExample()
    {
        var template = CommittedTemplate.Read(File.ReadAllText(Repo.PathOf("examples", "WordPress", "templates", "wordpress.yaml")));
        Assert.Equal("AWS::EC2::Instance", template.TypeOf("DbServer"));
        Assert.Equal("10.0.2.10", template.Scalar("DbServer", "PrivateIpAddress"));
        Assert.Equal("!Ref PrivateSubnet", template.Scalar("DbServer", "SubnetId"));
        Assert.Equal("!Ref ImageId", template.Scalar("DbServer", "ImageId"));
        Assert.Equal(["!GetAtt DbAccess.GroupId"], template.List("DbServer", "GroupSet"));
        Assert.Equal("!Select [0, !GetAZs '']", template.Scalar("PrivateSubnet", "AvailabilityZone"));
        Assert.Equal("DB server: MariaDB and SSH from the web server only", template.Scalar("DbAccess", "GroupDescription"));
        Assert.Null(template.TypeOf("ImageId"));
    }

    [Theory]
    [InlineData("/p/templates/wordpress.yaml", true)]
    [InlineData("C:\\p\\templates\\wordpress.yaml", true)]
    [InlineData("/p/templates/sub/wordpress.yaml", false)]
    [InlineData("/p/userdata/web.sh", false)]
    [InlineData("/p/wordpress.yaml", false)]
    public void CommittedTemplate_IsTemplatePath(string path, bool expected) =>
        Assert.Equal(expected, CommittedTemplate.IsTemplatePath(path));

    [Fact]
    public void ChangeRules_EditedExample_OneFindingAtTheAddress()
    {
        var (source, files) = ChangeReportTests.EditedExample([("\"10.0.2.10\"", "\"10.0.2.20\"")]);
        var compilation = TestCompilation.Create(TestCompilation.Prelude + source);
        var stackType = compilation.GetTypeByMetadataName("Examples.WordPress.WordPressStack")!;
        var spec = Parsing.TopologyParser.Parse(stackType, stackType.GetAttributes().First(), withSourceMap: false, default).Spec;
        var committed = CommittedTemplate.Read(File.ReadAllText(Repo.PathOf("examples", "WordPress", "templates", "wordpress.yaml")));
        var finding = Assert.Single(ChangeRules.Check(spec, committed));
        Assert.Equal("TDSL333", finding.Id);
        Assert.Equal(ModelPath.Resource("DbServer").Child("privateIp"), finding.Path);
    }
}

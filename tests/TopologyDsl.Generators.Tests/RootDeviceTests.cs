using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>The root device of an instance (RootDevice): its form (TDSL414), the image's own (TDSL416), and what the generator emits.</summary>
public class RootDeviceTests
{
    private const string Ubuntu = "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id";
    private const string Windows = "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base";
    private const string AmazonLinux = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

    private static string Stack(string body) =>
        "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n"
        + "[Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = \"" + Ubuntu + "\")] public partial record UbuntuAmi;\n"
        + "[Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = \"" + Windows + "\")] public partial record WindowsAmi;\n"
        + "[Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = \"" + AmazonLinux + "\")] public partial record LinuxAmi;\n"
        + "[Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = \"/aws/service/debian/release/12/latest/amd64\")] public partial record DebianAmi;\n"
        + "[Parameter(Type = ParameterTypes.ImageId, Default = \"ami-0123456789abcdef0\")] public partial record PinnedAmi;\n"
        + TestCompilation.TwoTierNetwork.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\", FlowLogs = true)]")
        + "[SecurityGroup<Net>(\"g\"), Egress(Tcp, 443, \"0.0.0.0/0\", Description = \"out\")] public partial record G;\n"
        + body + "}\n";

    private static string Server(string name, string settings) =>
        $"[Instance<Private>(InstanceType = \"t3.micro\", {settings}), Uses<G>] public partial record {name};\n";

    [Theory]
    [InlineData("sda1")]
    [InlineData("/dev/sda2")]
    [InlineData("/dev/nvme0n1")]
    [InlineData("/dev/xvdba")]
    [InlineData("/dev/SDA1")]
    [InlineData("")]
    public Task TDSL414_MalformedRootDevice(string device) => Markup.VerifyAllAsync(Stack(
        Server("A", $"ImageId = nameof(PinnedAmi), RootDevice = {{|TDSL414:\"{device}\"|}}")));

    [Theory]
    [InlineData("/dev/sda1")]
    [InlineData("/dev/sda")]
    [InlineData("/dev/xvda")]
    [InlineData("/dev/sdf1")]
    [InlineData("/dev/xvdz")]
    public Task TDSL414_NearMiss(string device) => Markup.VerifyAllAsync(Stack(
        Server("A", $"ImageId = nameof(PinnedAmi), RootDevice = \"{device}\"")));

    [Fact]
    public Task TDSL416_RootDeviceNotImages() => Markup.VerifyAllAsync(Stack(
        Server("Ubuntu", "ImageId = {|TDSL416:nameof(UbuntuAmi)|}")
        + Server("Windows", "ImageId = nameof(WindowsAmi), RootDevice = {|TDSL416:\"/dev/xvda\"|}")
        + Server("Linux", "ImageId = nameof(LinuxAmi), RootDevice = {|TDSL416:\"/dev/sda1\"|}")));

    [Fact]
    public Task TDSL416_NearMiss() => Markup.VerifyAllAsync(Stack(
        Server("Ubuntu", "ImageId = nameof(UbuntuAmi), RootDevice = \"/dev/sda1\"")
        + Server("Windows", "ImageId = nameof(WindowsAmi), RootDevice = \"/dev/sda1\"")
        + Server("Linux", "ImageId = nameof(LinuxAmi)")
        + Server("LinuxWritten", "ImageId = nameof(LinuxAmi), RootDevice = \"/dev/xvda\"")
        + Server("Debian", "ImageId = nameof(DebianAmi), RootDevice = \"/dev/sdb\"")
        + Server("Pinned", "ImageId = nameof(PinnedAmi), RootDevice = \"/dev/sda1\"")
        + Server("Literal", "ImageId = \"ami-0123456789abcdef0\"")));

    [Fact]
    public async Task TDSL416_SecondPlace_IsTheParametersDefault()
    {
        var source = TestCompilation.Prelude + Stack(Server("Ubuntu", "ImageId = nameof(UbuntuAmi)"));
        var diagnostic = Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == "TDSL416");
        Assert.Equal("Instance 'Ubuntu' maps its root volume at /dev/xvda, but the images of parameter 'UbuntuAmi' (" + Ubuntu + ") boot from /dev/sda1",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var related = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("\"" + Ubuntu + "\"", source.Substring(related.SourceSpan.Start, related.SourceSpan.Length));
    }

    [Fact]
    public void Generator_PassesTheRootDeviceOnlyWhenSet()
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + Stack(
            Server("Ubuntu", "ImageId = nameof(UbuntuAmi), RootDevice = \"/dev/sda1\"") + Server("Linux", "ImageId = nameof(LinuxAmi)"))));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var text = Assert.Single(run.Result.Results[0].GeneratedSources).SourceText.ToString();
        var lines = text.Split('\n').Where(l => l.Contains("t.Instance(")).ToList();
        Assert.Contains("rootDevice: \"/dev/sda1\"", Assert.Single(lines, l => l.Contains("t.Instance(\"Ubuntu\"")));
        Assert.DoesNotContain("rootDevice", Assert.Single(lines, l => l.Contains("t.Instance(\"Linux\"")));
    }

    [Theory]
    [InlineData(Ubuntu, "/dev/sda1")]
    [InlineData("/aws/service/canonical/ubuntu/server-minimal/22.04/stable/current/arm64/hvm/ebs-gp2/ami-id", "/dev/sda1")]
    [InlineData(Windows, "/dev/sda1")]
    [InlineData(AmazonLinux, "/dev/xvda")]
    [InlineData("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2", "/dev/xvda")]
    [InlineData("/aws/service/debian/release/12/latest/amd64", null)]
    [InlineData("/aws/service/canonical", null)]
    public void ImageRootDevice_KnowsThePublishedParameters(string path, string? device) =>
        Assert.Equal(device, InstanceRules.ImageRootDevice(path));
}

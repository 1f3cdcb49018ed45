using System.IO;
using System.Linq;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;
using TopologyDsl.Testing;
using TopologyDsl.Tests.Infrastructure;
using TopologyDsl.Tests.Stacks;
using YamlDotNet.RepresentationModel;

namespace TopologyDsl.Tests;

/// <summary>SignalTimeoutMinutes (CreationPolicy) and the two forms of user data, through the generator to the YAML.</summary>
public class SignalTests
{
    private static Instance Server(string name) => Signals.BuildTemplate().Resources.OfType<Instance>().Single(i => i.LogicalId == name);

    [Fact]
    public void Template_MatchesSnapshot() => Snapshot.Verify(TemplateWriter.Write(Signals.BuildTemplate()), "yaml");

    [Fact]
    public void UserDataWithoutSubstitutions_IsPlainBase64OfTheScript()
    {
        var base64 = Assert.IsType<IntrinsicValue>(Server("Plain").UserData);
        Assert.Equal("Base64", base64.Name);
        Assert.Equal(File.ReadAllText(Repo.PathOf("tests", "TopologyDsl.Tests", "Stacks", "plain.sh")).Replace("\r\n", "\n").TrimEnd('\n'),
            Assert.IsType<StringValue>(base64.Argument).Text.TrimEnd('\n'));

        var userData = TemplateYaml.Parse(TemplateWriter.Write(Signals.BuildTemplate())).Map("Resources").Map("Plain").Map("Properties").Get("UserData")!;
        Assert.Equal("!Base64", userData.Tag.Value);
        Assert.IsType<YamlScalarNode>(userData);
    }

    [Fact]
    public void UserDataNamingItsLogicalId_GetsItAsAnFnSubVariable()
    {
        var base64 = Assert.IsType<IntrinsicValue>(Server("Waiting").UserData);
        var sub = Assert.IsType<IntrinsicValue>(base64.Argument);
        Assert.Equal("Sub", sub.Name);
        var arguments = Assert.IsType<ListValue>(sub.Argument);
        Assert.Contains("--resource '${LogicalId}'", Assert.IsType<StringValue>(arguments.Items[0]).Text);
        Assert.Contains("'${!NotSubstituted}'", ((StringValue)arguments.Items[0]).Text);
        var variable = Assert.Single(Assert.IsType<MapValue>(arguments.Items[1]).Entries);
        Assert.Equal("LogicalId", variable.Key);
        Assert.Equal("Waiting", Assert.IsType<StringValue>(variable.Value).Text);
    }

    [Fact]
    public void SignalTimeout_BecomesACreationPolicyBesideTheProperties()
    {
        var resources = TemplateYaml.Parse(TemplateWriter.Write(Signals.BuildTemplate())).Map("Resources");
        var waiting = resources.Map("Waiting");
        Assert.Equal(["Type", "CreationPolicy", "Properties"], waiting.Entries().Select(e => e.Key));
        var signal = waiting.Map("CreationPolicy").Map("ResourceSignal");
        Assert.Equal("1", signal.Get("Count")!.ToString());
        Assert.Equal("PT1H30M", signal.Get("Timeout")!.ToString());
        Assert.Null(resources.Map("Plain").Get("CreationPolicy"));
        Assert.Null(resources.Map("Bare").Get("CreationPolicy"));
        Assert.Null(resources.Map("Bare").Map("Properties").Get("UserData"));
    }

    [Theory]
    [InlineData(1, "PT1M")]
    [InlineData(15, "PT15M")]
    [InlineData(60, "PT1H")]
    [InlineData(61, "PT1H1M")]
    [InlineData(720, "PT12H")]
    public void Timeout_IsAnIso8601Duration(int minutes, string duration) =>
        Assert.Equal(duration, new Instance("I") { ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", SubnetId = "subnet-1", SignalTimeoutMinutes = minutes }
            .CreationPolicy()!.Entries.Single().Value is MapValue m ? ((StringValue)m.Entries.Single(e => e.Key == "Timeout").Value).Text : null);

    [Theory]
    [InlineData(-1)]
    [InlineData(721)]
    public void Timeout_OutOfRange_ThrowsWithTheAnalyzersId(int minutes)
    {
        var error = Assert.Throws<TopologyException>(() => new Instance("I") { ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", SubnetId = "subnet-1", SignalTimeoutMinutes = minutes });
        Assert.Equal("TDSL008", error.Id);
    }

    [Fact]
    public void NoTimeout_NoCreationPolicy() =>
        Assert.Null(new Instance("I") { ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", SubnetId = "subnet-1" }.CreationPolicy());
}

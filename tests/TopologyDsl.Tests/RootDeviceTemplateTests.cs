using System;
using System.IO;
using System.Linq;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;
using TopologyDsl.Tests.Infrastructure;
using TopologyDsl.Tests.Stacks;
using YamlDotNet.RepresentationModel;

namespace TopologyDsl.Tests;

/// <summary>RootDevice through the generator to the YAML: the root volume's block device mapping names the image's root device.</summary>
public class RootDeviceTemplateTests
{
    private static YamlMappingNode RootMapping(string instance)
    {
        var resources = TemplateYaml.Parse(TemplateWriter.Write(RootDevices.BuildTemplate())).Map("Resources");
        var mappings = (YamlSequenceNode)resources.Map(instance).Map("Properties").Get("BlockDeviceMappings")!;
        return (YamlMappingNode)Assert.Single(mappings.Children);
    }

    [Fact]
    public void RootDevice_IsTheMappingsDeviceName()
    {
        var ubuntu = RootMapping("Ubuntu");
        Assert.Equal("/dev/sda1", ubuntu.Get("DeviceName")!.ToString());
        Assert.Equal("20", ubuntu.Map("Ebs").Get("VolumeSize")!.ToString());
        Assert.Equal("true", ubuntu.Map("Ebs").Get("Encrypted")!.ToString());
        Assert.Equal("gp3", ubuntu.Map("Ebs").Get("VolumeType")!.ToString());
    }

    [Fact]
    public void WithoutRootDevice_TheMappingIsAmazonLinuxs()
    {
        var linux = RootMapping("Linux");
        Assert.Equal("/dev/xvda", linux.Get("DeviceName")!.ToString());
        Assert.Equal("8", linux.Map("Ebs").Get("VolumeSize")!.ToString());
    }

    [Theory]
    [InlineData("sda1")]
    [InlineData("/dev/nvme0n1")]
    [InlineData("/dev/sda2")]
    [InlineData("")]
    public void MalformedRootDevice_ThrowsWithTheAnalyzersId(string device)
    {
        var error = Assert.Throws<TopologyException>(() => new Instance("I") { ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", SubnetId = "subnet-1", RootDeviceName = device });
        Assert.Equal("TDSL414", error.Id);
    }

    [SkippableFact]
    public void Template_IsCfnLintClean()
    {
        var cfnLint = Tool.Find("cfn-lint");
        Skip.If(cfnLint is null, "cfn-lint is not on PATH (pip install cfn-lint)");
        var file = Path.Combine(Path.GetTempPath(), "topologydsl-lint-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, TemplateWriter.Write(RootDevices.BuildTemplate()));
        try
        {
            var run = Tool.Run(cfnLint, ["--", file]);
            Assert.True(run.Exit == 0 && run.Out.Trim().Length == 0, $"cfn-lint: {run}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}

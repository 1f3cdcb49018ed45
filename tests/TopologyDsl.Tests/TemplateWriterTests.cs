using System.Linq;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;
using TopologyDsl.Testing;
using TopologyDsl.Tests.Infrastructure;

namespace TopologyDsl.Tests;

public class TemplateWriterTests
{
    private static Template Small()
    {
        var template = new Template("small", "Every intrinsic shape");
        template.Add(new Parameter("Key", "AWS::EC2::KeyPair::KeyName") { Description = "yes", NoEcho = true, AllowedValues = ["on", "off"], MinLength = 1 });
        template.Add(new Vpc("Net") { CidrBlock = "10.0.0.0/16", Tags = { Tag.Name("Net"), new Tag("Env", "no") } });
        template.Add(new Subnet("Sub") { VpcId = Fn.Ref("Net"), CidrBlock = "10.0.1.0/24", AvailabilityZone = Fn.Zone(1) });
        template.Add(new Instance("Box")
        {
            DependsOn = { "Sub" },
            ImageId = Fn.Ref("AWS::NoValue"),
            InstanceType = "t3.micro",
            SubnetId = Fn.Ref("Sub"),
            PrivateIpAddress = "10.0.1.10",
            UserData = Fn.Base64(Fn.Sub("#!/bin/bash\necho '${Net}' \"x\"\n")),
        });
        template.Add(new Output("Ip", Fn.GetAtt("Box", "PrivateIp"), "2010-09-09"));
        return template;
    }

    [Fact]
    public void Write_SmallTemplate_MatchesSnapshot() => Snapshot.Verify(TemplateWriter.Write(Small()), "yaml");

    [Fact]
    public void Write_SessionManagerRoleAndEndpoints_ExactYaml()
    {
        var t = new TemplateBuilder("private");
        t.Vpc("Net", "10.0.0.0/16", dnsSupport: true, dnsHostnames: false);
        t.RouteTable("Routes", "Net");
        t.Subnet("A", "Net", "10.0.1.0/24", 0);
        t.GatewayEndpoint("S3", "Net", "s3", ["Routes"]);
        t.InterfaceEndpoint("Kms", "Net", "kms", ["A"], privateDns: false);
        t.InstanceRole("Role", sessionManager: true);
        var yaml = TemplateWriter.Write(t.Template);
        Assert.Contains("      EnableDnsHostnames: false\n      EnableDnsSupport: true\n", yaml);
        Assert.Contains("""
              S3:
                Type: AWS::EC2::VPCEndpoint
                Properties:
                  VpcEndpointType: Gateway
                  ServiceName: !Sub com.amazonaws.${AWS::Region}.s3
                  VpcId: !Ref Net
                  RouteTableIds:
                    - !Ref Routes
                  Tags:
            """.Replace("\r\n", "\n"), yaml);
        Assert.Contains("""
                  VpcEndpointType: Interface
                  ServiceName: !Sub com.amazonaws.${AWS::Region}.kms
                  VpcId: !Ref Net
                  SubnetIds:
                    - !Ref A
                  PrivateDnsEnabled: false
            """.Replace("\r\n", "\n"), yaml);

        // A role for Session Manager alone has the managed policy and no inline policy.
        Assert.Contains("""
                  ManagedPolicyArns:
                    - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore
                  Tags:
            """.Replace("\r\n", "\n"), yaml);
        Assert.DoesNotContain("Policies:", yaml);
    }

    [Fact]
    public void Write_JoinOfPieces_IsJoinWithAnEmptyDelimiter_AndReadsBackAsTheText()
    {
        var t = new TemplateBuilder("joined");
        t.Vpc("Net", "10.0.0.0/16");
        t.Output("Named", t.Join("${Net} is $", "{Net}"));
        t.Tags("Net", [t.Tag("Note", t.Join("$", "{Net}")), t.Tag("Team", "web")]);
        var yaml = TemplateWriter.Write(t.Template);
        Assert.Contains("""
                Value: !Join
                  - ''
                  - - ${Net} is $
                    - '{Net}'
            """.Replace("\r\n", "\n"), yaml);
        Assert.Contains("""
                  Tags:
                    - Key: Note
                      Value: !Join
                        - ''
                        - - $
                          - '{Net}'
                    - Key: Team
                      Value: web
            """.Replace("\r\n", "\n"), yaml);
        var value = (YamlDotNet.RepresentationModel.YamlSequenceNode)TemplateYaml.Parse(yaml).Map("Outputs").Map("Named").Get("Value")!;
        Assert.Equal("!Join", value.Tag.Value);
        Assert.Equal("${Net} is ${Net}", string.Concat(((YamlDotNet.RepresentationModel.YamlSequenceNode)value.Children[1]).Children.Select(c => c.ToString())));
    }

    [Fact]
    public void Write_Twice_GivesTheSameBytes() => Assert.Equal(TemplateWriter.Write(Small()), TemplateWriter.Write(Small()));

    [Fact]
    public void Write_UsesLfAndTheConventionalSectionOrder()
    {
        var yaml = TemplateWriter.Write(Small());
        Assert.DoesNotContain("\r", yaml);
        var sections = yaml.Split('\n').Where(l => l.Length > 0 && l[0] != ' ').Select(l => l.Split(':')[0]).ToArray();
        Assert.Equal(["AWSTemplateFormatVersion", "Description", "Parameters", "Resources", "Outputs"], sections);
        Assert.StartsWith("AWSTemplateFormatVersion: '2010-09-09'\n", yaml);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("on")]
    [InlineData("OFF")]
    [InlineData("y")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("0")]
    [InlineData("007")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData("2010-09-09")]
    [InlineData("10.0.1.10")]
    [InlineData("1:20")]
    [InlineData(".inf")]
    [InlineData("")]
    public void NeedsQuotes_WhatYaml11WouldReadAsSomethingElse(string text) => Assert.True(TemplateWriter.NeedsQuotes(text));

    [Theory]
    [InlineData("10.0.0.0/16")]
    [InlineData("t3.micro")]
    [InlineData("ami-0123456789abcdef0")]
    [InlineData("AWS::EC2::VPC")]
    [InlineData("yesterday")]
    [InlineData("vpc")]
    public void NeedsQuotes_NotForPlainText(string text) => Assert.False(TemplateWriter.NeedsQuotes(text));

    [Fact]
    public void Template_RejectsADuplicateLogicalId_WithTheAnalyzersId()
    {
        var template = new Template("t");
        template.Add(new Parameter("Net"));
        var error = Assert.Throws<TopologyException>(() => template.Add(new Vpc("Net") { CidrBlock = "10.0.0.0/16" }));
        Assert.Equal("TDSL210", error.Id);
    }

    [Fact]
    public void Resource_RejectsAnInvalidLogicalId_WithTheAnalyzersId()
    {
        Assert.Equal("TDSL301", Assert.Throws<TopologyException>(() => new Vpc("Main_Net") { CidrBlock = "10.0.0.0/16" }).Id);
        Assert.Equal("TDSL301", Assert.Throws<TopologyException>(() => new Parameter(new string('a', 256))).Id);
    }

    [Fact]
    public void Template_EnforcesTheResourceQuota()
    {
        var template = new Template("t");
        for (var i = 0; i < Template.MaxResources; i++)
        {
            template.Add(new InternetGateway("G" + i));
        }

        Assert.Equal("TDSL302", Assert.Throws<TopologyException>(() => template.Add(new InternetGateway("OneTooMany"))).Id);
    }

    [Fact]
    public void Policies_DefaultToKeepingData_AndTakeOnlyWhatCloudFormationAccepts()
    {
        Assert.Equal(("Retain", "Retain"), (new Secret("S").DeletionPolicy, new Secret("S").UpdateReplacePolicy));
        Assert.Equal(("Retain", "Retain"), (new LogGroup("L").DeletionPolicy, new LogGroup("L").UpdateReplacePolicy));
        var volume = new Volume("V") { AvailabilityZone = Fn.Zone(0), Size = 20 };
        Assert.Equal(("Snapshot", "Snapshot"), (volume.DeletionPolicy, volume.UpdateReplacePolicy));
        Assert.Null(new Vpc("N") { CidrBlock = "10.0.0.0/16" }.DeletionPolicy);

        volume.DeletionPolicy = "RetainExceptOnCreate";
        volume.UpdateReplacePolicy = "Delete";
        Assert.Equal(("RetainExceptOnCreate", "Delete"), (volume.DeletionPolicy, volume.UpdateReplacePolicy));
        var yaml = TemplateWriter.Write(new Template("t").Add(volume));
        Assert.Contains("  V:\n    Type: AWS::EC2::Volume\n    DeletionPolicy: RetainExceptOnCreate\n    UpdateReplacePolicy: Delete\n    Properties:\n", yaml);

        var secret = new Secret("S");
        var snapshot = Assert.Throws<TopologyException>(() => secret.DeletionPolicy = "Snapshot");
        Assert.Equal("TDSL335", snapshot.Id);
        Assert.StartsWith("TDSL335: DeletionPolicy 'Snapshot' is not valid for 'S' (AWS::SecretsManager::Secret): only ", snapshot.Message);
        Assert.Equal("TDSL335", Assert.Throws<TopologyException>(() => secret.UpdateReplacePolicy = "RetainExceptOnCreate").Id);
        Assert.Equal("TDSL335", Assert.Throws<TopologyException>(() => secret.DeletionPolicy = "Keep").Id);
        Assert.Equal("Retain", secret.DeletionPolicy);
    }
}

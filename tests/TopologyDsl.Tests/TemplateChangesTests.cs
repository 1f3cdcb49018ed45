using System.Linq;
using TopologyDsl.CloudFormation.Changes;

namespace TopologyDsl.Tests;

/// <summary>Decisions of the change report on small templates: SSM parameters, policies, removals.</summary>
public class TemplateChangesTests
{
    private const string Template = """
        Parameters:
          Ami:
            Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
            Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
        Resources:
          Web:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: web
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: 0.0.0.0/0
                  Description: HTTPS
          Server:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: !Ref Ami
              SubnetId: subnet-1
          Logs:
            Type: AWS::Logs::LogGroup
            DeletionPolicy: Retain
        """;

    [Fact]
    public void AnyUpdate_MayReplaceAnInstanceWhoseImageIsAnSsmParameter()
    {
        var changes = TemplateChanges.Compare("s", Template, Template.Replace("Description: HTTPS", "Description: TLS"));
        var server = Assert.Single(changes.Resources, r => r.LogicalId == "Server");
        Assert.Equal(ResourceAction.MayReplace, server.Action);
        Assert.Equal("its root volume is deleted", server.DataLoss);
        var change = Assert.Single(server.Changes);
        Assert.Equal("Properties.ImageId", change.Path);
        Assert.StartsWith("reads SSM parameter Ami, which CloudFormation resolves again on every update", change.Reason);
        Assert.Equal(ResourceAction.Update, changes.Resources.Single(r => r.LogicalId == "Web").Action);
    }

    /// <summary>An endpoint's service and VPC are create-only (the schema says so); its subnets, groups and route tables change in place.</summary>
    [Fact]
    public void VpcEndpoint_NewServiceReplaces_NewSubnetUpdates()
    {
        var t = new TopologyDsl.CloudFormation.TemplateBuilder("s");
        t.Vpc("Net", "10.0.0.0/16");
        t.Subnet("A", "Net", "10.0.1.0/24", 0);
        t.Subnet("B", "Net", "10.0.2.0/24", 1);
        t.InterfaceEndpoint("Api", "Net", "ssm", ["A"]);
        var before = TopologyDsl.CloudFormation.TemplateWriter.Write(t.Template);
        var service = TemplateChanges.Compare("s", before, before.Replace("${AWS::Region}.ssm", "${AWS::Region}.ssmmessages")).Resources.Single();
        Assert.Equal(("Api", ResourceAction.Replace), (service.LogicalId, service.Action));
        Assert.Equal("Properties.ServiceName", Assert.Single(service.Changes).Path);
        var subnets = TemplateChanges.Compare("s", before, before.Replace("      SubnetIds:\n        - !Ref A\n", "      SubnetIds:\n        - !Ref A\n        - !Ref B\n")).Resources.Single();
        Assert.Equal(("Api", ResourceAction.Update), (subnets.LogicalId, subnets.Action));
    }

    /// <summary>
    /// A subnet moved to another zone is replaced; with its block unchanged the new subnet overlaps the
    /// old one, which CloudFormation deletes only after it created the new one: the update fails.
    /// </summary>
    [Fact]
    public void SubnetReplacedWithItsBlock_Fails_WithANewBlockOrInANewVpc_DoesNot()
    {
        var t = new TopologyDsl.CloudFormation.TemplateBuilder("s");
        t.Vpc("Net", "10.0.0.0/16");
        t.Subnet("A", "Net", "10.0.1.0/24", 0);
        var before = TopologyDsl.CloudFormation.TemplateWriter.Write(t.Template);

        var moved = TemplateChanges.Compare("s", before, before.Replace("!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']")).Resources.Single();
        Assert.Equal(("A", ResourceAction.Replace), (moved.LogicalId, moved.Action));
        Assert.Equal("the update fails: CloudFormation creates the replacement before it deletes the old subnet, which still holds 10.0.1.0/24 in the same VPC; "
            + "give the replacement another block (or remove the subnet in one deploy and add it back in the next)", moved.Warning);

        var renumbered = TemplateChanges.Compare("s", before, before.Replace("!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']").Replace("10.0.1.0/24", "10.0.3.0/24")).Resources.Single();
        Assert.Equal(ResourceAction.Replace, renumbered.Action);
        Assert.Null(renumbered.Warning);

        var newVpc = TemplateChanges.Compare("s", before, before.Replace("10.0.0.0/16", "10.1.0.0/16").Replace("10.0.1.0/24", "10.1.1.0/24").Replace("!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']"))
            .Resources.Single(r => r.LogicalId == "A");
        Assert.Null(newVpc.Warning);
    }

    [Fact]
    public void NoChange_NoSsmNote()
    {
        Assert.True(TemplateChanges.Compare("s", Template, Template).IsEmpty);
    }

    [Fact]
    public void RemovedLogGroupWithRetain_IsNoDataLoss_WithoutIt_Is()
    {
        var removed = Template[..Template.IndexOf("  Logs:", System.StringComparison.Ordinal)];
        Assert.Null(TemplateChanges.Compare("s", Template, removed).Resources.Single(r => r.LogicalId == "Logs").DataLoss);
        var unprotected = Template.Replace("    DeletionPolicy: Retain", "");
        Assert.Equal("its log events are deleted", TemplateChanges.Compare("s", unprotected, removed).Resources.Single(r => r.LogicalId == "Logs").DataLoss);
    }

    [Fact]
    public void BlockDeviceMapping_DeleteOnTerminationUpdates_OtherwiseReplaces()
    {
        const string instance = """
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-0123456789abcdef0
                  BlockDeviceMappings:
                    - DeviceName: /dev/xvda
                      Ebs:
                        VolumeSize: 8
                        DeleteOnTermination: true
            """;
        Assert.Equal(ResourceAction.Update, TemplateChanges.Compare("s", instance, instance.Replace("DeleteOnTermination: true", "DeleteOnTermination: false")).Resources.Single().Action);
        var resized = TemplateChanges.Compare("s", instance, instance.Replace("VolumeSize: 8", "VolumeSize: 16")).Resources.Single();
        Assert.Equal(ResourceAction.Replace, resized.Action);
        Assert.Equal("Properties.BlockDeviceMappings[0].Ebs.VolumeSize", resized.Changes.Single().Path);
    }
}

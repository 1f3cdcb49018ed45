using System.IO;
using System.Linq;
using Examples.WordPress;
using TopologyDsl.Cli;
using TopologyDsl.CloudFormation;
using TopologyDsl.Testing;

namespace TopologyDsl.Tests;

/// <summary>The reference topology: its template, reviewed as a snapshot, and the committed copy kept current.</summary>
public class WordPressExampleTests
{
    [Fact]
    public void Template_MatchesSnapshot() => Snapshot.Verify(TemplateWriter.Write(WordPressStack.BuildTemplate()), "yaml");

    [Fact]
    public void Overview_MatchesSnapshot() => Snapshot.Verify(WordPressStack.BuildTemplate().Overview!, "md");

    [Fact]
    public void CommittedTemplate_IsUpToDate()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = SynthCommand.Run(["synth", "--check"], [WordPressStack.BuildTemplate()], output, errors, Repo.PathOf("examples", "WordPress", "templates"));
        Assert.True(exit == 0, "examples/WordPress/templates/wordpress.yaml or wordpress.md is stale; run 'dotnet run --project examples/WordPress -- synth' and commit it.\n" + errors);
    }

    [Fact]
    public void Template_HasTheBooksTopology()
    {
        var template = WordPressStack.BuildTemplate();
        Assert.Equal(["KeyName", "ImageId", "InstanceType", "AdminCidr"], template.Parameters.Select(p => p.Name));
        Assert.Equal(
            [
                "Network", "NetworkFlowLogGroup", "NetworkFlowLogRole", "NetworkFlowLog",
                "PublicSubnet", "PrivateSubnet", "Gateway", "GatewayAttachment", "NatEip", "Nat",
                "PublicRoutes", "PublicRoutesToGateway", "PublicRoutesPublicSubnetAssociation",
                "PrivateRoutes", "PrivateRoutesToNat", "PrivateRoutesPrivateSubnetAssociation",
                "WebAccess", "WebAccessToDbAccessTcp3306", "WebAccessToDbAccessTcp22",
                "DbAccess", "DbAccessFromWebAccessTcp3306", "DbAccessFromWebAccessTcp22",
                "DbPassword", "WebServerRole", "WebServerProfile", "WebServer", "DbServerRole", "DbServerProfile", "DbServer",
            ],
            template.Resources.Select(r => r.LogicalId));
        Assert.Equal(["NatElasticIp", "WebServerPublicIp", "DbServerSshCommand", "SiteUrl"], template.Outputs.Select(o => o.Name));
        Assert.Equal("ssh -J ec2-user@${WebServer.PublicIp} ec2-user@${DbServer.PrivateIp}",
            ((StringValue)((IntrinsicValue)template.Outputs.Single(o => o.Name == "DbServerSshCommand").Value).Argument).Text);
    }

    [Fact]
    public void DatabasePassword_NeverAppearsInTheTemplate_OnlyTheSecretsArn()
    {
        var yaml = TemplateWriter.Write(WordPressStack.BuildTemplate());
        Assert.DoesNotContain("NoEcho", yaml);
        Assert.Contains("--secret-id '${DbPassword}'", yaml);
        Assert.DoesNotContain("-euxo", yaml);
        Assert.Contains("set -euo pipefail", yaml);
    }

    [Fact]
    public void Template_FitsInlineDeployment() =>
        Assert.True(TemplateWriter.ByteCount(TemplateWriter.Write(WordPressStack.BuildTemplate())) < Template.MaxInlineBytes);
}

using System.IO;
using System.Linq;
using Examples.ThreeTier;
using TopologyDsl.Cli;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;
using TopologyDsl.Testing;
using TopologyDsl.Tests.Infrastructure;

namespace TopologyDsl.Tests;

/// <summary>The three-tier example: Session Manager on every server, VPC endpoints for the private tiers, no SSH and no NAT gateway.</summary>
public class ThreeTierExampleTests
{
    [Fact]
    public void Template_MatchesSnapshot() => Snapshot.Verify(TemplateWriter.Write(ThreeTierStack.BuildTemplate()), "yaml");

    [Fact]
    public void Overview_MatchesSnapshot() => Snapshot.Verify(ThreeTierStack.BuildTemplate().Overview!, "md");

    [Fact]
    public void CommittedTemplate_IsUpToDate()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = SynthCommand.Run(["synth", "--check"], [ThreeTierStack.BuildTemplate()], output, errors, Repo.PathOf("examples", "ThreeTier", "templates"));
        Assert.True(exit == 0, "examples/ThreeTier/templates is stale; run 'dotnet run --project examples/ThreeTier -- synth' and commit it.\n" + errors);
    }

    [Fact]
    public void EveryServer_HasOneRoleWithSessionManager_MergedWithItsSecret()
    {
        var template = ThreeTierStack.BuildTemplate();
        var instances = template.Resources.OfType<Instance>().ToList();
        Assert.Equal(["WebA", "WebB", "AppA", "AppB", "Db"], instances.Select(i => i.LogicalId));
        foreach (var instance in instances)
        {
            var role = template.Resources.OfType<InstanceRole>().Single(r => r.LogicalId == instance.LogicalId + "Role");
            Assert.True(role.SessionManager);
            Assert.Equal(instance.LogicalId.StartsWith("Web", System.StringComparison.Ordinal) ? [] : ["DbPassword"], role.Secrets);
            Assert.Null(instance.KeyName);
        }

        var yaml = TemplateWriter.Write(template);
        Assert.Contains("      ManagedPolicyArns:\n        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore\n", yaml);
        Assert.Equal(5, template.Resources.OfType<InstanceProfile>().Count());
    }

    [Fact]
    public void EveryServer_HasItsSessionCommand_AndNoSecurityGroupOpensSsh()
    {
        var template = ThreeTierStack.BuildTemplate();
        var commands = template.Outputs.Where(o => o.Name.EndsWith("SessionCommand", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(["WebASessionCommand", "WebBSessionCommand", "AppASessionCommand", "AppBSessionCommand", "DbSessionCommand"], commands.Select(o => o.Name));
        Assert.Contains("Value: !Sub aws ssm start-session --region ${AWS::Region} --target ${AppA}\n", TemplateWriter.Write(template));
        Assert.DoesNotContain(template.Resources.OfType<SecurityGroup>().SelectMany(g => g.Ingress), r => r.FromPort <= 22 && 22 <= r.ToPort);
        Assert.DoesNotContain(template.Resources.OfType<SecurityGroupIngress>(), r => r.FromPort <= 22 && 22 <= r.ToPort);
    }

    [Fact]
    public void Endpoints_NameTheirServiceForTheStacksRegion_AndThePrivateTiersHaveNoRouteOut()
    {
        var template = ThreeTierStack.BuildTemplate();
        var yaml = TemplateWriter.Write(template);
        var endpoints = template.Resources.OfType<VpcEndpoint>().ToList();
        Assert.Equal([("S3Endpoint", "Gateway"), ("SsmEndpoint", "Interface"), ("SsmMessagesEndpoint", "Interface"), ("Ec2MessagesEndpoint", "Interface"), ("SecretsEndpoint", "Interface")],
            endpoints.Select(e => (e.LogicalId, e.VpcEndpointType)));
        foreach (var service in new[] { "s3", "ssm", "ssmmessages", "ec2messages", "secretsmanager" })
        {
            Assert.Contains("      ServiceName: !Sub com.amazonaws.${AWS::Region}." + service + "\n", yaml);
        }

        Assert.Empty(template.Resources.OfType<NatGateway>());
        Assert.Equal(["PublicRoutesToIgw", "PublicRoutesToIgwIpv6"], template.Resources.OfType<Route>().Select(r => r.LogicalId));

        // The private servers boot once the endpoints their scripts use exist.
        Assert.Contains("S3Endpoint", template.Resources.OfType<Instance>().Single(i => i.LogicalId == "Db").DependsOn);
        Assert.Contains("SecretsEndpoint", template.Resources.OfType<Instance>().Single(i => i.LogicalId == "AppA").DependsOn);
    }

    [Fact]
    public void DatabaseTier_IsBehindItsNetworkAcl_AndThePublicTierIsDualStack()
    {
        var template = ThreeTierStack.BuildTemplate();
        Assert.Equal(["DbAclIn100", "DbAclIn110", "DbAclOut100", "DbAclOut110"], template.Resources.OfType<NetworkAclEntry>().Select(e => e.LogicalId));
        Assert.Equal(["DbAclDbSubnetAAssociation", "DbAclDbSubnetBAssociation"], template.Resources.OfType<SubnetNetworkAclAssociation>().Select(a => a.LogicalId));

        // The database server boots once its subnet sits behind the ACL with all its rules.
        Assert.Contains("DbAclDbSubnetAAssociation", template.Resources.OfType<Instance>().Single(i => i.LogicalId == "Db").DependsOn);

        // Only the public subnets take a /64 of the VPC's block, and only after the block is associated.
        var subnets = template.Resources.OfType<Subnet>().ToDictionary(s => s.LogicalId);
        Assert.Equal(["PublicSubnetA", "PublicSubnetB"], subnets.Values.Where(s => s.Ipv6CidrBlock is not null).Select(s => s.LogicalId));
        Assert.All(subnets.Values.Where(s => s.Ipv6CidrBlock is not null), s => Assert.Equal(["NetworkIpv6"], s.DependsOn));
        Assert.Single(template.Resources.OfType<VpcCidrBlock>(), b => b.AmazonProvidedIpv6CidrBlock);
    }

    [SkippableTheory]
    [InlineData("web.sh")]
    [InlineData("app.sh")]
    [InlineData("db.sh")]
    public void BootScript_IsShellcheckClean_AsWrittenAndAsRendered(string name)
    {
        var shellcheck = Tool.Find("shellcheck");
        Skip.If(shellcheck is null, "shellcheck is not installed (Debian package shellcheck)");
        var script = File.ReadAllText(Repo.PathOf("examples", "ThreeTier", "userdata", name));
        var file = Path.Combine(Path.GetTempPath(), "topologydsl-three-tier-" + System.Guid.NewGuid().ToString("N") + ".sh");
        try
        {
            foreach (var (what, text) in new[] { ("as written", script), ("as CloudFormation renders it", BootScriptTests.Render(script)) })
            {
                File.WriteAllText(file, text);
                var result = Tool.Run(shellcheck, ["--shell=bash", "--severity=style", file]);
                Assert.True(result.Exit == 0, $"shellcheck on {name} {what}:\n{result}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}

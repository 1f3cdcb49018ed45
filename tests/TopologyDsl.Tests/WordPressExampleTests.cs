using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TopologyDsl.Tests.Infrastructure;
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
        Assert.Equal(["KeyName", "ImageId", "InstanceType", "AdminCidr", "AdminUser", "AdminEmail"], template.Parameters.Select(p => p.Name));
        Assert.Equal(
            [
                "Network", "NetworkFlowLogGroup", "NetworkFlowLogRole", "NetworkFlowLog",
                "PublicSubnet", "PrivateSubnet", "Gateway", "GatewayAttachment", "NatEip", "Nat",
                "PublicRoutes", "PublicRoutesToGateway", "PublicRoutesPublicSubnetAssociation",
                "PrivateRoutes", "PrivateRoutesToNat", "PrivateRoutesPrivateSubnetAssociation",
                "WebAccess", "WebAccessToDbAccessTcp3306", "WebAccessToDbAccessTcp22",
                "DbAccess", "DbAccessFromWebAccessTcp3306", "DbAccessFromWebAccessTcp22",
                "DbPassword", "AdminPassword", "WebServerRole", "WebServerProfile", "WebServerEip", "WebServer", "WebServerEipAssociation",
                "DbServerRole", "DbServerProfile", "DbServer", "DbData",
            ],
            template.Resources.Select(r => r.LogicalId));
        Assert.Equal(["NatElasticIp", "WebServerPublicIp", "DbServerSshCommand", "SiteUrl", "AdminPasswordCommand"], template.Outputs.Select(o => o.Name));

        // The web server's public address is its Elastic IP everywhere: the outputs and its own boot script.
        string Sub(string output) => ((StringValue)((IntrinsicValue)template.Outputs.Single(o => o.Name == output).Value).Argument).Text;
        Assert.Equal("ssh -J ec2-user@${WebServerEip} ec2-user@${DbServer.PrivateIp}", Sub("DbServerSshCommand"));
        Assert.Equal("http://${WebServerEip}/", Sub("SiteUrl"));
        Assert.Equal("!Ref WebServerEip", Show(template.Outputs.Single(o => o.Name == "WebServerPublicIp").Value));
        Assert.Contains("SITE_URL='http://${WebServerEip}'", TemplateWriter.Write(template));
    }

    private static string Show(Value value) => value is IntrinsicValue { Name: "Ref", Argument: StringValue name } ? "!Ref " + name.Text : value.ToString()!;

    [Fact]
    public void StatefulResources_KeepTheirData()
    {
        // Secrets and the flow log group are retained, the data volume leaves a snapshot, both on
        // removal and on replacement (cfn-lint's I3011 asks for both to be explicit); the rest is deleted.
        var template = WordPressStack.BuildTemplate();
        var policies = template.Resources.Where(r => r.DeletionPolicy is not null || r.UpdateReplacePolicy is not null)
            .Select(r => $"{r.LogicalId} {r.DeletionPolicy}/{r.UpdateReplacePolicy}");
        Assert.Equal(["NetworkFlowLogGroup Retain/Retain", "DbPassword Retain/Retain", "AdminPassword Retain/Retain", "DbData Snapshot/Snapshot"], policies);

        // The data volume: encrypted gp3 in the DB server's subnet's zone, attached at launch as /dev/sdf.
        var volume = Assert.IsType<TopologyDsl.Resources.Volume>(template.Resources.Single(r => r.LogicalId == "DbData"));
        var subnet = Assert.IsType<TopologyDsl.Resources.Subnet>(template.Resources.Single(r => r.LogicalId == "PrivateSubnet"));
        Assert.Equal((20, "gp3", true), (volume.Size, volume.VolumeType, volume.Encrypted));
        static string Zone(Value? zone) => zone is IntrinsicValue { Name: "Select", Argument: ListValue { Items: [var index, IntrinsicValue { Name: "GetAZs" }] } }
            ? index.ToString()! : "not a zone index";
        Assert.Equal(("0", "0"), (Zone(subnet.AvailabilityZone), Zone(volume.AvailabilityZone)));
        var db = Assert.IsType<TopologyDsl.Resources.Instance>(template.Resources.Single(r => r.LogicalId == "DbServer"));
        Assert.Equal("/dev/sdf DbData", string.Join(", ", db.Volumes.Select(v => v.Device + " " + ((StringValue)((IntrinsicValue)v.VolumeId).Argument).Text)));
    }

    [Fact]
    public void DatabasePassword_NeverAppearsInTheTemplate_OnlyTheSecretsArn()
    {
        var yaml = TemplateWriter.Write(WordPressStack.BuildTemplate());
        Assert.DoesNotContain("NoEcho", yaml);
        Assert.Contains("secret '${DbPassword}'", yaml);
        Assert.Contains("secret '${AdminPassword}'", yaml);
        Assert.DoesNotContain("-euxo", yaml);
        Assert.Contains("set -euo pipefail", yaml);
    }

    [Fact]
    public void AdminPassword_OutputSaysWhereItIs()
    {
        var output = WordPressStack.BuildTemplate().Outputs.Single(o => o.Name == "AdminPasswordCommand");
        var sub = Assert.IsType<IntrinsicValue>(output.Value);
        Assert.Equal("Sub", sub.Name);
        Assert.Equal("aws secretsmanager get-secret-value --region ${AWS::Region} --secret-id ${AdminPassword} --query SecretString --output text",
            ((StringValue)sub.Argument).Text);
    }

    [Fact]
    public void Servers_WaitForTheirSignal_AndTheWebServerForTheDbServer()
    {
        var yaml = TemplateYaml.Parse(TemplateWriter.Write(WordPressStack.BuildTemplate())).Map("Resources");
        foreach (var server in new[] { "WebServer", "DbServer" })
        {
            var signal = yaml.Map(server).Map("CreationPolicy").Map("ResourceSignal");
            Assert.Equal("1", signal.Get("Count")!.ToString());
            Assert.Equal("PT15M", signal.Get("Timeout")!.ToString());
        }

        // CloudFormation orders by references: the web server's script names the DB server (so it is
        // created after the DB server's signal), and the DB server's script must not name the web
        // server, or each would wait for the other.
        var web = File.ReadAllText(Repo.PathOf("examples", "WordPress", "userdata", "web.sh"));
        var db = File.ReadAllText(Repo.PathOf("examples", "WordPress", "userdata", "db.sh"));
        Assert.Contains("${DbServer.PrivateIp}", web);
        Assert.DoesNotContain("${WebServer", db);
        Assert.DoesNotContain("${DbServer", db);
    }

    [Fact]
    public void DbServer_GrantsTheWebServersOwnAddress()
    {
        var db = File.ReadAllText(Repo.PathOf("examples", "WordPress", "userdata", "db.sh"));
        var web = WordPressStack.BuildTemplate().Resources.OfType<TopologyDsl.Resources.Instance>().Single(i => i.LogicalId == "WebServer");
        var address = ((StringValue)web.PrivateIpAddress!).Text;
        Assert.Contains("readonly WEB_SERVER_IP=" + address + "\n", db);
        Assert.Contains("'wordpress'@'$WEB_SERVER_IP'", db);
        Assert.DoesNotContain("%'", db);
    }

    [Theory]
    [InlineData("203.0.113.7/32")]
    [InlineData("10.0.0.0/8")]
    [InlineData("192.168.1.0/24")]
    [InlineData("255.255.255.255/32")]
    [InlineData("0.0.0.0/1")]
    [InlineData("100.64.0.0/10")]
    [InlineData("1.2.3.4/9")]
    [InlineData("249.250.199.0/20")]
    public void AdminCidrPattern_AcceptsIpv4Blocks(string value) =>
        Assert.True(MatchesWhole(WordPressStack.AdminCidrPattern, value));

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("203.0.113.7/0")]
    [InlineData("999.999.999.999/99")]
    [InlineData("203.0.113.7/33")]
    [InlineData("256.0.0.0/8")]
    [InlineData("10.0.0/8")]
    [InlineData("10.0.0.0.0/8")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/")]
    [InlineData("010.0.0.0/8")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0.0/8 ")]
    [InlineData(" 10.0.0.0/8")]
    [InlineData("10.0.0.0/8\n")]
    [InlineData("١٠.0.0.0/8")]
    [InlineData("::/0")]
    [InlineData("10.0.0.0/-1")]
    public void AdminCidrPattern_RejectsTheRest(string value) =>
        Assert.False(MatchesWhole(WordPressStack.AdminCidrPattern, value));

    /// <summary>
    /// CloudFormation matches AllowedPattern against the whole value (Java's Matcher.matches), where a
    /// final line break is not consumed by '$'; .NET's IsMatch would accept one, hence the \z.
    /// </summary>
    private static bool MatchesWhole(string pattern, string value) =>
        Regex.IsMatch(value, "^(?:" + pattern + ")\\z", RegexOptions.CultureInvariant);

    [Fact]
    public void AdminCidrPattern_KeepsToWhatJavaAndDotNetReadAlike()
    {
        // CloudFormation checks AllowedPattern with Java's regex engine: no \d (Unicode digits in .NET),
        // no lookaround, no named groups, no inline options.
        foreach (var construct in new[] { "\\d", "(?", "\\p", "\\w" })
        {
            Assert.DoesNotContain(construct, WordPressStack.AdminCidrPattern);
        }
    }

    [Theory]
    [InlineData("owner", true)]
    [InlineData("site.owner-2_b", true)]
    [InlineData("ab", false)]
    [InlineData("2fast", false)]
    [InlineData("o'brien", false)]
    [InlineData("me$(reboot)", false)]
    [InlineData("a b c", false)]
    [InlineData("back\\slash", false)]
    [InlineData("line\nbreak", false)]
    public void AdminUserPattern_AdmitsNothingShellReads(string value, bool accepted) =>
        Assert.Equal(accepted, MatchesWhole(WordPressStack.AdminUserPattern, value));

    [Theory]
    [InlineData("owner@example.com", true)]
    [InlineData("first.last+wp@mail.example.co.jp", true)]
    [InlineData("owner@localhost", false)]
    [InlineData("o'wner@example.com", false)]
    [InlineData("owner@example.com'; reboot; '", false)]
    [InlineData("$USER@example.com", false)]
    [InlineData("owner @example.com", false)]
    [InlineData("owner@example.com\n", false)]
    public void AdminEmailPattern_AdmitsNothingShellReads(string value, bool accepted) =>
        Assert.Equal(accepted, MatchesWhole(WordPressStack.AdminEmailPattern, value));

    [Fact]
    public void Template_FitsInlineDeployment() =>
        Assert.True(TemplateWriter.ByteCount(TemplateWriter.Write(WordPressStack.BuildTemplate())) < Template.MaxInlineBytes);
}

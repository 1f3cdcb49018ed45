using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using TopologyDsl.Cli;
using TopologyDsl.CloudFormation;
using TopologyDsl.CloudFormation.Changes;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Testing;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The change report on real edits of the WordPress example: each edit is applied to
/// examples/WordPress/WordPressStack.cs (or a boot script), compiled with the generator, and the
/// stack's BuildTemplate() compared with the committed template, exactly as <c>synth</c> does.
/// </summary>
public class ChangeReportTests
{
    /// <summary>The edits: a name, then pairs of (text in the example, its replacement); a file name prefix edits a boot script.</summary>
    private static readonly Dictionary<string, (string Old, string New)[]> EditTable = new()
    {
        // A subnet's block, and the DB server's address with it (it must stay inside).
        ["SubnetCidr"] = [("[Subnet<Network>(\"10.0.2.0/24\"", "[Subnet<Network>(\"10.0.3.0/24\""), ("\"10.0.2.10\"", "\"10.0.3.10\"")],
        ["PrivateIp"] = [("\"10.0.2.10\"", "\"10.0.2.20\"")],
        // Back from the pinned image to the SSM parameter, which CloudFormation resolves on every update.
        ["ImageParameter"] = [("Type = ParameterTypes.ImageId,", "Type = ParameterTypes.ImageIdFromSsm, Default = \"/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64\",")],
        ["UserData"] = [("db.sh:mariadb105-server", "mariadb1011-server")],
        ["SecurityGroupRule"] = [("[Ingress(Tcp, 80, \"0.0.0.0/0\", Description = \"HTTP\")]", "[Ingress(Tcp, 80, \"0.0.0.0/0\", Description = \"HTTP\")]\n    [Ingress(Tcp, 443, \"0.0.0.0/0\", Description = \"HTTPS\")]")],
        ["SecurityGroupRuleDescription"] = [("Description = \"MariaDB from the web server\"", "Description = \"MariaDB (WordPress) from the web server\"")],
        ["GroupToGroupRulePort"] = [("[IngressFrom<WebAccess>(Tcp, 3306", "[IngressFrom<WebAccess>(Tcp, 3307"), ("[EgressTo<DbAccess>(Tcp, 3306", "[EgressTo<DbAccess>(Tcp, 3307"), ("DbServer>(Tcp, 3306)]", "DbServer>(Tcp, 3307)]")],
        ["SecurityGroupDescription"] = [("\"DB server: MariaDB and SSH from the web server only\"", "\"DB server: MariaDB and SSH from the web tier only\"")],
        ["InstanceType"] = [("InstanceType = nameof(InstanceType), KeyName = nameof(KeyName))]\n    [Uses<DbAccess>", "InstanceType = \"t3.small\", KeyName = nameof(KeyName))]\n    [Uses<DbAccess>")],
        // The DSL writes one tag, Name, which is the record's name: renaming the record renames the resource.
        ["NameTag"] = [("PrivateRoutes", "DbRoutes")],
        ["FlowLogsOff"] = [("[Vpc(\"10.0.0.0/16\", FlowLogs = true)]", "[Vpc(\"10.0.0.0/16\")]")],
        // The web server's type: a stop and start, which keeps its Elastic IP.
        ["WebServerInstanceType"] = [("InstanceType = nameof(InstanceType), KeyName = nameof(KeyName))]\n    [Uses<WebAccess>", "InstanceType = \"t3.small\", KeyName = nameof(KeyName))]\n    [Uses<WebAccess>")],
        // Let EC2 assign the DB server's address: the instance is replaced; its data volume stays, but blocks the replacement.
        ["AssignedAddress"] = [("[Instance<PrivateSubnet>(\"10.0.2.10\", ", "[Instance<PrivateSubnet>(")],
        ["DataVolumeSize"] = [("[DataVolume<DbServer>(\"/dev/sdf\", 20)]", "[DataVolume<DbServer>(\"/dev/sdf\", 40)]")],
        // A tag on the data volume: tags update in place, and the data stays.
        ["DataVolumeTag"] = [("[DataVolume<DbServer>(\"/dev/sdf\", 20)]", "[DataVolume<DbServer>(\"/dev/sdf\", 20), Tag(\"Backup\", \"daily\")]")],
        // The DB server's subnet in another zone: the subnet, the server and its data volume are replaced; the volume leaves a snapshot.
        ["SubnetZone"] = [("[Subnet<Network>(\"10.0.2.0/24\", Zone = 0)]", "[Subnet<Network>(\"10.0.2.0/24\", Zone = 1)]")],
        ["DataVolumeRemoved"] = [("    [DataVolume<DbServer>(\"/dev/sdf\", 20)]\n    public partial record DbData;\n", "")],
        ["DataVolumeDeletePolicy"] = [("[DataVolume<DbServer>(\"/dev/sdf\", 20)]", "[DataVolume<DbServer>(\"/dev/sdf\", 20), Policies(DeletionPolicy = RemovalPolicy.Delete, UpdateReplacePolicy = RemovalPolicy.Delete)]")],
        ["SecretDeletePolicy"] = [("[Secret(Description = \"Password of the WordPress database user\")]", "[Secret(Description = \"Password of the WordPress database user\"), Policies(DeletionPolicy = RemovalPolicy.Delete)]")],
        // Back to a plain public IP (web.sh then reads its address from the instance metadata, as before).
        ["ElasticIpOff"] = [("ElasticIp = true, UserData = \"userdata/web.sh\"", "PublicIp = true, UserData = \"userdata/web.sh\""),
            ("web.sh:SITE_URL='http://${WebServer.PublicIp}'", "SITE_URL=\"http://$(imds public-ipv4)\"")],
    };

    public static TheoryData<string> Edits() => [.. EditTable.Keys];

    internal static (string Old, string New)[] EditTableFor(string edit) => EditTable[edit];

    [Theory]
    [MemberData(nameof(Edits))]
    public void Report_OnAnEditOfTheExample(string edit)
    {
        var changes = TemplateChanges.Compare("wordpress", Committed(), Synthesize(EditTable[edit]));
        var text = new StringWriter { NewLine = "\n" };
        ChangeReport.WriteText(text, new ChangeReport.Entry(changes, "templates/wordpress.yaml", "templates/wordpress.yaml"));
        Snapshot.Verify(text.ToString(), "txt", edit);
    }

    [Fact]
    public void Report_AsJson_OnFlowLogsTurnedOff()
    {
        var changes = TemplateChanges.Compare("wordpress", Committed(), Synthesize(EditTable["FlowLogsOff"]));
        var json = ChangeReport.ToJson([new ChangeReport.Entry(changes, "templates/wordpress.yaml", "templates/wordpress.yaml")], FailOn.DataLoss, refused: true);
        Snapshot.Verify(Encoding.UTF8.GetString(json), "json");
    }

    [Fact]
    public void Report_WithoutEdits_IsEmpty()
    {
        var produced = Synthesize([]);
        Assert.Equal(Committed(), produced);
        Assert.True(TemplateChanges.Compare("wordpress", Committed(), produced).IsEmpty);
    }

    private static string Committed() => File.ReadAllText(Repo.PathOf("examples", "WordPress", "templates", "wordpress.yaml")).Replace("\r\n", "\n");

    /// <summary>Compiles the example with the edits applied and returns its template as synth writes it.</summary>
    internal static string Synthesize((string Old, string New)[] edits)
    {
        var (source, files) = EditedExample(edits);
        var run = TestCompilation.RunGenerator(TestCompilation.Create(source), files);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = new AssemblyLoadContext("edited", isCollectible: true);
        try
        {
            image.Position = 0;
            var type = context.LoadFromStream(image).GetType("Examples.WordPress.WordPressStack")!;
            var template = (Template)type.GetMethod("BuildTemplate", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)!.Invoke(null, null)!;
            return TemplateWriter.Write(template);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The example's source and boot scripts with the edits applied; every edit must apply.</summary>
    internal static (string Source, AdditionalText[] Files) EditedExample((string Old, string New)[] edits)
    {
        var folder = Repo.PathOf("examples", "WordPress");
        var source = File.ReadAllText(Path.Combine(folder, "WordPressStack.cs")).Replace("\r\n", "\n");
        var scripts = Directory.GetFiles(Path.Combine(folder, "userdata"), "*.sh").Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f)!, f => File.ReadAllText(f).Replace("\r\n", "\n"));
        foreach (var (old, @new) in edits)
        {
            var colon = old.IndexOf(':');
            if (colon > 0 && scripts.ContainsKey(old[..colon]))
            {
                var name = old[..colon];
                Assert.Contains(old[(colon + 1)..], scripts[name]);
                scripts[name] = scripts[name].Replace(old[(colon + 1)..], @new);
            }
            else
            {
                Assert.Contains(old, source);
                source = source.Replace(old, @new);
            }
        }

        return (source, scripts.Select(s => (AdditionalText)new InMemoryAdditionalText("/example/userdata/" + s.Key, s.Value)).ToArray());
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using TopologyDsl.Cli;
using TopologyDsl.CloudFormation;
using TopologyDsl.CloudFormation.Changes;
using TopologyDsl.Resources;

namespace TopologyDsl.Tests;

/// <summary>
/// The change report of a program of two stacks, prod-net exporting a VPC and a subnet and prod-app
/// importing them: an export that another stack imports cannot be changed or removed (CloudFormation
/// refuses the update), so <c>synth --check</c> says so on the exporting stack's lines.
/// </summary>
public sealed class ImportedExportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "topologydsl-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>prod-net: VPC <paramref name="vpc"/>, subnets AppA and AppB, and the outputs given (name, value, export).</summary>
    private static Template Net(string appACidr = "10.0.1.0/24", string appBCidr = "10.0.2.0/24", string vpc = "Main", params (string Name, string Value, string Export)[] outputs)
    {
        var template = new Template("prod-net");
        template.Add(new Vpc(vpc) { CidrBlock = "10.0.0.0/16" });
        template.Add(new Subnet("AppA") { VpcId = Fn.Ref(vpc), CidrBlock = appACidr });
        template.Add(new Subnet("AppB") { VpcId = Fn.Ref(vpc), CidrBlock = appBCidr });
        foreach (var (name, value, export) in outputs.Length > 0 ? outputs : [("AppAExport", "AppA", "prod-net-AppA"), ("MainExport", "Main", "prod-net-Main")])
        {
            template.Add(new Output(name, Fn.Ref(value), null, export));
        }

        return template;
    }

    /// <summary>prod-app: a subnet in each VPC imported, a security group in each subnet imported (by the names given).</summary>
    private static Template App(string vpcExport = "prod-net-Main", params string[] subnetExports)
    {
        var template = new Template("prod-app");
        template.Add(new Subnet("Extra") { VpcId = Fn.ImportValue(vpcExport), CidrBlock = "10.0.9.0/24" });
        foreach (var (export, i) in (subnetExports.Length > 0 ? subnetExports : ["prod-net-AppA"]).Select((e, i) => (e, i)))
        {
            template.Add(new RouteTable("Routes" + i) { VpcId = Fn.ImportValue(vpcExport) });
            template.Add(new SubnetRouteTableAssociation("Assoc" + i) { SubnetId = Fn.ImportValue(export), RouteTableId = Fn.Ref("Routes" + i) });
        }

        return template;
    }

    /// <summary>Commits <paramref name="committed"/>'s templates, then runs synth with the <paramref name="code"/>'s; standard output and error with the folder as templates/.</summary>
    private (int Exit, string Out, string Err) Run(Template[] committed, Template[] code, params string[] args)
    {
        var folder = Path.Combine(_folder, "templates");
        Directory.CreateDirectory(folder);
        foreach (var template in committed)
        {
            File.WriteAllText(Path.Combine(folder, template.StackName + ".yaml"), TemplateWriter.Write(template));
        }

        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter { NewLine = "\n" };
        var exit = SynthCommand.Run(["synth", .. args], code, output, errors, folder);
        var shown = Path.GetRelativePath(Environment.CurrentDirectory, folder);
        return (exit, output.ToString().Replace(shown, "templates"), errors.ToString().Replace(shown, "templates"));
    }

    private const string Refused = "                WARNING: the update fails: CloudFormation refuses to {0} an export while another stack imports it, and prod-app imports it; deploy prod-app without the import first\n";

    [Fact]
    public void SubnetReplaced_ItsExportedIdChanges_TheUpdateFails()
    {
        var (exit, output, _) = Run([Net(), App()], [Net(appACidr: "10.0.3.0/24"), App()]);
        Assert.Equal(0, exit);
        Assert.Equal(
            "wrote templates/prod-net.yaml (548 bytes, 3 resources)\n"
            + "templates/prod-net.yaml: 1 to replace, 1 imported export changed (the update fails) (against the committed template)\n"
            + "  replace     AppA (AWS::EC2::Subnet)\n"
            + "                Properties.CidrBlock: 10.0.1.0/24 -> 10.0.3.0/24 [replace: create-only]\n"
            + "  export      prod-net-AppA (output AppAExport), imported by prod-app\n"
            + "                Value: !Ref AppA [a new value: refers to AppA, which is replaced]\n"
            + string.Format(Refused, "change")
            + "wrote templates/prod-app.yaml (419 bytes, 3 resources)\n"
            + "deploy order: prod-net, prod-app\n"
            + "  before that: deploy prod-app without its import of prod-net-AppA, which the update changes (CloudFormation refuses it while prod-app imports it)\n",
            output);
    }

    /// <summary>With --base, the importing stack as deployed is the one in the base folder: there it imports prod-net-AppA, in the code no more.</summary>
    [Fact]
    public void Base_TheImportOfTheBaseTemplateCounts()
    {
        var code = new[] { Net(appACidr: "10.0.3.0/24"), App(subnetExports: "prod-net-AppB") };
        var baseFolder = Path.Combine(_folder, "base");
        Directory.CreateDirectory(baseFolder);
        foreach (var template in new[] { Net(), App() })
        {
            File.WriteAllText(Path.Combine(baseFolder, template.StackName + ".yaml"), TemplateWriter.Write(template));
        }

        foreach (var template in code)
        {
            Directory.CreateDirectory(Path.Combine(_folder, "templates"));
            File.WriteAllText(Path.Combine(_folder, "templates", template.StackName + ".md"), template.Overview ?? "");
        }

        var (exit, output, errors) = Run(code, code, "--check", "--base", baseFolder, "--fail-on", "replace");
        Assert.Equal((ChangeReport.Refused, "synth: the changes include replace (--fail-on)\n"), (exit, errors));
        Assert.Contains(
            "  export      prod-net-AppA (output AppAExport), imported by prod-app\n"
            + "                Value: !Ref AppA [a new value: refers to AppA, which is replaced]\n"
            + string.Format(Refused, "change"),
            output);
        Assert.EndsWith(
            "deploy order: prod-net, prod-app\n"
            + "  before that: deploy prod-app without its import of prod-net-AppA, which the update changes (CloudFormation refuses it while prod-app imports it)\n",
            output);
    }

    [Fact]
    public void VpcRenamed_ItsExportIsRemoved_TheUpdateFails()
    {
        var renamed = Net(vpc: "Core", outputs: [("AppAExport", "AppA", "prod-net-AppA"), ("CoreExport", "Core", "prod-net-Core")]);
        var (_, output, _) = Run([Net(), App()], [renamed, App(vpcExport: "prod-net-Core")]);
        Assert.Contains(
            "templates/prod-net.yaml: 1 to add, 1 to remove, 2 to replace, 2 parameters, outputs or template entries changed, 2 imported exports changed (the update fails) (against the committed template)\n"
            + "  add         Core (AWS::EC2::VPC)\n"
            + "  replace     AppA (AWS::EC2::Subnet)\n"
            + "                Properties.VpcId: !Ref Main -> !Ref Core [replace: create-only]\n"
            + "  replace     AppB (AWS::EC2::Subnet)\n"
            + "                Properties.VpcId: !Ref Main -> !Ref Core [replace: create-only]\n"
            + "  remove      Main (AWS::EC2::VPC)\n"
            + "  output      CoreExport added\n"
            + "  output      MainExport removed\n"
            + "  export      prod-net-AppA (output AppAExport), imported by prod-app\n"
            + "                Value: !Ref AppA [a new value: refers to AppA, which is replaced]\n"
            + string.Format(Refused, "change")
            + "  export      prod-net-Main (output MainExport), imported by prod-app\n"
            + "                removed: the new template exports no prod-net-Main\n"
            + string.Format(Refused, "remove")
            + "wrote templates/prod-app.yaml",
            output);
    }

    [Fact]
    public void ExportRenamed_TheUpdateFails()
    {
        var renamed = Net(outputs: [("AppAExport", "AppA", "prod-net-AppA"), ("MainExport", "Main", "prod-net-Vpc")]);
        var (_, output, _) = Run([Net(), App()], [renamed, App(vpcExport: "prod-net-Vpc")]);
        Assert.Contains(
            "templates/prod-net.yaml: 1 parameter, output or template entry changed, 1 imported export changed (the update fails) (against the committed template)\n"
            + "  output      MainExport modified\n"
            + "                Export.Name: prod-net-Main -> prod-net-Vpc\n"
            + "  export      prod-net-Main (output MainExport), imported by prod-app\n"
            + "                Export.Name: prod-net-Main -> prod-net-Vpc\n"
            + string.Format(Refused, "remove")
            + "wrote templates/prod-app.yaml",
            output);
    }

    /// <summary>A value changed in the template alone is only an output's change, unless another stack imports it: then --fail-on replace refuses it, --fail-on data-loss does not.</summary>
    [Theory]
    [InlineData("replace", ChangeReport.Refused)]
    [InlineData("change", ChangeReport.Refused)]
    [InlineData("data-loss", 0)]
    public void ValueChanged_TheUpdateFails_FailOnReplaceRefusesIt(string failOn, int expected)
    {
        var moved = Net(outputs: [("AppAExport", "AppB", "prod-net-AppA"), ("MainExport", "Main", "prod-net-Main")]);
        var (exit, output, errors) = Run([Net(), App()], [moved, App()], "--fail-on", failOn);
        Assert.Equal(expected, exit);
        Assert.Contains(
            "templates/prod-net.yaml: 1 parameter, output or template entry changed, 1 imported export changed (the update fails) (against the committed template)\n"
            + "  output      AppAExport modified\n"
            + "                Value: !Ref AppA -> !Ref AppB\n"
            + "  export      prod-net-AppA (output AppAExport), imported by prod-app\n"
            + "                Value: !Ref AppA -> !Ref AppB\n"
            + string.Format(Refused, "change")
            + "wrote templates/prod-app.yaml",
            output);
        Assert.Equal(expected == 0 ? "" : $"synth: the changes include {failOn} (--fail-on)\n", errors);
    }

    /// <summary>Without the import, the same change is an output's change that --fail-on replace lets pass.</summary>
    [Fact]
    public void ValueChanged_NobodyImportsIt_IsAnOutputChangeOnly()
    {
        var moved = Net(outputs: [("AppAExport", "AppB", "prod-net-AppA"), ("MainExport", "Main", "prod-net-Main")]);
        var (exit, output, _) = Run([Net(), App(subnetExports: "prod-net-Other")], [moved, App(subnetExports: "prod-net-Other")], "--fail-on", "replace");
        Assert.Equal(0, exit);
        Assert.Contains("templates/prod-net.yaml: 1 parameter, output or template entry changed (against the committed template)\n", output);
        Assert.DoesNotContain("export ", output);
    }

    /// <summary>Near misses: an export nobody imports (AppB's), an import of another name, an export whose value stays the same (Main's).</summary>
    [Fact]
    public void NearMisses_ReportNoExport()
    {
        (string, string, string)[] outputs = [("AppAExport", "AppA", "prod-net-AppA"), ("AppBExport", "AppB", "prod-net-AppB"), ("MainExport", "Main", "prod-net-Main")];
        var before = Net(outputs: outputs);
        var after = Net(appBCidr: "10.0.4.0/24", outputs: outputs);

        // AppB is replaced (its export changes, but only prod-net-AppA and prod-net-Main are imported); Main stays.
        var (exit, output, _) = Run([before, App()], [after, App()]);
        Assert.Equal(0, exit);
        Assert.Contains("templates/prod-net.yaml: 1 to replace (against the committed template)\n  replace     AppB (AWS::EC2::Subnet)\n", output);
        Assert.DoesNotContain("export", output);

        var changes = TemplateChanges.Compare("prod-net", TemplateWriter.Write(before), TemplateWriter.Write(after));
        var exports = new ImportIndex();
        exports.Add("prod-app", ["prod-net-AppA", "prod-net-Main", "prod-net-AppBX"], ["prod-net-AppA"]);
        var linked = changes.WithImporters(exports);
        Assert.Equal(("prod-net-AppB", ExportAction.Replace, "AppB"), (linked.Exports.Single().Name, linked.Exports.Single().Action, linked.Exports.Single().Cause));
        Assert.Empty(linked.ImportedExports);
        Assert.False(ChangeReport.Reaches(linked, FailOn.DataLoss));
    }

    /// <summary>
    /// An import that only the new template of the other stack holds: a changed value is updated before
    /// that stack first imports it (no failure), a removed export is not there for it (its deploy fails).
    /// </summary>
    [Fact]
    public void ImportOnlyInTheNewTemplate_CountsForARemovalAlone()
    {
        var (_, replaced, _) = Run([Net(), App(subnetExports: "prod-net-AppB")], [Net(appACidr: "10.0.3.0/24"), App()]);
        Assert.Contains("templates/prod-net.yaml: 1 to replace (against the committed template)\n", replaced);
        Assert.DoesNotContain("  export", replaced);

        var renamed = Net(vpc: "Core", outputs: [("AppAExport", "AppA", "prod-net-AppA"), ("CoreExport", "Core", "prod-net-Core")]);
        var (_, removed, _) = Run([Net(), App(vpcExport: "prod-net-Core")], [renamed, App()]);
        Assert.Contains(
            "  export      prod-net-Main (output MainExport), imported by prod-app\n"
            + "                removed: the new template exports no prod-net-Main\n"
            + "                WARNING: the new template of prod-app imports it: its deploy fails once this update has removed it; import another export or keep this one\n",
            removed);
    }

    /// <summary>An export name written as Fn::Sub of the stack's name, and an instance replaced with its fixed address: its exported address stays.</summary>
    [Fact]
    public void ExportNameOfTheStacksName_AndAKeptAddress()
    {
        const string Before = """
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-1
                  PrivateIpAddress: 10.0.1.10
            Outputs:
              Address:
                Value: !GetAtt Server.PrivateIp
                Export:
                  Name: !Sub '${AWS::StackName}-Address'
              Id:
                Value: !Ref Server
                Export:
                  Name: !Sub '${AWS::StackName}-Id'
            """;
        var changes = TemplateChanges.Compare("s", Before, Before.Replace("ami-1", "ami-2"));
        var export = Assert.Single(changes.Exports);
        Assert.Equal(("s-Id", "Id", ExportAction.Replace, "Server"), (export.Name, export.Output, export.Action, export.Cause));
    }

    /// <summary>An instance that may be replaced (its image is an SSM parameter, resolved again on every update): its exported ID may change.</summary>
    [Fact]
    public void ValueOfAResourceThatMayBeReplaced_MayFail()
    {
        const string Before = """
            Parameters:
              Ami:
                Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
                Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: !Ref Ami
                  InstanceType: t3.micro
            Outputs:
              ServerExport:
                Value: !Ref Server
                Export:
                  Name: net-Server
            """;
        var imports = new ImportIndex();
        imports.Add("app", ["net-Server"], ["net-Server"]);
        var changes = TemplateChanges.Compare("net", Before, "Description: net\n" + Before).WithImporters(imports);
        Assert.True(ChangeReport.Reaches(changes, FailOn.Replace));
        var text = new StringWriter { NewLine = "\n" };
        ChangeReport.WriteText(text, new ChangeReport.Entry(changes, "templates/net.yaml", "templates/net.yaml"));
        Assert.Equal(
            "templates/net.yaml: 1 that may be replaced (1 with data loss), 1 parameter, output or template entry changed, 1 imported export that may change (the update may fail) (against the committed template)\n"
            + "  may replace Server (AWS::EC2::Instance): DATA LOSS, its root volume is deleted\n"
            + "                Properties.ImageId: !Ref Ami [may replace: reads SSM parameter Ami, which CloudFormation resolves again on every update; replaces the resource if it now names another value (a newly published image)]\n"
            + "  template    Description added\n"
            + "  export      net-Server (output ServerExport), imported by app\n"
            + "                Value: !Ref Server [may change: refers to Server, which may be replaced]\n"
            + "                WARNING: the update fails if Server is replaced: CloudFormation refuses to change an export while another stack imports it, and app imports it; deploy app without the import first\n",
            text.ToString());
    }

    [Fact]
    public void ReportFile_ListsTheExportWithItsImporters()
    {
        var report = Path.Combine(_folder, "changes.json");
        Run([Net(), App()], [Net(appACidr: "10.0.3.0/24"), App()], "--report-file", report);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var export = json.RootElement.GetProperty("stacks")[0].GetProperty("exports").EnumerateArray().Single();
        Assert.Equal("{\"name\":\"prod-net-AppA\",\"output\":\"AppAExport\",\"action\":\"replace\",\"before\":\"!Ref AppA\",\"after\":\"!Ref AppA\",\"cause\":\"AppA\",\"importedBy\":[{\"stack\":\"prod-app\",\"deployed\":true}]}",
            JsonSerializer.Serialize(export));
    }
}

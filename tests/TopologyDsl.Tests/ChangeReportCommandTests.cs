using System;
using System.IO;
using System.Text.Json;
using Examples.WordPress;
using TopologyDsl.Cli;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Tests;

/// <summary>The change report as <c>synth</c> prints it: text on standard output, JSON in --report-file, exit codes for CI.</summary>
public sealed class ChangeReportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "topologydsl-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _out = new() { NewLine = "\n" };
    private readonly StringWriter _err = new() { NewLine = "\n" };
    private readonly Template _template = WordPressStack.BuildTemplate();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private int Run(params string[] args) => SynthCommand.Run(args, [_template], _out, _err, Path.Combine(_folder, "templates"));

    private string Committed => Path.Combine(_folder, "templates", "wordpress.yaml");

    /// <summary>Output with the templates folder, as synth shows it (relative to the current folder), written as templates.</summary>
    private string Relative(string text) => text.Replace(Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_folder, "templates")), "templates");

    private string Base => Path.Combine(_folder, "base", "wordpress.yaml");

    /// <summary>The template as it was before the DB server's address became 10.0.2.10.</summary>
    private string Older => TemplateWriter.Write(_template).Replace("PrivateIpAddress: '10.0.2.10'", "PrivateIpAddress: '10.0.2.20'");

    private void Put(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (path == Committed)
        {
            // The picture synth writes beside the template, committed with it (--check compares both).
            File.WriteAllText(Path.ChangeExtension(path, ".md"), _template.Overview);
        }
    }

    [Fact]
    public void Synth_OverAnOlderTemplate_ReportsTheReplacementAndWrites()
    {
        Put(Committed, Older);
        Assert.Equal(0, Run("synth"));
        var output = _out.ToString();
        Assert.Contains("1 to replace (1 with data loss), 1 to update with interruption (against the committed template)", output);
        Assert.Contains("  replace     DbServer (AWS::EC2::Instance): DATA LOSS, its root volume is deleted\n", output);
        Assert.Contains("Properties.NetworkInterfaces[0].PrivateIpAddress: 10.0.2.20 -> 10.0.2.10 [replace: create-only]", output);
        Assert.Equal(TemplateWriter.Write(_template), File.ReadAllText(Committed));
    }

    [Fact]
    public void Check_OnAStaleTemplate_ReportsAndFails()
    {
        Put(Committed, Older);
        Assert.Equal(SynthCommand.Failed, Run("synth", "--check"));
        // The verdict, then the report under it, on one stream; the summary on standard error.
        Assert.StartsWith("templates/wordpress.yaml: differs from what the code produces\ntemplates/wordpress.yaml: 1 to replace (1 with data loss)", Relative(_out.ToString()));
        Assert.Contains("replace     DbServer", _out.ToString());
        Assert.Equal("synth: 1 of 1 template is not up to date (templates/wordpress.yaml differs); run 'synth' and commit it\n", Relative(_err.ToString()));
        Assert.Equal(Older, File.ReadAllText(Committed));
    }

    [Fact]
    public void Check_UpToDate_PrintsNoReport()
    {
        Put(Committed, TemplateWriter.Write(_template));
        Assert.Equal(0, Run("synth", "--check", "--fail-on", "change"));
        Assert.DoesNotContain("against", _out.ToString());
    }

    [Theory]
    [InlineData("data-loss", ChangeReport.Refused)]
    [InlineData("replace", ChangeReport.Refused)]
    [InlineData("change", ChangeReport.Refused)]
    [InlineData("none", 0)]
    public void FailOn_AgainstTheBaseBranchTemplate_RefusesWithExitCode3(string failOn, int expected)
    {
        Put(Committed, TemplateWriter.Write(_template));
        Put(Base, Older);
        Assert.Equal(expected, Run("synth", "--check", "--base", Path.GetDirectoryName(Base)!, "--fail-on", failOn));
        Assert.Contains("replace     DbServer", _out.ToString());
        Assert.Equal(expected == 0 ? "" : $"synth: the changes include {failOn} (--fail-on)\n", _err.ToString());
    }

    [Fact]
    public void FailOn_DataLoss_PassesAnInPlaceUpdate()
    {
        Put(Committed, TemplateWriter.Write(_template));
        Put(Base, TemplateWriter.Write(_template).Replace("Description: HTTP\n", "Description: Web\n"));
        Assert.Equal(0, Run("synth", "--check", "--base", Path.GetDirectoryName(Base)!, "--fail-on", "data-loss"));
        Assert.Contains("1 to update (against ", _out.ToString());
        Assert.Equal(ChangeReport.Refused, Run("synth", "--check", "--base", Path.GetDirectoryName(Base)!, "--fail-on", "change"));
    }

    [Fact]
    public void ReportFile_HoldsTheJsonForm()
    {
        Put(Committed, Older);
        var report = Path.Combine(_folder, "out", "changes.json");
        Assert.Equal(ChangeReport.Refused, Run("synth", "--report-file", report, "--fail-on", "data-loss"));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.True(json.RootElement.GetProperty("refused").GetBoolean());
        var stack = json.RootElement.GetProperty("stacks")[0];
        Assert.Equal("wordpress", stack.GetProperty("stack").GetString());
        Assert.Equal(1, stack.GetProperty("dataLosses").GetInt32());
        Assert.Equal("replace", stack.GetProperty("resources")[1].GetProperty("action").GetString());
    }

    [Fact]
    public void NewStack_ReportsEveryResourceAdded()
    {
        var report = Path.Combine(_folder, "changes.json");
        Assert.Equal(0, Run("synth", "--report-file", report));
        Assert.Contains($"wordpress.yaml: {_template.Resources.Count} to add (no template to compare with: a new stack)", _out.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.True(json.RootElement.GetProperty("stacks")[0].GetProperty("newStack").GetBoolean());
    }

    [Fact]
    public void Base_ThatIsNotYaml_IsAFault()
    {
        Put(Committed, TemplateWriter.Write(_template));
        Put(Base, "Resources: [unclosed\n");
        Assert.Equal(SynthCommand.Failed, Run("synth", "--check", "--base", Path.GetDirectoryName(Base)!));
        Assert.StartsWith("synth: cannot compare with ", _err.ToString());
        Assert.Contains("line ", _err.ToString());
    }

    [Fact]
    public void FailOn_UnknownKind_IsAUsageError()
    {
        Assert.Equal(SynthCommand.UsageError, Run("synth", "--fail-on", "everything"));
        Assert.Contains("everything", _err.ToString());
    }
}

using System;
using System.IO;
using System.Linq;
using Examples.WordPress;
using TopologyDsl.Cli;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;
using TopologyDsl.Testing;

namespace TopologyDsl.Tests;

public sealed class SynthCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "topologydsl-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private int Run(Template template, params string[] args) => SynthCommand.Run(args, [template], _out, _err, _folder);

    private string PathOf(Template template) => Path.Combine(_folder, template.StackName + ".yaml");

    [Fact]
    public void Synth_WritesTheTemplateAndSaysWhere()
    {
        var template = WordPressStack.BuildTemplate();
        Assert.Equal(0, Run(template, "synth"));
        Assert.Equal(TemplateWriter.Write(template), File.ReadAllText(PathOf(template)));
        Assert.Contains("wordpress.yaml (", _out.ToString());
        Assert.Contains("33 resources", _out.ToString());
        Assert.Equal(template.Overview, File.ReadAllText(Path.ChangeExtension(PathOf(template), ".md")));
        Assert.Equal([Path.ChangeExtension(PathOf(template), ".md"), PathOf(template)], Directory.GetFiles(_folder).Order());
    }

    [Fact]
    public void Check_FailsWhenThePictureIsStale()
    {
        var template = WordPressStack.BuildTemplate();
        Run(template, "synth");
        var picture = Path.ChangeExtension(PathOf(template), ".md");
        File.WriteAllText(picture, template.Overview!.Replace("| WebServer | DbServer | TCP 3306 |", "| WebServer | DbServer | TCP 3307 |"));
        Assert.Equal(SynthCommand.Failed, Run(template, "synth", "--check"));
        Assert.EndsWith("wordpress.md: differs from what the code produces" + Environment.NewLine, _out.ToString());
        Assert.Matches(@"^synth: 1 of 1 template is not up to date \(.*wordpress\.md differs\); run 'synth' and commit it\r?\n$", _err.ToString());
        _err.GetStringBuilder().Clear();
        File.Delete(picture);
        Assert.Equal(SynthCommand.Failed, Run(template, "synth", "--check"));
        Assert.EndsWith("wordpress.md: missing" + Environment.NewLine, _out.ToString());
        Assert.Matches(@"^synth: 1 of 1 template is not up to date \(.*wordpress\.md is missing\); run 'synth' and commit it\r?\n$", _err.ToString());
    }

    [Theory]
    [InlineData("synth")]
    [InlineData("synth", "--check")]
    public void NoStack_IsAFault_NotASilentSuccess(params string[] args)
    {
        Assert.Equal(SynthCommand.Failed, SynthCommand.Run(args, [], _out, _err, _folder));
        Assert.Equal("synth: no stack was given; pass each stack's BuildTemplate() to SynthCommand.Run", _err.ToString().Trim());
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void Check_FailsWhenTheTemplateIsMissing_AndWritesNothing()
    {
        Assert.Equal(SynthCommand.Failed, Run(WordPressStack.BuildTemplate(), "synth", "--check"));
        Assert.Contains("wordpress.yaml: missing" + Environment.NewLine, _out.ToString());
        Assert.Contains("wordpress.yaml is missing); run 'synth' and commit it", _err.ToString());
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void Check_FailsWhenTheCommittedTemplateIsStale_AndLeavesItAlone()
    {
        var template = WordPressStack.BuildTemplate();
        Run(template, "synth");
        var stale = File.ReadAllText(PathOf(template)).Replace("10.0.2.0/24", "10.0.3.0/24");
        File.WriteAllText(PathOf(template), stale);

        Assert.Equal(SynthCommand.Failed, Run(template, "synth", "--check"));
        Assert.Contains("wordpress.yaml: differs from what the code produces" + Environment.NewLine, _out.ToString());
        Assert.Contains("wordpress.yaml differs); run 'synth' and commit it", _err.ToString());
        Assert.Equal(stale, File.ReadAllText(PathOf(template)));
    }

    [Fact]
    public void Check_PassesOnAnUpToDateTemplate_EvenWithCrlfLineEndings()
    {
        var template = WordPressStack.BuildTemplate();
        Directory.CreateDirectory(_folder);
        File.WriteAllText(PathOf(template), TemplateWriter.Write(template).Replace("\n", "\r\n"));
        File.WriteAllText(Path.ChangeExtension(PathOf(template), ".md"), template.Overview!.Replace("\n", "\r\n"));
        Assert.Equal(0, Run(template, "synth", "--check"));
        Assert.Contains("up to date", _out.ToString());
    }

    [Fact]
    public void Version_NamesTheProgramAndTheLibraryThatWritesItsTemplates()
    {
        Assert.Equal(0, Run(WordPressStack.BuildTemplate(), "--version"));
        var library = typeof(SynthCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.EndsWith($" (TopologyDsl {library}){Environment.NewLine}", _out.ToString());
        Assert.Equal("", _err.ToString());
    }

    [Theory]
    [InlineData("Required command was not provided")]
    [InlineData("Unrecognized command or argument 'deploy'", "deploy")]
    [InlineData("Unrecognized command or argument '--force'", "synth", "--force")]
    [InlineData("Unrecognized command or argument 'extra'", "synth", "extra")]
    [InlineData("Required argument missing for option: '--out'", "synth", "--out")]
    [InlineData("Required argument missing for option: '--out'", "synth", "--check", "--out")]
    [InlineData("Required argument missing for option: '--out'", "synth", "--out=")]
    [InlineData("--out names no folder (the value is empty)", "synth", "--out", "")]
    [InlineData("--base names no folder (the value is empty)", "synth", "--base", "")]
    [InlineData("--report-file names no file (the value is empty)", "synth", "--report-file", "")]
    public void UnknownOrIncompleteCommandLine_IsAUsageError_NamingWhatIsWrong(string message, params string[] args)
    {
        Assert.Equal(SynthCommand.UsageError, Run(WordPressStack.BuildTemplate(), args));
        var errors = _err.ToString().Split(Environment.NewLine).TakeWhile(l => l.Length > 0).ToList();
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Contains("Usage:", _err.ToString());
        Assert.Equal("", _out.ToString());
        Assert.False(Directory.Exists(_folder));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("synth", "--help")]
    [InlineData("synth", "-h")]
    public void Help_GoesToStandardOutput_WithExitCodeZero(params string[] args)
    {
        Assert.Equal(0, Run(WordPressStack.BuildTemplate(), args));
        Assert.Contains("Usage:", _out.ToString());
        Assert.Contains(args[0] == "synth" ? "--out <DIR>" : "synth", _out.ToString());
        Assert.Equal("", _err.ToString());
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void OutWithEqualsSign_ChoosesTheFolder()
    {
        var other = Path.Combine(_folder, "eq");
        Assert.Equal(0, Run(WordPressStack.BuildTemplate(), "synth", "--out=" + other));
        Assert.True(File.Exists(Path.Combine(other, "wordpress.yaml")));
    }

    [Fact]
    public void Out_ChoosesTheFolder()
    {
        var other = Path.Combine(_folder, "elsewhere");
        Assert.Equal(0, Run(WordPressStack.BuildTemplate(), "synth", "--out", other));
        Assert.True(File.Exists(Path.Combine(other, "wordpress.yaml")));
    }

    private static Template WithDescriptions(int groups, int descriptionLength)
    {
        var template = new Template("big");
        template.Add(new Vpc("Net") { CidrBlock = "10.0.0.0/16" });
        for (var i = 0; i < groups; i++)
        {
            template.Add(new SecurityGroup("G" + i) { GroupDescription = new string('d', descriptionLength), VpcId = Fn.Ref("Net") });
        }

        return template;
    }

    [Fact]
    public void TemplateOverTheInlineLimit_IsWrittenWithWarningTDSL305()
    {
        var template = WithDescriptions(60, 1000);
        Assert.Equal(0, Run(template, "synth"));
        Assert.Contains("warning TDSL305", _err.ToString());
        Assert.True(File.Exists(PathOf(template)));
    }

    [Fact]
    public void TemplateOverOneMegabyte_IsRefusedWithErrorTDSL306()
    {
        var template = WithDescriptions(300, 4000);
        Assert.Equal(SynthCommand.Failed, Run(template, "synth"));
        Assert.Contains("error TDSL306", _err.ToString());
        Assert.False(File.Exists(PathOf(template)));
    }

    [Fact]
    public void DefaultFolder_IsTheProjectsTemplatesFolder_RecordedAtBuildTime()
    {
        var folder = SynthCommand.DefaultOutputDirectory(typeof(WordPressStack).Assembly);
        Assert.Equal(Repo.PathOf("examples", "WordPress", "templates"), Path.GetFullPath(folder));
    }
}

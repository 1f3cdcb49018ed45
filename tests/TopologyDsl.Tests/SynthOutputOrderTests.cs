using System;
using System.IO;
using TopologyDsl.Cli;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;

namespace TopologyDsl.Tests;

/// <summary>
/// What <c>synth</c> prints for several stacks, exactly: each stack's verdict, then its change report,
/// both on standard output so that they read in order; with <c>--check</c>, a summary of what is stale
/// last, on standard error. Exit codes as documented.
/// </summary>
public sealed class SynthOutputOrderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "topologydsl-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _out = new() { NewLine = "\n" };
    private readonly StringWriter _err = new() { NewLine = "\n" };

    public SynthOutputOrderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Template Stack(string name, string cidr)
    {
        var template = new Template(name, name + " network");
        template.Add(new Vpc("Net") { CidrBlock = cidr });
        return template;
    }

    private readonly Template[] _stacks = [Stack("alpha", "10.0.0.0/16"), Stack("beta", "10.1.0.0/16"), Stack("gamma", "10.2.0.0/16")];

    private string PathOf(string stack) => Path.Combine(_folder, stack + ".yaml");

    private int Size(int stack) => System.Text.Encoding.UTF8.GetByteCount(TemplateWriter.Write(_stacks[stack]));

    private string Shown(string stack) => Path.GetRelativePath(Environment.CurrentDirectory, PathOf(stack));

    private int Run(params string[] args) => SynthCommand.Run(args, _stacks, _out, _err, _folder);

    /// <summary>alpha up to date, beta committed with another block, gamma never committed.</summary>
    private void CommitAlphaAndAnOlderBeta()
    {
        File.WriteAllText(PathOf("alpha"), TemplateWriter.Write(_stacks[0]));
        File.WriteAllText(PathOf("beta"), TemplateWriter.Write(Stack("beta", "10.9.0.0/16")));
    }

    [Fact]
    public void Check_SeveralStacks_EachVerdictThenItsReport_TheSummaryLastOnStandardError()
    {
        CommitAlphaAndAnOlderBeta();
        var beta = File.ReadAllText(PathOf("beta"));

        Assert.Equal(SynthCommand.Failed, Run("synth", "--check"));

        Assert.Equal(
            $"""
            {Shown("alpha")}: up to date ({Size(0)} bytes, 1 resource)
            {Shown("beta")}: differs from what the code produces
            {Shown("beta")}: 1 to replace (against the committed template)
              replace     Net (AWS::EC2::VPC)
                            Properties.CidrBlock: 10.9.0.0/16 -> 10.1.0.0/16 [replace: create-only]
            {Shown("gamma")}: missing
            {Shown("gamma")}: 1 to add (no template to compare with: a new stack)

            """, _out.ToString());
        Assert.Equal(
            $"synth: 2 of 3 templates are not up to date ({Shown("beta")} differs, {Shown("gamma")} is missing); run 'synth' and commit them\n",
            _err.ToString());
        Assert.Equal(beta, File.ReadAllText(PathOf("beta")));
        Assert.False(File.Exists(PathOf("gamma")));
    }

    /// <summary>Each stack's notes come under its verdict, before its change report, whether it is up to date, stale or missing.</summary>
    [Fact]
    public void Check_EveryStackListsItsNotes_UpToDateStaleOrMissing()
    {
        CommitAlphaAndAnOlderBeta();
        foreach (var stack in _stacks)
        {
            stack.AddNote("TDSL409", "VPC 'Net' records no flow logs");
        }

        Assert.Equal(SynthCommand.Failed, Run("synth", "--check"));

        Assert.Equal(
            $"""
            {Shown("alpha")}: up to date ({Size(0)} bytes, 1 resource)
              info TDSL409: VPC 'Net' records no flow logs
            {Shown("beta")}: differs from what the code produces
              info TDSL409: VPC 'Net' records no flow logs
            {Shown("beta")}: 1 to replace (against the committed template)
              replace     Net (AWS::EC2::VPC)
                            Properties.CidrBlock: 10.9.0.0/16 -> 10.1.0.0/16 [replace: create-only]
            {Shown("gamma")}: missing
              info TDSL409: VPC 'Net' records no flow logs
            {Shown("gamma")}: 1 to add (no template to compare with: a new stack)

            """, _out.ToString());
        Assert.Equal(
            $"synth: 2 of 3 templates are not up to date ({Shown("beta")} differs, {Shown("gamma")} is missing); run 'synth' and commit them\n",
            _err.ToString());
    }

    /// <summary>A template up to date beside a stale picture: the picture's verdict, then the notes.</summary>
    [Fact]
    public void Check_StalePicture_ListsTheNotesUnderItsVerdict()
    {
        var stack = Stack("alpha", "10.0.0.0/16").SetOverview("# alpha\n").AddNote("TDSL409", "VPC 'Net' records no flow logs");
        File.WriteAllText(PathOf("alpha"), TemplateWriter.Write(stack));
        File.WriteAllText(Path.ChangeExtension(PathOf("alpha"), ".md"), "# older\n");

        Assert.Equal(SynthCommand.Failed, SynthCommand.Run(["synth", "--check"], [stack], _out, _err, _folder));

        var picture = Path.ChangeExtension(Shown("alpha"), ".md");
        Assert.Equal($"{picture}: differs from what the code produces\n  info TDSL409: VPC 'Net' records no flow logs\n", _out.ToString());
        Assert.Equal($"synth: 1 of 1 template is not up to date ({picture} differs); run 'synth' and commit it\n", _err.ToString());
    }

    [Fact]
    public void Check_OneStaleOfOne_SummaryInTheSingular()
    {
        var stacks = new[] { _stacks[1] };
        File.WriteAllText(PathOf("beta"), TemplateWriter.Write(Stack("beta", "10.9.0.0/16")));
        Assert.Equal(SynthCommand.Failed, SynthCommand.Run(["synth", "--check"], stacks, _out, _err, _folder));
        Assert.StartsWith($"{Shown("beta")}: differs from what the code produces\n{Shown("beta")}: 1 to replace", _out.ToString());
        Assert.Equal($"synth: 1 of 1 template is not up to date ({Shown("beta")} differs); run 'synth' and commit it\n", _err.ToString());
    }

    [Fact]
    public void Check_SeveralStacksUpToDate_DeployOrderLast_NothingOnStandardError()
    {
        Assert.Equal(0, Run("synth"));
        _out.GetStringBuilder().Clear();

        Assert.Equal(0, Run("synth", "--check"));

        Assert.Equal(
            $"""
            {Shown("alpha")}: up to date ({Size(0)} bytes, 1 resource)
            {Shown("beta")}: up to date ({Size(1)} bytes, 1 resource)
            {Shown("gamma")}: up to date ({Size(2)} bytes, 1 resource)
            deploy order: alpha, beta, gamma

            """, _out.ToString());
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public void Write_SeveralStacks_EachVerdictThenItsReport_DeployOrderLast()
    {
        CommitAlphaAndAnOlderBeta();

        Assert.Equal(0, Run("synth"));

        Assert.Equal(
            $"""
            wrote {Shown("alpha")} ({Size(0)} bytes, 1 resource)
            wrote {Shown("beta")} ({Size(1)} bytes, 1 resource)
            {Shown("beta")}: 1 to replace (against the committed template)
              replace     Net (AWS::EC2::VPC)
                            Properties.CidrBlock: 10.9.0.0/16 -> 10.1.0.0/16 [replace: create-only]
            wrote {Shown("gamma")} ({Size(2)} bytes, 1 resource)
            {Shown("gamma")}: 1 to add (no template to compare with: a new stack)
            deploy order: alpha, beta, gamma

            """, _out.ToString());
        Assert.Equal("", _err.ToString());
    }
}

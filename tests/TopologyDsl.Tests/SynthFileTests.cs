using System;
using System.IO;
using System.Linq;
using System.Text;
using Examples.WordPress;
using TopologyDsl.Cli;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;
using TopologyDsl.Tests.Stacks;

namespace TopologyDsl.Tests;

/// <summary>
/// <c>synth</c> against the file system, in process: faults give one line and exit code 1 and leave
/// what was there; <c>--check</c> compares bytes; stale temporaries go; links are written through;
/// info findings are listed. Faults that need another user or a full disk are in <see cref="SynthProcessTests"/>.
/// </summary>
public sealed class SynthFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "topologydsl-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public SynthFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly Template WordPress = WordPressStack.BuildTemplate();

    private static readonly string Yaml = TemplateWriter.Write(WordPress);

    private string Templates => Path.Combine(_folder, "templates");

    private string TemplatePath => Path.Combine(Templates, "wordpress.yaml");

    private int Run(params string[] args) => Run(WordPress, args);

    private int Run(Template template, params string[] args) => SynthCommand.Run(args, [template], _out, _err, Templates);

    private static string Shown(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);

    /// <summary>Writes an old template, so that each fault test can show it was kept.</summary>
    private string WriteOldTemplate()
    {
        Directory.CreateDirectory(Templates);
        const string old = "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n";
        File.WriteAllText(TemplatePath, old);
        return old;
    }

    private void AssertOneLineFault(string expected, int exit)
    {
        Assert.Equal(SynthCommand.Failed, exit);
        Assert.Equal(expected + Environment.NewLine, _err.ToString());
        Assert.Equal("", _out.ToString());
    }

    /// <summary>
    /// A second synth leaves identical files alone, timestamps included: the build passes the templates to
    /// the analyzer, so a rewritten template would make every edit-free build compile again.
    /// </summary>
    [Fact]
    public void Synth_TwiceWithoutChanges_LeavesTheFilesUntouched()
    {
        Assert.Equal(0, Run("synth"));
        var picture = Path.ChangeExtension(TemplatePath, ".md");
        var earlier = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(TemplatePath, earlier);
        File.SetLastWriteTimeUtc(picture, earlier);

        Assert.Equal(0, Run("synth"));
        Assert.Equal(earlier, File.GetLastWriteTimeUtc(TemplatePath));
        Assert.Equal(earlier, File.GetLastWriteTimeUtc(picture));
        Assert.Equal(Yaml, File.ReadAllText(TemplatePath));

        // A changed file is written again.
        File.AppendAllText(TemplatePath, "# edited\n");
        Assert.Equal(0, Run("synth"));
        Assert.Equal(Yaml, File.ReadAllText(TemplatePath));
        Assert.NotEqual(earlier, File.GetLastWriteTimeUtc(TemplatePath));
        Assert.Equal(earlier, File.GetLastWriteTimeUtc(picture));
    }

    // Faults

    [Fact]
    public void EmptyOut_IsAUsageError_AndTheTemplateIsKept()
    {
        var old = WriteOldTemplate();
        Assert.Equal(SynthCommand.UsageError, Run("synth", "--out", ""));
        Assert.StartsWith("synth: --out names no folder (the value is empty)", _err.ToString());
        Assert.Equal(old, File.ReadAllText(TemplatePath));
    }

    [Fact]
    public void Fault_TemplatePathIsAFolder_OneLine_AndTheFolderIsKept()
    {
        Directory.CreateDirectory(TemplatePath);
        File.WriteAllText(Path.Combine(TemplatePath, "inside.txt"), "kept");
        AssertOneLineFault($"synth: cannot write {Shown(TemplatePath)}: it is a folder", Run("synth"));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(TemplatePath, "inside.txt")));
    }

    [Fact]
    public void Fault_CheckWhereTheTemplatePathIsAFolder_OneLine()
    {
        Directory.CreateDirectory(TemplatePath);
        AssertOneLineFault($"synth: cannot read {Shown(TemplatePath)}: it is a folder", Run("synth", "--check"));
        Assert.True(Directory.Exists(TemplatePath));
    }

    [Fact]
    public void Fault_OutIsARegularFile_OneLine_AndTheFileIsKept()
    {
        var old = WriteOldTemplate();
        var file = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(file, "kept");
        AssertOneLineFault($"synth: cannot write {Shown(Path.Combine(file, "wordpress.yaml"))}: {Shown(file)} is a file, not a folder",
            Run("synth", "--out", file));
        Assert.Equal("kept", File.ReadAllText(file));
        Assert.Equal(old, File.ReadAllText(TemplatePath));
    }

    [Fact]
    public void Fault_OutIsBelowARegularFile_OneLine_AndTheFileIsKept()
    {
        var file = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(file, "kept");
        var below = Path.Combine(file, "a", "b");
        AssertOneLineFault($"synth: cannot write {Shown(Path.Combine(below, "wordpress.yaml"))}: {Shown(file)} is a file, not a folder",
            Run("synth", "--out", below));
        Assert.Equal("kept", File.ReadAllText(file));
    }

    [Fact]
    public void Fault_InOneStack_StillWritesTheOthers_AndExitsWithOne()
    {
        Directory.CreateDirectory(TemplatePath);
        var exit = SynthCommand.Run(["synth"], [WordPress, Noted.BuildTemplate()], _out, _err, Templates);
        Assert.Equal(SynthCommand.Failed, exit);
        Assert.Single(_err.ToString().TrimEnd().Split('\n'));
        Assert.True(File.Exists(Path.Combine(Templates, "noted.yaml")));
    }

    // --check compares bytes, reading CRLF as LF and nothing else

    public static TheoryData<string, byte[]> NotTheSameBytes => new()
    {
        { "UTF-16 with a byte order mark", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Yaml)] },
        { "UTF-16 without a byte order mark", Encoding.Unicode.GetBytes(Yaml) },
        { "UTF-8 with a byte order mark", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Yaml)] },
        { "CR-only line ends", Encoding.UTF8.GetBytes(Yaml.Replace("\n", "\r")) },
        { "NEL line ends", Encoding.UTF8.GetBytes(Yaml.Replace("\n", "\u0085")) },
        { "LINE SEPARATOR line ends", Encoding.UTF8.GetBytes(Yaml.Replace("\n", "\u2028")) },
        { "a trailing CR", Encoding.UTF8.GetBytes(Yaml + "\r") },
        { "no final line end", Encoding.UTF8.GetBytes(Yaml.TrimEnd('\n')) },
    };

    [Theory]
    [MemberData(nameof(NotTheSameBytes))]
    public void Check_OtherBytesThanTheCode_Differs(string what, byte[] committed)
    {
        Directory.CreateDirectory(Templates);
        File.WriteAllBytes(TemplatePath, committed);
        Assert.True(Run("synth", "--check") == SynthCommand.Failed, what);
        Assert.StartsWith($"{Shown(TemplatePath)}: differs from what the code produces" + Environment.NewLine, _out.ToString());
        Assert.Equal($"synth: 1 of 1 template is not up to date ({Shown(TemplatePath)} differs); run 'synth' and commit it" + Environment.NewLine, _err.ToString());
        Assert.Equal(committed, File.ReadAllBytes(TemplatePath));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Check_SameTextWithLfOrCrlf_IsUpToDate(string lineEnd)
    {
        Directory.CreateDirectory(Templates);
        File.WriteAllText(TemplatePath, Yaml.Replace("\n", lineEnd));
        File.WriteAllText(Path.ChangeExtension(TemplatePath, ".md"), WordPressStack.BuildTemplate().Overview!.Replace("\n", lineEnd));
        Assert.Equal(0, Run("synth", "--check"));
        Assert.StartsWith($"{Shown(TemplatePath)}: up to date (", _out.ToString());
    }

    [Fact]
    public void Check_AfterSynth_OfADescriptionWithLineAndParagraphSeparators_IsUpToDate()
    {
        var template = new Template("separators", "first\u2028second\u2029third\u0085fourth");
        template.Add(new Vpc("Net") { CidrBlock = "10.0.0.0/16" });
        Assert.Equal(0, Run(template, "synth"));
        Assert.Equal(0, Run(template, "synth", "--check"));
        Assert.Contains("separators.yaml: up to date", _out.ToString());
    }

    [Fact]
    public void Check_ReadsTheBytes_ThatSynthWrote()
    {
        Assert.Equal(0, Run("synth"));
        Assert.Equal(Encoding.UTF8.GetBytes(Yaml), File.ReadAllBytes(TemplatePath));
    }

    // Temporaries

    [Fact]
    public void Synth_SweepsStaleTemporariesOfItsTemplates_AndNothingElse_NorAFreshOne()
    {
        Directory.CreateDirectory(Templates);
        var stale = Path.Combine(Templates, ".wordpress.yaml." + Guid.NewGuid().ToString("N") + ".tmp");
        string[] others =
        [
            Path.Combine(Templates, ".other.yaml." + Guid.NewGuid().ToString("N") + ".tmp"),
            Path.Combine(Templates, ".wordpress.yaml.backup.tmp"),
            Path.Combine(Templates, "wordpress.yaml." + Guid.NewGuid().ToString("N") + ".tmp"),
        ];
        var fresh = Path.Combine(Templates, ".wordpress.yaml." + Guid.NewGuid().ToString("N") + ".tmp");
        foreach (var file in others.Append(stale).Append(fresh))
        {
            File.WriteAllText(file, "half a templ");
            File.SetLastWriteTimeUtc(file, file == fresh ? DateTime.UtcNow : DateTime.UtcNow.AddMinutes(-1));
        }

        Assert.Equal(0, Run("synth"));
        Assert.False(File.Exists(stale));
        Assert.All(others.Append(fresh), file => Assert.True(File.Exists(file), file));
        Assert.Equal(Yaml, File.ReadAllText(TemplatePath));
    }

    [Fact]
    public void Synth_LeavesTheTemporaryOfARunningSynth()
    {
        // A running synth holds its temporary open (as WriteAtomically does) until the rename.
        Directory.CreateDirectory(Templates);
        var running = Path.Combine(Templates, ".wordpress.yaml." + Guid.NewGuid().ToString("N") + ".tmp");
        using (var held = new FileStream(running, FileMode.CreateNew, FileAccess.Write, FileShare.Delete))
        {
            File.SetLastWriteTimeUtc(running, DateTime.UtcNow.AddMinutes(-1));
            Assert.Equal(0, Run("synth"));
            Assert.True(File.Exists(running));
        }

        Assert.Equal(0, Run("synth"));
        Assert.False(File.Exists(running));
    }

    [Fact]
    public void Synth_LeavesNoTemporaryBehind()
    {
        Assert.Equal(0, Run("synth"));
        Assert.Equal(["wordpress.md", "wordpress.yaml"], Directory.GetFileSystemEntries(Templates).Select(Path.GetFileName).Order());
    }

    // Symbolic links: written through to the target

    [Fact]
    public void Synth_WritesThroughASymbolicLink_AndKeepsTheLink()
    {
        var shared = Path.Combine(_folder, "shared", "wordpress.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(shared)!);
        File.WriteAllText(shared, "old");
        Directory.CreateDirectory(Templates);
        File.CreateSymbolicLink(TemplatePath, Path.Combine("..", "shared", "wordpress.yaml"));

        Assert.Equal(0, Run("synth"));
        Assert.Equal(Path.Combine("..", "shared", "wordpress.yaml"), new FileInfo(TemplatePath).LinkTarget);
        Assert.Equal(Yaml, File.ReadAllText(shared));
        Assert.StartsWith($"wrote {Shown(TemplatePath)} through the link to {Shown(shared)} (", _out.ToString());
        Assert.Equal(["wordpress.yaml"], Directory.GetFileSystemEntries(Path.GetDirectoryName(shared)!).Select(Path.GetFileName));

        Assert.Equal(0, Run("synth", "--check"));
        Assert.Contains("up to date", _out.ToString());
    }

    [Fact]
    public void Synth_ThroughADanglingLink_CreatesTheTarget()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "shared"));
        Directory.CreateDirectory(Templates);
        File.CreateSymbolicLink(TemplatePath, Path.Combine(_folder, "shared", "new.yaml"));

        Assert.Equal(0, Run("synth"));
        Assert.NotNull(new FileInfo(TemplatePath).LinkTarget);
        Assert.Equal(Yaml, File.ReadAllText(Path.Combine(_folder, "shared", "new.yaml")));
    }

    [Fact]
    public void Synth_ALinkToAFolder_IsAFault()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "elsewhere"));
        Directory.CreateDirectory(Templates);
        File.CreateSymbolicLink(TemplatePath, Path.Combine(_folder, "elsewhere"));
        AssertOneLineFault($"synth: cannot write {Shown(TemplatePath)}: it is a folder", Run("synth"));
    }

    // Info findings

    [Fact]
    public void BuildTemplate_CarriesTheStacksInfoFindings()
    {
        Assert.Equal(
        [
            new Note("TDSL112", "VPC 'Net' uses 172.17.0.0/16, which overlaps 172.17.0.0/16, Docker's default bridge network"),
            new Note("TDSL409", "VPC 'Net' records no flow logs"),
        ], Noted.BuildTemplate().Notes);
        Assert.Empty(WordPress.Notes);
    }

    [Theory]
    [InlineData("synth")]
    [InlineData("synth", "--check")]
    public void Synth_ListsInfoFindingsUnderTheStack_OnStandardOutput_WithoutFailing(params string[] args)
    {
        var noted = Noted.BuildTemplate();
        Assert.Equal(0, Run(noted, "synth"));
        _out.GetStringBuilder().Clear();

        Assert.Equal(0, Run(noted, args));
        var lines = _out.ToString().Split(Environment.NewLine);
        // As README's "Info findings" shows it.
        var shown = Shown(Path.Combine(Templates, "noted.yaml"));
        Assert.Equal(args.Length == 1 ? $"wrote {shown} (241 bytes, 1 resource) and {Path.ChangeExtension(shown, ".md")}" : $"{shown}: up to date (241 bytes, 1 resource)", lines[0]);
        Assert.Equal("  info TDSL112: VPC 'Net' uses 172.17.0.0/16, which overlaps 172.17.0.0/16, Docker's default bridge network", lines[1]);
        Assert.Equal("  info TDSL409: VPC 'Net' records no flow logs", lines[2]);
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public void Notes_AreNotPartOfTheYaml()
    {
        var noted = Noted.BuildTemplate();
        Assert.DoesNotContain("TDSL", TemplateWriter.Write(noted));
    }
}

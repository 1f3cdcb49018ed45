using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TopologyDsl.Tests.Infrastructure;

namespace TopologyDsl.Tests;

/// <summary>
/// The example's real program, run as a process the way users run it: every fault gives exit code
/// 1 and one line on standard error (no unhandled exception, no stack trace, no build machine's
/// paths), and the old template stays. Permission faults mean nothing to root, so under root the
/// program runs as user <c>nobody</c> (<c>setpriv</c>); the full disk is a small tmpfs, which only
/// root may mount. Each test says why when the platform does not allow it, and skips.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SynthProcessTests : IDisposable
{
    private const int Nobody = 65534;
    private const string OldTemplate = "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n";

    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "WordPress.dll");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "topologydsl-process-" + Guid.NewGuid().ToString("N"));

    public SynthProcessTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "templates"));
        File.WriteAllText(TemplatePath, OldTemplate);
    }

    public void Dispose()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(_folder, "*", SearchOption.AllDirectories).Prepend(_folder))
        {
            if (!File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint))
            {
                File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string TemplatePath => Path.Combine(_folder, "templates", "wordpress.yaml");

    private static bool IsRoot => !OperatingSystem.IsWindows() && System.Environment.UserName == "root";

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>Runs the example's program in <paramref name="folder"/>, as another user when <paramref name="asUser"/> is set.</summary>
    private static ToolRun Run(string folder, string[] args, int? asUser = null) =>
        asUser is { } uid
            ? Tool.Run("setpriv", [$"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--", "dotnet", Program, .. args], folder, Environment, TimeSpan.FromMinutes(2))
            : Tool.Run("dotnet", [Program, .. args], folder, Environment, TimeSpan.FromMinutes(2));

    private static void AssertOneLineFault(ToolRun run, string expected)
    {
        Assert.True(run.Exit == 1, $"exit {run.Exit}\n{run.Out}\n{run.Err}");
        Assert.Equal(expected + "\n", run.Err);
        Assert.Equal("", run.Out);
    }

    private void AssertOldTemplateKept()
    {
        Assert.Equal(OldTemplate, File.ReadAllText(TemplatePath));
        Assert.Equal(["wordpress.yaml"], Directory.GetFileSystemEntries(Path.GetDirectoryName(TemplatePath)!).Select(Path.GetFileName));
    }

    /// <summary>Under root, the user the permission tests run as; skips when that cannot work here.</summary>
    private int? UnprivilegedUser()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only; Windows ACLs are not tested");
        if (!IsRoot)
        {
            return null;
        }

        var probe = TryRun(() => Run(_folder, ["--help"], Nobody));
        Skip.If(probe is not { Exit: 0 },
            "running as root, and user nobody cannot run the program here (setpriv missing, or the build output is not readable by others): " + probe?.Err);
        return Nobody;
    }

    private static ToolRun? TryRun(Func<ToolRun> run)
    {
        try
        {
            return run();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    public static TheoryData<string, string[], string> Faults => new()
    {
        { "--out is a file", ["synth", "--out", "notes.txt"], "synth: cannot write notes.txt/wordpress.yaml: notes.txt is a file, not a folder" },
        { "--out below a file", ["synth", "--out=notes.txt/sub"], "synth: cannot write notes.txt/sub/wordpress.yaml: notes.txt is a file, not a folder" },
        { "template path is a folder", ["synth", "--out", "folder"], "synth: cannot write folder/wordpress.yaml: it is a folder" },
        { "--check, template path is a folder", ["synth", "--check", "--out", "folder"], "synth: cannot read folder/wordpress.yaml: it is a folder" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Fault_ExitsWithOne_OneLine_OldTemplateKept(string what, string[] args, string expected)
    {
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "kept");
        Directory.CreateDirectory(Path.Combine(_folder, "folder", "wordpress.yaml"));
        var run = Run(_folder, [.. args, .. args.Contains("--out") || args.Any(a => a.StartsWith("--out=", StringComparison.Ordinal)) ? Array.Empty<string>() : ["--out", "templates"]]);
        AssertOneLineFault(run, expected);
        Assert.True(File.ReadAllText(Path.Combine(_folder, "notes.txt")) == "kept", what);
        Assert.True(Directory.Exists(Path.Combine(_folder, "folder", "wordpress.yaml")));
        AssertOldTemplateKept();
    }

    [SkippableFact]
    public void Fault_FolderNotWritable_PermissionDenied()
    {
        var user = UnprivilegedUser();
        File.SetUnixFileMode(Path.GetDirectoryName(TemplatePath)!, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var run = Run(_folder, ["synth", "--out", "templates"], user);
        AssertOneLineFault(run, "synth: cannot write templates/wordpress.yaml: permission denied");
        AssertOldTemplateKept();
    }

    [SkippableFact]
    public void Fault_CheckOnAnUnreadableTemplate_PermissionDenied()
    {
        var user = UnprivilegedUser();
        File.SetUnixFileMode(TemplatePath, UnixFileMode.None);
        var run = Run(_folder, ["synth", "--check", "--out", "templates"], user);
        AssertOneLineFault(run, "synth: cannot read templates/wordpress.yaml: permission denied");
        File.SetUnixFileMode(TemplatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        AssertOldTemplateKept();
    }

    [SkippableFact]
    public void Fault_DiskFull_NoSpaceLeft()
    {
        Skip.If(OperatingSystem.IsWindows() || !IsRoot, "filling a disk needs a small tmpfs, and only root may mount one");
        var disk = Path.Combine(_folder, "disk");
        Directory.CreateDirectory(disk);
        var mount = TryRun(() => Tool.Run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk]));
        Skip.If(mount is not { Exit: 0 }, "cannot mount a tmpfs here (a container without CAP_SYS_ADMIN?): " + mount?.Err);
        try
        {
            var template = Path.Combine(disk, "wordpress.yaml");
            File.WriteAllText(template, OldTemplate);
            Fill(Path.Combine(disk, "filler"));

            var run = Run(_folder, ["synth", "--out", "disk"]);
            AssertOneLineFault(run, "synth: cannot write disk/wordpress.yaml: no space left on device");
            Assert.Equal(OldTemplate, File.ReadAllText(template));
            Assert.Equal(["filler", "wordpress.yaml"], Directory.GetFileSystemEntries(disk).Select(Path.GetFileName).Order());
        }
        finally
        {
            Tool.Run("umount", [disk]);
        }
    }

    [Fact]
    public void Process_SynthAndCheck_ExitZero_AndHelpGoesToStandardOutput()
    {
        Assert.Equal(0, Run(_folder, ["synth", "--out", "out"]).Exit);
        var check = Run(_folder, ["synth", "--check", "--out", "out"]);
        Assert.Equal((0, ""), (check.Exit, check.Err));
        Assert.StartsWith("out/wordpress.yaml: up to date (", check.Out);

        var help = Run(_folder, ["synth", "--help"]);
        Assert.Equal((0, ""), (help.Exit, help.Err));
        Assert.Contains("--out <DIR>", help.Out);

        var usage = Run(_folder, ["synth", "--out"]);
        Assert.Equal(2, usage.Exit);
        Assert.StartsWith("synth: Required argument missing for option: '--out'.\n", usage.Err);
        AssertOldTemplateKept();
    }

    private static void Fill(string path)
    {
        var block = new byte[4096];
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }
}

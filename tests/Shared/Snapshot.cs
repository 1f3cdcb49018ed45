using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace TopologyDsl.Testing;

/// <summary>
/// Snapshot assertions with Verify's file conventions, so that moving to Verify.Xunit, once its core
/// package can be restored here, changes the call and nothing on disk: the expected text lives in
/// <c>Snapshots/{Class}.{Test}.verified.{ext}</c> (or <c>...{Test}#{Name}.verified.{ext}</c>) beside the
/// test file; a mismatch writes <c>.received.{ext}</c> next to it (git-ignored) and fails with a diff.
/// Accept a change by renaming the received file over the verified one, or by running the tests with
/// UPDATE_SNAPSHOTS=1. Line endings are compared as LF.
/// </summary>
public static class Snapshot
{
    public static void Verify(string actual, string extension, string? name = null,
        [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "", string? className = null)
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        className ??= Path.GetFileNameWithoutExtension(testFile);
        var stem = className + "." + testName + (name is null ? "" : "#" + name);
        var verified = Path.Combine(folder, stem + ".verified." + extension);
        var received = Path.Combine(folder, stem + ".received." + extension);
        actual = Normalize(actual);

        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        Directory.CreateDirectory(folder);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            return;
        }

        File.WriteAllText(received, actual);
        var message = expected is null
            ? $"No snapshot {Path.GetFileName(verified)} yet. Review {Path.GetFileName(received)} and rename it to accept it (or run with UPDATE_SNAPSHOTS=1)."
            : $"{Path.GetFileName(verified)} differs from what the test produced ({Path.GetFileName(received)}):\n{Diff(expected, actual)}\nRename the received file over the verified one to accept (or run with UPDATE_SNAPSHOTS=1).";
        throw new XunitException(message);
    }

    /// <summary>
    /// A checked-in file that a test derives from data (a table generated from the vendored schemas)
    /// must equal what the data gives now; UPDATE_SNAPSHOTS=1 rewrites it, as for snapshots.
    /// </summary>
    public static void VerifyGeneratedFile(string path, string expected)
    {
        var committed = File.Exists(path) ? Normalize(File.ReadAllText(path)) : "";
        if (committed == expected)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        throw new XunitException($"{Path.GetFileName(path)} is not what the data gives now; run the tests with UPDATE_SNAPSHOTS=1 and review the change:\n{Diff(committed, expected)}");
    }

    /// <summary>The snapshot files a test has (for checking that every generated file has one and no more).</summary>
    public static string[] Names(string extension, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var prefix = Path.GetFileNameWithoutExtension(testFile) + "." + testName + "#";
        var suffix = ".verified." + extension;
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>()
                .Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && f.EndsWith(suffix, StringComparison.Ordinal))
                .Select(f => f.Substring(prefix.Length, f.Length - prefix.Length - suffix.Length))
                .OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : [];
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    /// <summary>The first lines that differ, with line numbers: enough to see what changed without a diff tool.</summary>
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lines = new System.Collections.Generic.List<string>();
        var max = Math.Max(a.Length, b.Length);
        for (var i = 0; i < max && lines.Count < 30; i++)
        {
            var left = i < a.Length ? a[i] : null;
            var right = i < b.Length ? b[i] : null;
            if (left != right)
            {
                if (left is not null)
                {
                    lines.Add($"{i + 1,5} - {left}");
                }

                if (right is not null)
                {
                    lines.Add($"{i + 1,5} + {right}");
                }
            }
        }

        return string.Join("\n", lines);
    }
}

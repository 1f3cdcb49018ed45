using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace TopologyDsl.Cli;

/// <summary>
/// The file system side of <c>synth</c>: where a template path really leads, atomic writes that
/// reach the disk before the rename, the sweep of temporaries a killed run left, the byte
/// comparison of <c>--check</c>, and a short reason for each I/O fault.
/// </summary>
internal static partial class TemplateFiles
{
    /// <summary>
    /// The file that writing <paramref name="path"/> replaces: the path itself, or, when it is a
    /// symbolic link, the link's final target, so that the link stays a link and <c>--check</c>
    /// (which reads through the link) and <c>synth</c> agree on one file.
    /// </summary>
    public static string Resolve(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)!.FullName;
    }

    /// <summary>The name of a temporary file for <paramref name="path"/>: hidden, beside it, unique.</summary>
    public static string TemporaryFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");

    /// <summary>How old an unlocked temporary must be to count as stale (see <see cref="SweepStaleTemporaries"/>).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Deletes the temporaries of <paramref name="path"/> that a killed run left (<c>.name.yaml.&lt;guid&gt;.tmp</c>).
    /// A running <c>synth</c> holds its temporary open until the rename, so the exclusive open here
    /// fails for it and its file is left alone; a temporary younger than <see cref="StaleAfter"/> is
    /// left too, since a run that has just created its file may not hold the lock yet.
    /// Faults are ignored: the sweep is housekeeping.
    /// </summary>
    public static int SweepStaleTemporaries(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var swept = 0;
        var prefix = "." + Path.GetFileName(path) + ".";
        try
        {
            foreach (var candidate in Directory.EnumerateFiles(folder, prefix + "*.tmp"))
            {
                var name = Path.GetFileName(candidate);
                if (!name.StartsWith(prefix, StringComparison.Ordinal) || !GuidSuffix().IsMatch(name.AsSpan(prefix.Length))
                    || DateTime.UtcNow - File.GetLastWriteTimeUtc(candidate) < StaleAfter)
                {
                    continue;
                }

                try
                {
                    using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
                    {
                        swept++;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // In use by a running synth, or not ours to delete.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable folder: the write that follows reports it.
        }

        return swept;
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> (<see cref="WriteAtomically"/>) unless the
    /// file already holds exactly them. An unchanged template keeps its timestamp: the build passes the
    /// templates to the analyzer (TDSL333), so a rewritten one would make the next build compile again.
    /// </summary>
    public static void WriteIfChanged(string path, byte[] bytes)
    {
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return;
        }

        WriteAtomically(path, bytes);
    }

    /// <summary>
    /// Writes a temporary file beside <paramref name="path"/>, flushes it to the disk, and renames it
    /// over <paramref name="path"/>, so that neither an interrupted run nor a crash after the run
    /// leaves half a template. On a fault the temporary is removed and the old file is untouched.
    /// </summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = TemporaryFor(path);
        try
        {
            // FileShare.Delete: the rename below happens while the file is still open (Windows needs
            // the share for that), and the open handle is what keeps another run's sweep away.
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.Delete);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do; the next run sweeps it.
            }
        }
    }

    /// <summary>
    /// Whether a committed file holds the produced template: the same bytes once CRLF is read as LF
    /// on both sides. Nothing else is normalised: another encoding, a byte order mark, CR-only or
    /// NEL line ends are differences, and any character (U+2028 included) is compared as written.
    /// </summary>
    public static bool SameText(ReadOnlySpan<byte> committed, ReadOnlySpan<byte> produced)
    {
        int i = 0, j = 0;
        while (true)
        {
            var a = Next(committed, ref i);
            var b = Next(produced, ref j);
            if (a != b)
            {
                return false;
            }

            if (a < 0)
            {
                return true;
            }
        }

        static int Next(ReadOnlySpan<byte> bytes, ref int index)
        {
            if (index >= bytes.Length)
            {
                return -1;
            }

            if (bytes[index] == (byte)'\r' && index + 1 < bytes.Length && bytes[index + 1] == (byte)'\n')
            {
                index++;
            }

            return bytes[index++];
        }
    }

    /// <summary>
    /// The first part of <paramref name="folder"/> that exists, when it is a file rather than a
    /// folder (then no template can be written below it); otherwise null.
    /// </summary>
    public static string? FileInTheWay(string folder)
    {
        for (var current = folder; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(current))
            {
                return null;
            }

            if (File.Exists(current))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>A short, lower-case reason for an I/O fault, as the C library words it, without paths or a stack trace.</summary>
    public static string Reason(Exception fault)
    {
        switch (fault)
        {
            case UnauthorizedAccessException:
                return "permission denied";
            case PathTooLongException:
                return "the path is too long";
            case DirectoryNotFoundException:
                return "a folder on the path does not exist";
            case FileNotFoundException:
                return "no such file";
            case IOException io:
                // On Unix the runtime puts the errno into HResult; on Windows, a Win32 error as an HRESULT.
                var code = io.HResult;
                if ((code & 0xFFFF0000) == 0x80070000)
                {
                    code &= 0xFFFF;
                }

                if (code is > 0 and < 0x10000)
                {
                    var text = Marshal.GetPInvokeErrorMessage(code).TrimEnd('.', ' ', '\r', '\n');
                    if (text.Length > 0 && !text.StartsWith("Unknown error", StringComparison.OrdinalIgnoreCase))
                    {
                        return char.ToLowerInvariant(text[0]) + text[1..];
                    }
                }

                return "input/output error";
            default:
                return fault.GetType().Name;
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex GuidSuffix();
}

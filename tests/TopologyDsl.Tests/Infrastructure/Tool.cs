using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace TopologyDsl.Tests.Infrastructure;

/// <summary>What a finished process left: its exit code and both outputs.</summary>
public sealed record ToolRun(int Exit, string Out, string Err)
{
    public override string ToString() => $"exit {Exit}\n{Out}\n{Err}";
}

/// <summary>Runs external programs (cfn-lint, aws, moto_server, setpriv) for the tests that need them.</summary>
public static class Tool
{
    /// <summary>The program's full path when it is on PATH, else null (the test then skips and says so).</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> args, string? folder = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        if (folder is not null)
        {
            start.WorkingDirectory = folder;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    public static ToolRun Run(string program, IEnumerable<string> args, string? folder = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(program, args, folder, environment))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish");
        }

        return new ToolRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The templates every example commits: examples/*/templates/*.yaml.</summary>
    public static IEnumerable<string> ExampleTemplates() =>
        Directory.EnumerateDirectories(TopologyDsl.Testing.Repo.PathOf("examples"))
            .Select(example => Path.Combine(example, "templates"))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.yaml"))
            .Select(path => Path.GetRelativePath(TopologyDsl.Testing.Repo.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}

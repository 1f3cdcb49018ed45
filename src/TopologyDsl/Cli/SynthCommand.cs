using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;

namespace TopologyDsl.Cli;

/// <summary>
/// The command line an example's <c>Main</c> hands its stacks to.
/// <c>synth</c> writes each stack's template to <c>templates/&lt;stack&gt;.yaml</c> in the project folder;
/// <c>synth --check</c> writes nothing and fails when a committed template differs from the code.
/// </summary>
public static class SynthCommand
{
    /// <summary>Exit code: a committed template is missing or stale (<c>--check</c>), or a template breaks a quota.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: the command line was not understood.</summary>
    public const int UsageError = 2;

    /// <summary>The folder, relative to the project, that holds the templates.</summary>
    public const string TemplateFolder = "templates";

    private const string Usage = """
        usage: synth [--check] [--out DIR]
          synth            write each stack's template to DIR/<stack>.yaml
          synth --check    write nothing; fail if a template in DIR is missing or differs from the code
          --out DIR        the folder for templates (default: the project's templates/ folder)
        """;

    /// <summary>Runs the command line against the given stacks' templates.</summary>
    public static int Run(string[] args, params Template[] templates) =>
        Run(args, templates, Console.Out, Console.Error, DefaultOutputDirectory(Assembly.GetEntryAssembly()));

    /// <summary>Runs the command line with explicit writers and default folder (for tests).</summary>
    public static int Run(IReadOnlyList<string> args, IReadOnlyList<Template> templates, TextWriter stdout, TextWriter stderr, string defaultDirectory)
    {
        var check = false;
        var directory = defaultDirectory;
        var rest = args.ToList();
        if (rest.Count == 0 || rest[0] != "synth")
        {
            stderr.WriteLine(Usage);
            return UsageError;
        }

        for (var i = 1; i < rest.Count; i++)
        {
            switch (rest[i])
            {
                case "--check":
                    check = true;
                    break;
                case "--out" when i + 1 < rest.Count:
                    directory = Path.GetFullPath(rest[++i]);
                    break;
                default:
                    stderr.WriteLine($"synth: unknown argument '{rest[i]}'");
                    stderr.WriteLine(Usage);
                    return UsageError;
            }
        }

        // Two stacks with one name would overwrite one template with the other (TDSL308); stacks that
        // import from each other cannot be deployed (TDSL227). Nothing is written then.
        IReadOnlyList<Template> order;
        try
        {
            order = DeployOrder.Sort(templates);
        }
        catch (TopologyException e)
        {
            stderr.WriteLine("synth: error " + e.Message);
            return Failed;
        }

        var failed = false;
        foreach (var template in templates)
        {
            var yaml = TemplateWriter.Write(template);
            var path = Path.Combine(directory, template.StackName + ".yaml");
            var shown = Path.GetRelativePath(Environment.CurrentDirectory, path);
            var size = TemplateWriter.ByteCount(yaml);
            var summary = string.Format(CultureInfo.InvariantCulture, "{0:N0} bytes, {1} resources", size, template.Resources.Count);

            if (size > Template.MaxBytes)
            {
                stderr.WriteLine($"{shown}: error TDSL306: the template is {size:N0} bytes; CloudFormation accepts at most {Template.MaxBytes:N0}. Split the topology into several stacks");
                failed = true;
                continue;
            }

            if (size > Template.MaxInlineBytes)
            {
                stderr.WriteLine($"{shown}: warning TDSL305: the template is {size:N0} bytes, over the {Template.MaxInlineBytes:N0} that 'aws cloudformation deploy' passes inline; deploy it with --s3-bucket");
            }

            if (check)
            {
                var committed = File.Exists(path) ? File.ReadAllText(path) : null;
                if (committed is null)
                {
                    stderr.WriteLine($"{shown}: missing; run 'synth' and commit the template");
                    failed = true;
                }
                else if (committed.ReplaceLineEndings("\n") != yaml)
                {
                    stderr.WriteLine($"{shown}: differs from what the code produces; run 'synth' and commit the template");
                    failed = true;
                }
                else
                {
                    stdout.WriteLine($"{shown}: up to date ({summary})");
                }

                continue;
            }

            WriteAtomically(path, yaml);
            stdout.WriteLine($"wrote {shown} ({summary})");
        }

        if (templates.Count > 1 && !failed)
        {
            stdout.WriteLine("deploy order: " + string.Join(", ", order.Select(t => t.StackName)));
        }

        return failed ? Failed : 0;
    }

    /// <summary>
    /// The default folder: <c>templates/</c> in the project folder that the build recorded
    /// (TopologyDsl.targets adds it as assembly metadata), else in the current folder.
    /// </summary>
    public static string DefaultOutputDirectory(Assembly? entry)
    {
        var project = entry?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TopologyDsl.ProjectDirectory")?.Value;
        var root = !string.IsNullOrEmpty(project) && Directory.Exists(project) ? project : Environment.CurrentDirectory;
        return Path.Combine(root, TemplateFolder);
    }

    /// <summary>Writes to a temporary file beside the target, then renames it over the target, so an interrupted run never leaves half a template.</summary>
    internal static void WriteAtomically(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
